#!/usr/bin/env bash
# The exact sampler through the job against the independent NumPy/OpenBLAS reference, side by side
# (BENCHMARKS.md, "Exact sampler against NumPy"):
#   A: ./submit.sh generate --estimator exact ... end to end (JVM start, read, fit, sample, decode, write);
#   B: python3 src/bench/exact_reference.py on the job's own encoded training matrix (python start, load, sample).
# The matrix is dumped once beforehand by org.cfdmspark.bench.TrainingMatrixDump (same input, knobs, holdout).
# A and B alternate REPS times (default 3); prints each time, A's sampling phase from its manifest, the medians
# and the ratio B/A. Knobs: 3,000 samples, σ = 1, M = 4, S = 100, T = 0.9, guard and column redraw off (the
# reference has neither), credit default without ID, 20 % held out (the 24,005-row train split).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${REPS:-3}"
WORK="$(mktemp -d)"
DATA=(--input "$HERE/src/test/resources/data/credit_default.csv.gz" --exclude ID --holdout-fraction 0.2)
KNOBS=(--estimator exact --sigma 1 --draws 4 --steps 100 --start-time 0.9 --num-samples 3000 --seed 1)
"$HERE/submit.sh" knobs >/dev/null  # builds the jar once, outside the timings
source "$HERE/src/bench/jvm.sh"
bench_java 3g TrainingMatrixDump "$WORK/x.npy" \
    "${DATA[@]}" "${KNOBS[@]}" 2>/dev/null

elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}'; }
a_times=(); b_times=()
for ((i = 1; i <= REPS; i++)); do
  start=$(date +%s.%N)
  CFDM_DRIVER_MEMORY=3g "$HERE/submit.sh" --master 'local[2]' generate "${DATA[@]}" "${KNOBS[@]}" --guard false \
      --redraw-columns none --output "$WORK/out" --mode overwrite --progress false >/dev/null 2>&1
  a=$(elapsed "$start")
  phase=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['seconds']['sample_and_write'], 1))" \
      "$WORK/out/_manifest.json")
  start=$(date +%s.%N)
  python3 "$HERE/src/bench/exact_reference.py" "$WORK/x.npy" --num-samples 3000 --sigma 1 --draws 4 --steps 100 \
      --start-time 0.9 >/dev/null
  b=$(elapsed "$start")
  echo "run $i: submit.sh end to end ${a} s (sample_and_write ${phase} s), numpy reference ${b} s ($(uptime | sed 's/.*load/load/'))"
  a_times+=("$a"); b_times+=("$b")
done
ma=$(printf '%s\n' "${a_times[@]}" | median)
mb=$(printf '%s\n' "${b_times[@]}" | median)
echo "median: submit.sh ${ma} s, numpy ${mb} s, ratio numpy/submit.sh $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b / a}')"
