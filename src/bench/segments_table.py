#!/usr/bin/env python3
# A customer table of columns derived from others, for README's "Numbers and the categories they decide": 3,000
# rows of an age (18-80), its age group (18-29, 30-44, 45-64, 65+), an income (log-normal, rising with age), its band
# (low below 30,000, high from 80,000, mid between), a plan and its monthly price (student and basic share 8.95, so
# the price does not tell the plan), a number of seats (1-60), a negotiated seat price (5.00-12.00) and the seats'
# bill (seats x seat price), a signup date (2021-2024) and its year, fees and tax in cents and their total, a score
# and its flag (1 above 650), and an unrelated region. Seeded: the same file on every run.
# Usage: python3 src/bench/segments_table.py OUT.csv; python3 src/bench/segments_table.py --check DIR prints the
# share of the CSV part files' rows in DIR that break each rule.
import csv, datetime as dt, glob, os, random, sys
random.seed(43)
PRICES = {'basic': '8.95', 'student': '8.95', 'standard': '14.99', 'premium': '19.99'}

def group_of(age):
    return '18-29' if age < 30 else '30-44' if age < 45 else '45-64' if age < 65 else '65+'


def band_of(income):
    return 'low' if income < 30000 else 'mid' if income < 80000 else 'high'


if sys.argv[1] == '--check':
    out = [r for f in sorted(glob.glob(os.path.join(sys.argv[2], 'part-*.csv'))) for r in csv.DictReader(open(f))]
    rules = {'age_group': lambda r: r['age_group'] == group_of(int(r['age'])),
             'income_band': lambda r: r['income_band'] == band_of(float(r['income'])),
             'monthly_price': lambda r: r['monthly_price'] == PRICES[r['plan']],
             'signup_year': lambda r: r['signup_year'] == r['signup_date'][:4],
             'bill': lambda r: round(100 * float(r['bill'])) == round(100 * int(r['seats']) * float(r['seat_price'])),
             'total': lambda r: round(100 * float(r['total'])) == round(100 * float(r['fees']))
             + round(100 * float(r['tax'])),
             'high_score': lambda r: r['high_score'] == str(int(float(r['score']) > 650))}
    print(f'{len(out)} rows; broken: ' + ', '.join(
        f'{name} {100 * sum(not rule(r) for r in out) / len(out):.2f} %' for name, rule in rules.items()))
    sys.exit(0)
rows = ['age,age_group,income,income_band,plan,monthly_price,seats,seat_price,bill,signup_date,signup_year,fees,tax,total,'
        'score,high_score,region']
for _ in range(3000):
    age = random.randint(18, 80)
    group = group_of(age)
    income = round(random.lognormvariate(10.3 + 0.012 * (age - 18), 0.55), 2)
    band = band_of(income)
    plan = random.choices(list(PRICES), weights=[4, 1, 3, 2])[0]
    signup = dt.date(2021, 1, 1) + dt.timedelta(days=random.randint(0, 4 * 365))
    region = random.choice(['north', 'south', 'east', 'west', 'centre'])
    fees = random.randint(500, 20000)  # cents
    tax = random.randint(0, fees // 4)
    score = round(random.gauss(620, 60), 1)
    seats = random.randint(1, 60)
    seat_price = random.randint(500, 1200)  # cents
    bill = seats * seat_price
    rows.append(f'{age},{group},{income:.2f},{band},{plan},{PRICES[plan]},{seats},{seat_price / 100:.2f},'
                f'{bill / 100:.2f},{signup},'
                f'{signup.year},{fees / 100:.2f},'
                f'{tax / 100:.2f},{(fees + tax) / 100:.2f},{score},{int(score > 650)},{region}')
with open(sys.argv[1], 'w') as out:
    out.write('\n'.join(rows) + '\n')
