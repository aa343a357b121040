#!/usr/bin/env python3
# A loan-like wide mixed table, for issue #12's "wide mixed tables" (README, "Categories on a wide mixed table"): 9,857 rows,
# 23 columns in the shape of LendingClub's: two high-cardinality categorical columns (50 states, 35 purposes),
# sub_grade nested in grade, a term written " 36 months", zero-inflated counts, skewed money, a mostly-missing
# column and a binary target. Seeded: the same file on every run. Usage: python3 src/bench/loan_table.py OUT.csv.gz
import numpy as np, gzip, sys
rng = np.random.default_rng(11)
n = 9857
def zipf_levels(k, s=1.1):
    p = 1.0 / np.arange(1, k + 1) ** s; return p / p.sum()
states = ['S%02d' % i for i in range(50)]
purposes = ['purpose_%d' % i for i in range(35)]
state = rng.choice(states, n, p=zipf_levels(50, 0.9))
purpose = rng.choice(purposes, n, p=zipf_levels(35, 1.3))
risk = rng.normal(size=n)
grade_idx = np.clip(np.round(2.5 + 1.3 * risk + rng.normal(0, 0.6, n)), 0, 6).astype(int)
grade = np.array(list('ABCDEFG'))[grade_idx]
sub_grade = np.array([g + str(1 + rng.integers(5)) for g in grade])
home = rng.choice(['RENT', 'MORTGAGE', 'OWN', 'OTHER'], n, p=[.42, .45, .12, .01])
term = np.where(rng.random(n) < 0.25 + 0.05 * grade_idx, ' 60 months', ' 36 months')
emp = rng.integers(0, 11, n).astype(float); emp[rng.random(n) < 0.03] = np.nan
inc = np.round(np.exp(rng.normal(11.0, 0.55, n)) / 100) * 100
amnt = np.clip(np.round(np.exp(rng.normal(9.2, 0.6, n) + 0.2 * np.log(inc / 60000)) / 25) * 25, 500, 35000)
rate = np.round(6 + 3.2 * grade_idx + rng.normal(0, 0.8, n), 2)
months = np.where(term == ' 60 months', 60, 36); r = rate / 1200
inst = np.round(amnt * r / (1 - (1 + r) ** -months), 2)
dti = np.round(np.clip(rng.gamma(4, 3.5, n), 0, 40), 2)
delinq = np.where(rng.random(n) < 0.85, 0, rng.poisson(1.3, n) + 1)
inq = np.where(rng.random(n) < 0.5, 0, rng.poisson(1.0 + 0.2 * grade_idx, n))
pub = np.where(rng.random(n) < 0.94, 0, rng.integers(1, 4, n))
open_acc = rng.poisson(9, n) + 1
total_acc = open_acc + rng.poisson(12, n)
revol_bal = np.where(rng.random(n) < 0.03, 0, np.round(np.exp(rng.normal(9.3, 1.0, n))))
revol_util = np.round(np.clip(rng.beta(2, 2.2, n) * 100 + 5 * risk, 0, 119.9), 1)
since_delinq = np.where(delinq > 0, rng.integers(0, 80, n), np.where(rng.random(n) < 0.2, rng.integers(0, 120, n), -1)).astype(float)
since_delinq[since_delinq < 0] = np.nan
verified = rng.choice(['Verified', 'Source Verified', 'Not Verified'], n, p=[.32, .25, .43])
collections = np.where(rng.random(n) < 0.985, 0, 1)
logit = -2.2 + 0.45 * grade_idx + 0.03 * (dti - 14) + 0.3 * (term == ' 60 months') + 0.2 * inq - 0.2 * np.log(inc / 60000)
status = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), 'Charged Off', 'Fully Paid')
cols = [('loan_amnt', amnt), ('term', term), ('int_rate', rate), ('installment', inst), ('grade', grade),
        ('sub_grade', sub_grade), ('emp_length', emp), ('home_ownership', home), ('annual_inc', inc),
        ('verification_status', verified), ('purpose', purpose), ('addr_state', state), ('dti', dti),
        ('delinq_2yrs', delinq), ('inq_last_6mths', inq), ('mths_since_last_delinq', since_delinq),
        ('open_acc', open_acc), ('pub_rec', pub), ('revol_bal', revol_bal), ('revol_util', revol_util),
        ('total_acc', total_acc), ('collections_12_mths', collections), ('loan_status', status)]
def fmt(v):
    if isinstance(v, (float, np.floating)):
        if np.isnan(v): return ''
        return ('%d' % v) if float(v).is_integer() else repr(round(float(v), 2))
    return str(v)
with gzip.open(sys.argv[1], 'wt') as f:
    f.write(','.join(c for c, _ in cols) + '\n')
    for i in range(n):
        f.write(','.join(fmt(v[i]) for _, v in cols) + '\n')
