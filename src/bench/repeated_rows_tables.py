"""Tables of repeated rows for measuring σ auto there (README, "Tables of repeated rows"). Standard library only:

    python3 src/bench/repeated_rows_tables.py OUT_DIR

writes plans.csv (3,000 customers: plan, region, active, children 0-6, a 1-5 score with 2 % decimals; 90 % of the
rows repeat another) and orders_P.csv for P = 0, 0.4, 0.6 (4,000 orders: channel, category, units, discount, a
price from six list prices or, for a share P of the rows and for every garden item when P = 0, a uniform one;
returned), whose repeated shares fall from 71 % to 29 % as P grows.
"""
import os
import random
import sys


def plans(path):
    random.seed(7)
    with open(path, 'w') as f:
        f.write('plan,region,active,children,score\n')
        for _ in range(3000):
            plan = random.choices(['basic', 'plus', 'pro', 'team'], [50, 30, 15, 5])[0]
            region = random.choice(['n', 's', 'e', 'w', 'c'])
            active = random.random() < (0.3 if plan == 'basic' else 0.7)
            children = min(int(random.expovariate(0.8)), 6)
            score = random.choices([1, 2, 3, 4, 5], [5, 10, 20, 40, 25])[0]
            if random.random() < 0.02:
                score = round(random.uniform(1, 5), 1)
            f.write(f'{plan},{region},{str(active).lower()},{children},{score}\n')


def orders(path, uniform_share, seed):
    random.seed(seed)
    with open(path, 'w') as f:
        f.write('channel,category,units,discount,price,returned\n')
        for _ in range(4000):
            channel = random.choices(['web', 'store', 'phone'], [60, 35, 5])[0]
            category = random.choice(['toys', 'food', 'tools', 'books', 'garden', 'sport'])
            units = 1 + min(int(random.expovariate(0.6 if channel == 'store' else 1.0)), 9)
            discount = random.choices([0, 5, 10, 20], [70, 15, 10, 5])[0]
            uniform = random.random() < uniform_share if uniform_share > 0 else category == 'garden'
            price = round(random.uniform(5, 80), 2) if uniform \
                else random.choice([4.99, 9.99, 14.99, 19.99, 24.99, 49.99])
            returned = random.random() < (0.15 if channel == 'web' else 0.05)
            f.write(f'{channel},{category},{units},{discount},{price},{str(returned).lower()}\n')


out = sys.argv[1]
os.makedirs(out, exist_ok=True)
plans(os.path.join(out, 'plans.csv'))
orders(os.path.join(out, 'orders_0.csv'), 0, 8)
orders(os.path.join(out, 'orders_0.4.csv'), 0.4, 3)
orders(os.path.join(out, 'orders_0.6.csv'), 0.6, 3)
