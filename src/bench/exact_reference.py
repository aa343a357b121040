#!/usr/bin/env python3
"""Independent NumPy/OpenBLAS brute-force reference of the EXACT sigma-CFDM sampler (docs: method.md 2-4).

Same work as `submit.sh generate --estimator exact`: for every trajectory, start at t0 = ceil(T*S)/S from the
noised mixture (a uniform training row x_i, z = t0*x_i + (1-t0)*xi), draw M smoothing vectors once per
trajectory, and take Euler steps n = n0 .. S-1 with z <- (1-c) z + c * mean_m xhat(z + sigma*eps_m, t_n),
c = 1/(S-n), where xhat is the exact posterior mean over all N rows (one GEMM of queries x rows, then a
log-sum-exp softmax and a second GEMM). The last step (c = 1) lands on xhat^sigma.

Input: the job's encoded, standardised training matrix as .npy (org.cfdmspark.bench.TrainingMatrixDump).
Prints one line: reference_seconds=... (sampling only, after loading). Float64 throughout.

  python3 src/bench/exact_reference.py X.npy --num-samples 3000 --sigma 1 --draws 4 --steps 100 --start-time 0.9
"""
import argparse
import math
import time

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("matrix")
    p.add_argument("--num-samples", type=int, default=3000)
    p.add_argument("--sigma", type=float, default=1.0)
    p.add_argument("--draws", type=int, default=4)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--start-time", type=float, default=0.9)
    p.add_argument("--block", type=int, default=128, help="trajectories per block (memory: block*M*N doubles)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--output", help="optional .npy of the samples (encoded space)")
    a = p.parse_args()

    x = np.load(a.matrix).astype(np.float64)
    n, d = x.shape
    sq = np.einsum("ij,ij->i", x, x)
    rng = np.random.default_rng(a.seed)
    s, m = a.steps, a.draws
    n0 = math.ceil(a.start_time * s - 1e-9)
    t0 = n0 / s
    out = np.empty((a.num_samples, d))
    logits_buf = np.empty((a.block * m, n))  # reused: no page faults from a fresh block x N array per step

    start = time.perf_counter()
    for first in range(0, a.num_samples, a.block):
        b = min(a.block, a.num_samples - first)
        z = t0 * x[rng.integers(0, n, b)] + (1 - t0) * rng.standard_normal((b, d))
        eps = a.sigma * rng.standard_normal((b, m, d))
        for step in range(n0, s):
            t = step / s
            q = (z[:, None, :] + eps).reshape(b * m, d)
            # -||q - t x||^2 / (2 (1-t)^2) without the ||q||^2 term, which cancels in the softmax
            logits = np.matmul(q, x.T, out=logits_buf[:b * m])
            logits *= t / (1 - t) ** 2
            logits -= (t * t / (2 * (1 - t) ** 2)) * sq
            logits -= logits.max(axis=1, keepdims=True)
            np.exp(logits, out=logits)
            xhat = (logits @ x) / logits.sum(axis=1, keepdims=True)
            smoothed = xhat.reshape(b, m, d).mean(axis=1)
            c = 1.0 / (s - step)
            z = (1 - c) * z + c * smoothed
        out[first:first + b] = z
    seconds = time.perf_counter() - start
    if a.output:
        np.save(a.output, out)
    print(f"reference_seconds={seconds:.2f} samples={a.num_samples} rows={n} dimension={d}")


if __name__ == "__main__":
    main()
