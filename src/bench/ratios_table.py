#!/usr/bin/env python3
# A table of ratios written beside the two columns they are computed from, for README's "Formulas": 3,000 rows of a
# sensor (six kinds, each with its own typical efficiency), its energy in (log-normal, 1 decimal), its energy out
# (1 decimal) and their efficiency = energy_out / energy_in (4 decimals, 0.5-0.9), and of a web page's visits, its
# buys (binomial) and their conversion = buys / visits (4 decimals). Seeded: the same file on every run.
# Usage: python3 src/bench/ratios_table.py OUT.csv; python3 src/bench/ratios_table.py --check TRAIN.csv DIR prints,
# for the CSV part files' rows in DIR against the training rows: the share of rows that break each ratio's
# definition, each ratio's standard deviation and share of rows outside its training range, and each dividend's
# 5/50/95th percentiles.
import csv, glob, math, os, random, statistics, sys

random.seed(47)
RATIOS = {'efficiency': ('energy_out', 'energy_in'), 'conversion': ('buys', 'visits')}


def number(text):
    return float(text) if text != '' else math.nan


def check(train_path, out_dir):
    train = list(csv.DictReader(open(train_path)))
    out = [r for f in sorted(glob.glob(os.path.join(out_dir, 'part-*.csv'))) for r in csv.DictReader(open(f))]
    for ratio, (dividend, divisor) in RATIOS.items():
        def values(rows, column):
            return [v for v in (number(r[column]) for r in rows) if not math.isnan(v)]
        complete = [r for r in out if all(r[c] != '' for c in (ratio, dividend, divisor)) and number(r[divisor])]
        broken = sum(abs(number(r[dividend]) / number(r[divisor]) - number(r[ratio])) > 0.00005 * (1 + 1e-9)
                     for r in complete)
        low, high = min(values(train, ratio)), max(values(train, ratio))
        outside = sum(not low <= v <= high for v in values(out, ratio))
        q = lambda vs: '/'.join(f'{v:.4g}' for v in (statistics.quantiles(vs, n=20)[i] for i in (0, 9, 18)))
        print(f'{ratio} = {dividend} / {divisor}: broken {100 * broken / max(1, len(complete)):.2f} % of '
              f'{len(complete)}; sd {statistics.stdev(values(out, ratio)):.4f} (training '
              f'{statistics.stdev(values(train, ratio)):.4f}); outside [{low}, {high}] '
              f'{100 * outside / len(values(out, ratio)):.1f} %; {dividend} 5/50/95th {q(values(out, dividend))} '
              f'(training {q(values(train, dividend))})')


if sys.argv[1] == '--check':
    check(sys.argv[2], sys.argv[3])
    sys.exit(0)

rows = []
for _ in range(3000):
    kind = random.randrange(6)
    energy_in = round(math.exp(random.gauss(6.2, 0.5)), 1)
    efficiency = min(0.9, max(0.5, random.gauss(0.58 + 0.05 * kind, 0.06)))
    energy_out = round(energy_in * efficiency, 1)
    visits = int(math.exp(random.gauss(5.5, 0.8))) + 20
    rate = random.betavariate(2, 30)
    buys = sum(random.random() < rate for _ in range(visits))
    rows.append([f'S{kind}', f'{energy_in:.1f}', f'{energy_out:.1f}', f'{energy_out / energy_in:.4f}', visits, buys,
                 f'{buys / visits:.4f}'])
with open(sys.argv[1], 'w', newline='') as f:
    writer = csv.writer(f)
    writer.writerow(['sensor', 'energy_in', 'energy_out', 'efficiency', 'visits', 'buys', 'conversion'])
    writer.writerows(rows)
