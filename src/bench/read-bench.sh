#!/usr/bin/env bash
# The input read's fixed cost, alternating two built trees (BENCHMARKS.md "Fixed costs", "Read"):
#   BEFORE=/tmp/rc-before ROUNDS=2 src/bench/read-bench.sh REPS --input FILE [--name value]...
# Each round runs org.cfdmspark.bench.ReadBench in BEFORE then in this tree (local[2], 3g heap). A BEFORE tree
# without ReadBench gets this tree's ReadBench compiled against it into $BEFORE/target/read-bench.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FLAGS="-XX:+IgnoreUnrecognizedVMOptions"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  FLAGS="$FLAGS --add-opens=java.base/$p=ALL-UNNAMED"
done
FLAGS="$FLAGS -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
run() { # TREE EXTRA_CLASSPATH args...
  local tree=$1 extra=$2; shift 2
  java -Xmx3g $FLAGS -Dspark.master='local[2]' -Dlog4j2.configurationFile="file:$tree/conf/log4j2.properties" \
    -cp "$extra:$tree/target/classes:$tree/target/lib/*" org.cfdmspark.bench.ReadBench "$@" 2>&1 | grep '^read'
}
extra=""
if [[ -n "${BEFORE:-}" && ! -f "$BEFORE/target/classes/org/cfdmspark/bench/ReadBench.class" ]]; then
  extra="$BEFORE/target/read-bench"
  mkdir -p "$extra"
  javac -d "$extra" -cp "$BEFORE/target/classes:$BEFORE/target/lib/*" \
    "$HERE/src/main/java/org/cfdmspark/bench/ReadBench.java"
fi
for _ in $(seq 1 "${ROUNDS:-2}"); do
  if [[ -n "${BEFORE:-}" ]]; then echo -n "before "; run "$BEFORE" "$extra" "$@"; fi
  echo -n "after  "; run "$HERE" "" "$@"
done
