#!/usr/bin/env python3
# An orders table of dates that follow each other, for README's "Dates that follow each other": 1,500 rows of an
# order date (600 days from 2023-01-01), a ship date 0-7 days later (the same day in about 2 rows of 7), a delivery
# time 1-6 days after the ship date (hours 8-20 on the hour or half hour), an amount (log-normal) and the part of it
# paid (all of it in 60 % of rows). Seeded: the same file on every run. Usage: python3 src/bench/orders_table.py OUT.csv
import datetime as dt, random, sys
random.seed(41)
rows = ['order_date,ship_date,delivered_ts,amount,paid']
for _ in range(1500):
    ordered = dt.date(2023, 1, 1) + dt.timedelta(days=random.randint(0, 600))
    shipped = ordered + dt.timedelta(days=random.choice([0, 0, 1, 2, 3, 5, 7]))
    delivered = dt.datetime.combine(shipped, dt.time(random.randint(8, 20), random.choice([0, 30]))) \
        + dt.timedelta(days=random.randint(1, 6))
    amount = round(random.lognormvariate(4, 1), 2)
    paid = amount if random.random() < 0.6 else round(amount * random.random(), 2)
    rows.append(f'{ordered},{shipped},{delivered:%Y-%m-%d %H:%M:%S},{amount:.2f},{paid:.2f}')
with open(sys.argv[1], 'w') as out:
    out.write('\n'.join(rows) + '\n')
