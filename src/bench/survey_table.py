#!/usr/bin/env python3
"""A survey-shaped benchmark table (BENCHMARKS.md, "Fixed costs"): ROWS respondents x (5 + ITEMS) columns.

Each respondent has two latent traits (standard normal, correlation 0.3); each item loads on one of them
(loading 0.6-1.4) and its 0-4 answer is the graded-response bucket of loading * trait + logistic noise at four
item-specific thresholds. Five background columns: a respondent id, age, gender, region and survey wave.
Standard library only, seeded: the same arguments write the same file.

    python3 src/bench/survey_table.py OUT.csv.gz [ROWS=1500] [ITEMS=300] [SEED=1]
"""
import csv
import gzip
import math
import random
import sys


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    items = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    trait_of = [rng.randrange(2) for _ in range(items)]
    loading = [rng.uniform(0.6, 1.4) for _ in range(items)]
    shift = [rng.gauss(0, 0.5) for _ in range(items)]
    thresholds = [sorted(shift[i] + rng.gauss(0, 0.3) + t for t in (-1.5, -0.5, 0.5, 1.5)) for i in range(items)]
    with gzip.open(out, "wt", newline="") as f:
        w = csv.writer(f)
        w.writerow(["respondent", "age", "gender", "region", "wave"] + [f"q{i + 1:03d}" for i in range(items)])
        for r in range(rows):
            a = rng.gauss(0, 1)
            b = 0.3 * a + math.sqrt(1 - 0.09) * rng.gauss(0, 1)
            traits = (a, b)
            answers = []
            for i in range(items):
                u = rng.random()
                y = loading[i] * traits[trait_of[i]] + math.log(u / (1 - u)) * 0.6
                answers.append(sum(y > t for t in thresholds[i]))
            w.writerow([f"R{r + 1:05d}", rng.randint(18, 85), rng.choice("FM"),
                        rng.choice(["north", "south", "east", "west"]), rng.randint(1, 3)] + answers)


if __name__ == "__main__":
    main()
