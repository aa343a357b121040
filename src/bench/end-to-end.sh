#!/usr/bin/env bash
# The job against the engine alone, side by side (BENCHMARKS.md, "End to end"):
#   A: ./submit.sh generate ... end to end in local[*] (JVM start, read, fit, sample, decode, write);
#   B: the in-process engine alone on the same knobs (org.cfdmspark.bench.EngineTiming: sampling only).
# Runs A and B alternately REPS times (default 3) and prints each time, the medians and the ratio A/B.
#   src/bench/end-to-end.sh [generate options]   (default: 30,000 samples of credit default, default knobs)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${REPS:-3}"
if [[ $# -eq 0 ]]; then
  set -- --input "$HERE/src/test/resources/data/credit_default.csv.gz" --exclude ID --num-samples 30000
fi
OUT="$(mktemp -d)/e2e-output"
"$HERE/submit.sh" knobs >/dev/null  # builds the jar once, outside the timings
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$HERE/pom.xml" | head -n 1)"
CP="$HERE/target/cfdm-spark-$version.jar:$HERE/target/lib/*"
FLAGS=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  "-Dlog4j2.configurationFile=file:$HERE/conf/log4j2.properties" -Xmx6g)

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
a_times=(); b_times=()
for ((i = 1; i <= REPS; i++)); do
  start=$(date +%s.%N)
  "$HERE/submit.sh" generate "$@" --output "$OUT" --mode overwrite --progress false >/dev/null 2>&1
  a=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  b=$(SPARK_LOCAL_IP=127.0.0.1 java "${FLAGS[@]}" -cp "$CP" org.cfdmspark.bench.EngineTiming "$@" 2>/dev/null \
      | sed -n 's/.*engine_seconds=\([0-9.]*\).*/\1/p')
  echo "run $i: submit.sh end to end ${a} s, engine alone ${b} s"
  a_times+=("$a"); b_times+=("$b")
done
ma=$(printf '%s\n' "${a_times[@]}" | median)
mb=$(printf '%s\n' "${b_times[@]}" | median)
echo "median: submit.sh ${ma} s, engine ${mb} s, ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", a / b}')"
