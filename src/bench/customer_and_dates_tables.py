"""Two small tables a new user tried (README, "The second pilot" and "Time of day"). Standard library only:

    python3 src/bench/customer_and_dates_tables.py OUT_DIR

writes customers.csv (1,500 rows: customer_id, 5 regions, plans basic/plus/pro at 60/30/10 %, age 18-80, a
log-normal income, a balance that is 0 for 30 % of rows, churned yes/no at 10 % for pro and 25 % otherwise, a
signup date in 2023) and dates.csv (1,000 rows: an event of three kinds, ts_compact `yyyyMMdd HHmm` at a random day
of 2024 and a random quarter hour, ts_slash `dd/MM/yyyy HH:mm` at a random day of 2024 between 08:00 and 17:59,
an amount 1-100). One random stream, seeded 7, in that order; between the two it draws the rows of two tables of
missing cells the new user also tried, so that the files are the ones measured.
"""
import csv
import os
import random
import sys


def customers(path):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['customer_id', 'region', 'plan', 'age', 'income', 'balance', 'churned', 'signup'])
        for i in range(1500):
            region = random.choice(['north', 'south', 'east', 'west', 'central'])
            plan = random.choices(['basic', 'plus', 'pro'], [0.6, 0.3, 0.1])[0]
            age = random.randint(18, 80)
            income = round(random.lognormvariate(10.5, 0.5), 2)
            balance = 0.0 if random.random() < 0.3 else round(random.gauss(2000, 800), 2)
            churned = random.random() < (0.1 if plan == 'pro' else 0.25)
            signup = f"2023-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
            w.writerow([1000 + i, region, plan, age, income, balance, 'yes' if churned else 'no', signup])


def missing_cells_rows():
    """The draws of the two missing-cell tables (1,200 rows each), which are not written."""
    for _ in range(1200):
        random.choice('rgb'); random.choice('SML'); random.gauss(50, 10); random.randint(0, 100)
        random.choice('abc')
        for _ in range(5):
            random.random()
    for _ in range(1200):
        random.choice('rgb'); random.choice('SML'); random.gauss(50, 10); random.randint(0, 100)
        for _ in range(4):
            random.random()


def dates(path):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['event', 'ts_compact', 'ts_slash', 'amount'])
        for _ in range(1000):
            dd, mm, hh = random.randint(1, 28), random.randint(1, 12), random.randint(0, 23)
            mi = random.choice([0, 15, 30, 45])
            dd2, mm2, hh2, mi2 = random.randint(1, 28), random.randint(1, 12), random.randint(8, 17), random.randint(0, 59)
            w.writerow([random.choice(['login', 'buy', 'view']), f"2024{mm:02d}{dd:02d} {hh:02d}{mi:02d}",
                        f"{dd2:02d}/{mm2:02d}/2024 {hh2:02d}:{mi2:02d}", round(random.uniform(1, 100), 2)])


if __name__ == '__main__':
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    random.seed(7)
    customers(os.path.join(out, 'customers.csv'))
    missing_cells_rows()
    dates(os.path.join(out, 'dates.csv'))
