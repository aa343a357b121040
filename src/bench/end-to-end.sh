#!/usr/bin/env bash
# End-to-end timings, alternating runs, medians (BENCHMARKS.md, "End to end" and "Fixed costs").
#
#   src/bench/end-to-end.sh [generate options]
#     A: ./submit.sh generate ... end to end (JVM start, read, fit, sample, decode, write);
#     B: the in-process engine alone on the same knobs (org.cfdmspark.bench.EngineTiming: sampling only).
#     Prints each time, the medians and the ratio A/B. Default: 30,000 samples of credit default, default knobs.
#   BEFORE=/path/to/other/checkout src/bench/end-to-end.sh [generate options]
#     A: that checkout's ./submit.sh generate, B: this one's, both end to end; besides the wall time, the CPU
#     seconds of the run's processes (user + system: less moved by other work on a shared machine than the wall
#     time) and each run's manifest phases (read, fit, sample_and_write seconds). One untimed run of each first
#     (it writes submit.sh's class-data archive where that exists, and warms the file cache for both alike).
#     Build the other checkout first (mvn -DskipTests package).
# REPS runs of each (default 3). Spark options go in SUBMIT_OPTS (e.g. SUBMIT_OPTS="--master local[2]").
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${REPS:-3}"
read -r -a SUBMIT <<< "${SUBMIT_OPTS:-}"
if [[ $# -eq 0 ]]; then
  set -- --input "$HERE/src/test/resources/data/credit_default.csv.gz" --exclude ID --num-samples 30000
fi
OUT="$(mktemp -d)/e2e-output"
source "$HERE/src/bench/jvm.sh"
"$HERE/submit.sh" knobs >/dev/null  # builds the jar once, outside the timings

# Runs one checkout's submit.sh generate; prints "wall cpu read fit sample_and_write" in seconds.
generate() {
  local times
  times="$(mktemp)"
  /usr/bin/time -o "$times" -f "%e %U %S" "$1/submit.sh" "${SUBMIT[@]}" generate "${@:2}" --output "$OUT" \
    --mode overwrite --progress false >/dev/null 2>&1
  awk '{printf "%.2f %.2f ", $1, $2 + $3}' "$times"
  rm -f "$times"
  for phase in read fit sample_and_write; do
    sed -n '/"seconds" : {/,/}/p' "$OUT/_manifest.json" | sed -n "s/^ *\"$phase\" : \([0-9.]*\).*/\1/p" \
      | awk '{printf "%.2f ", $1}'
  done
  echo
}

if [[ -n "${BEFORE:-}" ]]; then
  generate "$BEFORE" "$@" >/dev/null; generate "$HERE" "$@" >/dev/null
  a_lines=(); b_lines=()
  for ((i = 1; i <= REPS; i++)); do
    a=$(generate "$BEFORE" "$@"); b=$(generate "$HERE" "$@")
    echo "run $i (wall cpu read fit sample_and_write, s): before $a | after $b"
    a_lines+=("$a"); b_lines+=("$b")
  done
  for k in 1 2 3 4 5; do
    name=$(echo "wall cpu read fit sample_and_write" | cut -d' ' -f"$k")
    ma=$(printf '%s\n' "${a_lines[@]}" | cut -d' ' -f"$k" | median)
    mb=$(printf '%s\n' "${b_lines[@]}" | cut -d' ' -f"$k" | median)
    echo "median $name: before ${ma} s, after ${mb} s, ratio before/after $(awk -v a="$ma" -v b="$mb" \
      'BEGIN {printf "%.2f", a / b}')"
  done
  exit 0
fi

a_times=(); b_times=()
for ((i = 1; i <= REPS; i++)); do
  a=$(generate "$HERE" "$@" | cut -d' ' -f1)
  b=$(bench_java 6g EngineTiming "$@" 2>/dev/null \
      | sed -n 's/.*engine_seconds=\([0-9.]*\).*/\1/p')
  echo "run $i: submit.sh end to end ${a} s, engine alone ${b} s"
  a_times+=("$a"); b_times+=("$b")
done
ma=$(printf '%s\n' "${a_times[@]}" | median)
mb=$(printf '%s\n' "${b_times[@]}" | median)
echo "median: submit.sh ${ma} s, engine ${mb} s, ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", a / b}')"
