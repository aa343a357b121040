"""Why noise does not bring σ-CFDM's closer-to-train share to its ideal (README, "Noise along the parents'
directions"). NumPy only; about 30 s on 2 cores:

    python3 src/bench/closer_to_train_probe.py [src/test/resources/data/credit_default.csv.gz]

Credit default's 14 number columns as normal scores (rank-based, ties averaged), split 27,000 / 3,000 (seed 1). A
sample is the barycentre of the nearest training rows to M = 4 copies of a random training row, each moved by
σ·N(0, I) (the flow's last step, without the flow), then optionally noised. Printed: the share of samples nearer
a training row than a held-out one (ideal 0.9), their median distance to the training rows, and sliced W2 to the
held-out rows (200 directions).
"""
import csv
import gzip
import sys
from statistics import NormalDist

import numpy as np

COLUMNS = ['LIMIT_BAL', 'AGE'] + ['BILL_AMT%d' % i for i in range(1, 7)] + ['PAY_AMT%d' % i for i in range(1, 7)]
rng = np.random.default_rng(1)


def normal_scores(x):
    z = np.empty_like(x)
    inv = np.vectorize(NormalDist().inv_cdf)
    for j in range(x.shape[1]):
        _, groups = np.unique(x[:, j], return_inverse=True)
        ranks = np.empty(len(x))
        ranks[np.argsort(x[:, j], kind='mergesort')] = np.arange(len(x))
        mean_rank = (np.bincount(groups, ranks) / np.bincount(groups))[groups]
        z[:, j] = inv((mean_rank + 0.5) / len(x))
    return z


def load(path):
    with gzip.open(path, 'rt') as f:
        rows = list(csv.reader(f))
    at = [rows[0].index(c) for c in COLUMNS]
    return np.array([[float(r[i]) for i in at] for r in rows[1:]])


z = normal_scores(load(sys.argv[1] if len(sys.argv) > 1 else 'src/test/resources/data/credit_default.csv.gz'))
order = rng.permutation(len(z))
holdout, train = z[order[:3000]], z[order[3000:]]
train_norms = (train ** 2).sum(1)
directions = rng.standard_normal((200, z.shape[1]))
directions /= np.linalg.norm(directions, axis=1, keepdims=True)


def squared_distances(q, rows, norms):
    return np.maximum((q ** 2).sum(1)[:, None] - 2 * q @ rows.T + norms[None, :], 0)


def nearest(q, k):
    return np.argsort(squared_distances(q, train, train_norms), axis=1)[:, :k]


def report(name, s):
    to_train = np.sqrt(squared_distances(s, train, train_norms).min(1))
    to_holdout = np.sqrt(squared_distances(s, holdout, (holdout ** 2).sum(1)).min(1))
    n = min(len(s), len(holdout))
    w2 = np.sqrt(np.mean([np.mean((np.sort(s[:n] @ p) - np.sort(holdout[:n] @ p)) ** 2) for p in directions]))
    print('%-34s closer-to-train %.3f  median DCR %.3f  sliced W2 to held-out %.4f'
          % (name, (to_train < to_holdout).mean(), np.median(to_train), w2))


def barycentres(n, sigma, draws=4, leave_start_out=False):
    start = rng.integers(0, len(train), n)
    parents = []
    for _ in range(draws):
        two = nearest(train[start] + sigma * rng.standard_normal((n, z.shape[1])), 2)
        parents.append(np.where(leave_start_out & (two[:, 0] == start), two[:, 1], two[:, 0]))
    parents = np.stack(parents, 1)
    return train[parents].mean(1), parents


n = 4000
base, parents = barycentres(n, 0.5)
report('barycentres, sigma 0.5', base)
for tau in (0.2, 0.4):
    report('+ Gaussian noise %.1f per column' % tau, base + tau * rng.standard_normal(base.shape))
neighbours = train[nearest(base, 20)]
spread = neighbours - neighbours.mean(1, keepdims=True)
for tau in (0.5, 1.0, 1.5):
    report('+ noise along 20 nearest rows, %.1f' % tau,
           base + tau * (rng.standard_normal((n, 20, 1)) * spread).sum(1) / np.sqrt(20))
deviations = train[parents] - base[:, None, :]
for tau in (0.5, 1.0, 1.5):
    report('+ noise along the parents, %.1f' % tau,
           base + tau * (rng.standard_normal((n, 4, 1)) * deviations).sum(1) / 2)
report('start row left out of the parents', barycentres(n, 0.5, leave_start_out=True)[0])
report('barycentres, sigma 0.7', barycentres(n, 0.7)[0])
