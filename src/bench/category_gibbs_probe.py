"""A Gibbs redraw of the categorical columns of a generate output (README, "Redrawing the loosely tied
columns"). NumPy only; 2-4 minutes on 2 cores for 27,000 rows:

    python3 src/bench/category_gibbs_probe.py RUN INPUT OUT [--exclude COL] [--max-information NATS] [--keep COL]

RUN is a `generate --holdout-fraction f --report` output (its part files, `_holdout/` and `_report/report.json`,
which says which columns are categorical), INPUT the table it read. The training rows are INPUT less the held-out
ones. Distances are the report's: numbers standardised with the training mean and sd, categories one-hot × 1/√2.

For each categorical column c, the information the other columns hold about it is estimated on 2,000 training
rows left out one at a time: the k nearest other rows on every column but c give c's conditional distribution
(counts plus one pseudo-row of the marginal), k from a ladder by the best mean log-likelihood; the information is
that log-likelihood less the marginal's, in nats (a k-NN estimate of the mutual information I(c; rest)). Columns
below --max-information (default 0.15 nats) are loosely tied to the rest; --keep names a column never redrawn. Each synthetic row then takes, column
by column, the value of c from one of its k nearest training rows on the other columns, drawn uniformly (one
sweep of Gibbs sampling with the k-NN conditional; k at least 20). Printed: for the held-out, synthetic and redrawn
rows, how often a row's nearest training row has all its categories and the closer-to-train share. The redrawn table is written to OUT/part-00000.csv,
for `./submit.sh report --train INPUT --synthetic OUT --holdout RUN/_holdout ...`.
"""
import argparse
import collections
import csv
import glob
import gzip
import json
import os

import numpy as np

K_LADDER = (1, 2, 3, 5, 10, 20, 50, 100, 200)
MIN_K = 20


def read(paths, exclude=None):
    rows, header = [], None
    for path in paths:
        with (gzip.open(path, 'rt') if path.endswith('.gz') else open(path)) as f:
            reader = csv.reader(f)
            header = next(reader)
            rows.extend(reader)
    if exclude:
        at = header.index(exclude)
        header = header[:at] + header[at + 1:]
        rows = [r[:at] + r[at + 1:] for r in rows]
    return header, np.array(rows)


def encode(table, header, categorical, levels=None, scale=None):
    """Report space: standardised numbers, then one-hot × 1/√2 blocks; returns (matrix, levels, scale, blocks)."""
    levels = levels or {h: sorted(set(table[:, j])) for j, h in enumerate(header) if h in categorical}
    scale = scale or {h: (table[:, j].astype(float).mean(), table[:, j].astype(float).std())
                      for j, h in enumerate(header) if h not in categorical}
    numbers = [((table[:, j].astype(float) - scale[h][0]) / scale[h][1])[:, None]
               for j, h in enumerate(header) if h not in categorical]
    parts, blocks, width = [], {}, len(numbers)
    for j, h in enumerate(header):
        if h in categorical:
            index = {v: i for i, v in enumerate(levels[h])}
            block = np.zeros((len(table), len(index)))
            for i, v in enumerate(table[:, j]):
                if v in index:
                    block[i, index[v]] = 1 / np.sqrt(2)
            parts.append(block)
            blocks[h] = (j, width, width + len(index))
            width += len(index)
    return np.hstack(numbers + parts), levels, scale, blocks


def nearest(queries, rows, k, leave_out=None):
    """Indices of the k nearest rows of each query, nearest first (leave_out[i]: a row query i may not take)."""
    squared = (rows * rows).sum(1)
    out = np.empty((len(queries), k), int)
    for a in range(0, len(queries), 1000):
        q = queries[a:a + 1000]
        d = (q * q).sum(1)[:, None] - 2 * q @ rows.T + squared[None, :]
        if leave_out is not None:
            d[np.arange(len(q)), leave_out[a:a + 1000]] = np.inf
        part = np.argpartition(d, k, axis=1)[:, :k]
        out[a:a + 1000] = np.take_along_axis(part, np.argsort(np.take_along_axis(d, part, 1), 1), 1)
    return out


def without(matrix, block):
    keep = np.ones(matrix.shape[1], bool)
    keep[block[1]:block[2]] = False
    return matrix[:, keep]


def information(train, train_table, block, rng):
    """(best k, nats): the k-NN estimate of I(c; rest) on 2,000 training rows left out one at a time."""
    queries = rng.choice(len(train), min(2000, len(train) - 1), replace=False)
    rest = without(train, block)
    neighbours = nearest(rest[queries], rest, max(K_LADDER), leave_out=queries)
    _, codes = np.unique(train_table[:, block[0]], return_inverse=True)
    marginal = np.bincount(codes) / len(codes)
    truth = codes[queries]
    held = codes[neighbours] == truth[:, None]
    scores = [np.log((held[:, :k].sum(1) + marginal[truth]) / (k + 1)).mean() for k in K_LADDER]
    best = int(np.argmax(scores))
    return K_LADDER[best], scores[best] - np.log(marginal[truth]).mean()


def closeness(name, queries, train, held_out, blocks, rng, own_rows=False):
    """Prints, on up to 3,000 rows, the share whose nearest training row has all their categories, and the share
    nearer a training row than a held-out one (closer-to-train; own_rows: the queries are the held-out rows)."""
    at = rng.choice(len(queries), min(3000, len(queries)), replace=False)
    q = queries[at]
    to_train = nearest(q, train, 1)[:, 0]
    to_held = nearest(q, held_out, 1, leave_out=at if own_rows else None)[:, 0]
    d_train = ((q - train[to_train]) ** 2).sum(1)
    d_held = ((q - held_out[to_held]) ** 2).sum(1)
    first = min(b[1] for b in blocks.values())
    same = (np.abs(q[:, first:] - train[to_train, first:]).sum(1) < 1e-9).mean()
    print('%-24s nearest training row has the same categories %.3f, closer-to-train %.4f'
          % (name, same, (d_train < d_held).mean()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('run')
    parser.add_argument('input')
    parser.add_argument('out')
    parser.add_argument('--exclude')
    parser.add_argument('--max-information', type=float, default=0.15)
    parser.add_argument('--keep', action='append', default=[], help='a column never redrawn (the TSTR target)')
    args = parser.parse_args()
    header, everything = read([args.input], args.exclude)
    _, holdout = read(sorted(glob.glob(os.path.join(args.run, '_holdout', 'part-*'))))
    _, synthetic = read(sorted(glob.glob(os.path.join(args.run, 'part-*'))))
    # The training rows: the input less one equal row per held-out row.
    pending = collections.Counter(map(tuple, holdout))
    rows = []
    for row in everything:
        if pending[tuple(row)] > 0:
            pending[tuple(row)] -= 1
        else:
            rows.append(row)
    train_table = np.array(rows)
    with open(os.path.join(args.run, '_report', 'report.json')) as f:
        kinds = {c['name']: c['kind'] for c in json.load(f)['columns']}
    categorical = {h for h in header if kinds.get(h) == 'categorical'}
    train, levels, scale, blocks = encode(train_table, header, categorical)
    samples = encode(synthetic, header, categorical, levels, scale)[0]
    rng = np.random.default_rng(7)
    held_out = encode(holdout, header, categorical, levels, scale)[0]
    closeness('held-out rows', held_out, train, held_out, blocks, np.random.default_rng(1), own_rows=True)
    closeness('synthetic rows', samples, train, held_out, blocks, np.random.default_rng(1))
    redrawn = synthetic.copy()
    for name, block in blocks.items():
        if name in args.keep:
            continue
        k, nats = information(train, train_table, block, rng)
        if nats >= args.max_information:
            print('%-28s I(c; rest) %.3f nats: kept' % (name, nats))
            continue
        k = max(k, MIN_K)
        neighbours = nearest(without(samples, block), without(train, block), k)
        drawn = neighbours[np.arange(len(samples)), rng.integers(0, k, len(samples))]
        redrawn[:, block[0]] = train_table[drawn, block[0]]
        samples[:, block[1]:block[2]] = train[drawn, block[1]:block[2]]
        print('%-28s I(c; rest) %.3f nats: redrawn from %d neighbours, %.1f %% of cells changed'
              % (name, nats, k, 100 * (redrawn[:, block[0]] != synthetic[:, block[0]]).mean()), flush=True)
    closeness('redrawn rows', samples, train, held_out, blocks, np.random.default_rng(1))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, 'part-00000.csv'), 'w', newline='') as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(redrawn)


if __name__ == '__main__':
    main()
