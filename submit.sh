#!/usr/bin/env bash
# Runs a cfdm-spark command as a Spark application.
#
#   ./submit.sh [spark options] COMMAND [command options]
#   ./submit.sh generate --demo
#   ./submit.sh --help        (or help COMMAND; --version)
#   ./submit.sh --master spark://127.0.0.1:7077 --executor-memory 2g generate --input in.csv --output out
#
# With SPARK_HOME set, it calls $SPARK_HOME/bin/spark-submit. Without it, it runs Spark's own SparkSubmit from the
# Maven-built classpath (target/lib), in local[*] unless --master says otherwise, building the jar first when
# it is missing. Spark options (everything before COMMAND) are passed through unchanged. In the local launch
# the driver JVM is this script's JVM, so --driver-memory (default 6g, or $CFDM_DRIVER_MEMORY) becomes its -Xmx.
# $CFDM_JAVA_OPTS adds JVM options to the driver in either launch (e.g. -Dcfdm.startupDirectives=false).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMMANDS=" generate fit sample report bench study knobs help "
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# The JVM flags Spark needs on Java 17 (see pom.xml's java17.opens), plus the Vector API module.
JAVA_FLAGS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
LOG_FLAG="-Dlog4j2.configurationFile=file:$HERE/conf/log4j2.properties"

spark_args=()
master=""
driver_memory="${CFDM_DRIVER_MEMORY:-6g}"
while [[ $# -gt 0 && "$COMMANDS" != *" $1 "* ]]; do
  case "$1" in
    --master) master="$2"; shift 2 ;;
    --master=*) master="${1#--master=}"; shift ;;
    --driver-memory) driver_memory="$2"; spark_args+=("$1" "$2"); shift 2 ;;
    --driver-memory=*) driver_memory="${1#--driver-memory=}"; spark_args+=("$1"); shift ;;
    --verbose|--supervise) spark_args+=("$1"); shift ;;
    -h|--help|-V|--version) break ;;  # cfdm-spark's own: its usage or version, no command needed
    --print-java-flags) echo "$JAVA_FLAGS"; exit 0 ;;  # for a java command of your own (README, Spark code)
    --*=*) spark_args+=("$1"); shift ;;
    --*) [[ $# -ge 2 ]] || { echo "submit.sh: $1 needs a value" >&2; exit 2; }
         spark_args+=("$1" "$2"); shift 2 ;;
    *) echo "submit.sh: '$1' is not a command; use one of:$COMMANDS(spark options go before it)" >&2; exit 2 ;;
  esac
done
# spark-submit refuses any other master with a stack trace and exit 1; a typing slip is bad input (exit 2).
master_forms='^(local(\[([0-9]+|\*)(,[0-9]+)?\])?|local-cluster\[.+\]|spark://.+|yarn|k8s://.+)$'
if [[ -n "$master" && ! "$master" =~ $master_forms ]]; then
  echo "submit.sh: --master '$master' is not a Spark master URL; give local[*] (or local[N]), spark://HOST:PORT," \
    "yarn or k8s://https://HOST:PORT" >&2
  exit 2
fi
if [[ $# -eq 0 ]]; then
  echo "usage: ./submit.sh [spark options] COMMAND [options]; COMMAND is one of:$COMMANDS" >&2
  echo "       ./submit.sh generate --demo      (a first run on bundled data)" >&2
  exit 2
fi

# A usage, a version or the knobs' table starts no job: it runs without the Vector API's module (whose JVM warning,
# "Using incubator modules", would print above the text) and without the class-data archive (keyed by the flags).
help_only=""
if [[ " knobs help " == *" $1 "* || " $* " == *" --help "* || " $* " == *" -h "* || " $* " == *" -V "* \
    || " $* " == *" --version "* ]]; then
  help_only=1
fi

version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$HERE/pom.xml" | head -n 1)"
JAR="$HERE/target/cfdm-spark-$version.jar"
if [[ ! -f "$JAR" || ! -d "$HERE/target/lib" ]]; then
  echo "submit.sh: building $JAR (first run only)..." >&2
  (cd "$HERE" && mvn -q -B -DskipTests package) >&2
fi

conf_args=(--conf "spark.driver.extraJavaOptions=$JAVA_FLAGS $LOG_FLAG"
           --conf "spark.executor.extraJavaOptions=$JAVA_FLAGS")
if [[ -n "${SPARK_HOME:-}" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" --class org.cfdmspark.cli.Main ${master:+--master "$master"} \
    "${conf_args[@]}" --driver-java-options "$LOG_FLAG${CFDM_JAVA_OPTS:+ $CFDM_JAVA_OPTS}" "${spark_args[@]}" "$JAR" "$@"
fi

# Class-data sharing: a short run's start is mostly loading and verifying ~20,000 classes, which the JVM maps from
# an archive of an earlier run's classes instead. The first Spark run of a build writes the archive at exit
# (-XX:ArchiveClassesAtExit: ~150 MB, and that run takes longer), later runs map it (-XX:SharedArchiveFile). The
# archive is this user's (target/cds/UID-KEY.jsa, in a folder only its owner uses), keyed by the JVM, the jars and
# the flags (each jar's name, size and modification time: not `ls -l`, whose block total moves while a fresh
# build's files are written back, so that the second run wrote the archive again), so a rebuild makes a new one; it
# is written under a temporary name, checked by a JVM that must map it, and renamed into place, because a truncated
# archive crashes the JVM. The JVM's own messages go to stderr and archive ones are off, so that a stale or
# unusable archive (then ignored) never prints on stdout (`knobs --properties > file`). CFDM_CDS=off launches
# without it.
VM_OUTPUT_FLAGS="-Xlog:disable -Xlog:all=warning,cds*=off:stderr -XX:+DisplayVMOutputToStderr"
cds_dir="$HERE/target/cds"
cds_flags=()
dump_to=""
cds_key() {
  local jvm
  jvm="$(readlink -f "$(command -v java)")"
  { echo "$jvm $JAVA_FLAGS"; ls -lL "$jvm" "$(dirname "$jvm")/../lib/server/libjvm.so" 2>/dev/null
    cksum < "$JAR"; LC_ALL=C stat -c '%n %s %Y' "$HERE/target/lib"/*; } | cksum | cut -d' ' -f1
}
launch_flags="$JAVA_FLAGS"
if [[ -n "$help_only" ]]; then
  launch_flags="${JAVA_FLAGS/--add-modules=jdk.incubator.vector /}"
elif [[ "${CFDM_CDS:-on}" != off ]] && key="$(cds_key 2>/dev/null)" && [[ -n "$key" ]]; then
  archive="$cds_dir/$(id -u)-$key.jsa"
  if [[ -f "$archive" && -O "$archive" ]]; then
    cds_flags=("-XX:SharedArchiveFile=$archive")
  elif mkdir -p "$cds_dir" 2>/dev/null && chmod 700 "$cds_dir" 2>/dev/null && [[ -O "$cds_dir" ]]; then
    dump_to="$cds_dir/.$(id -u)-$key.$$.jsa"
    cds_flags=("-XX:ArchiveClassesAtExit=$dump_to")
  fi
fi

# A local master runs its executor in this JVM, which has the jar on its class path already: naming Spark's
# "no resource" (spark-internal) instead of the jar keeps Spark from serving the jar and the executor from
# fetching a copy and loading it again (a quarter second). A cluster's executors need the jar: they get it.
app_resource="$JAR"
if [[ "${master:-local[*]}" == local* ]]; then
  app_resource="spark-internal"
fi
# shellcheck disable=SC2086 # launch_flags and VM_OUTPUT_FLAGS are lists of flags
launch=(java $launch_flags $VM_OUTPUT_FLAGS "${cds_flags[@]}" "-Xmx$driver_memory" "$LOG_FLAG" ${CFDM_JAVA_OPTS:-}
  -cp "$JAR:$HERE/target/lib/*" org.apache.spark.deploy.SparkSubmit
  --class org.cfdmspark.cli.Main --master "${master:-local[*]}" "${conf_args[@]}" "${spark_args[@]}" \
  "$app_resource" "$@")
if [[ -z "$dump_to" ]]; then
  exec "${launch[@]}"
fi
# The run that writes the archive: the JVM is a child, so that the archive can be checked and moved into place
# after it exits; signals to this script are passed on to it. A background child ignores SIGINT, so each signal
# reaches it as SIGTERM, and the script exits with the signal's own code (Ctrl-C: 130), as the JVM run directly does.
"${launch[@]}" <&0 &
child=$!
signal_rc=""
pass_on() { signal_rc=$1; kill -TERM "$child" 2>/dev/null || true; }
trap 'pass_on 143' TERM
trap 'pass_on 130' INT
trap 'pass_on 129' HUP
rc=0
wait "$child" || rc=$?
while kill -0 "$child" 2>/dev/null; do  # a signal ended the wait, not the JVM
  rc=0; wait "$child" || rc=$?
done
if [[ -n "$signal_rc" && $rc -eq 143 ]]; then
  rc=$signal_rc
fi
# shellcheck disable=SC2086 # (a subshell, so that a crash of the check is not reported by this shell)
if [[ $rc -eq 0 && -s "$dump_to" ]] && (java $JAVA_FLAGS $VM_OUTPUT_FLAGS -XX:ErrorFile=/dev/null -Xshare:on \
    "-XX:SharedArchiveFile=$dump_to" -cp "$JAR:$HERE/target/lib/*" -version) >/dev/null 2>&1; then
  rm -f "$cds_dir/$(id -u)-"*.jsa
  mv -f "$dump_to" "$archive"
else
  rm -f "$dump_to"
fi
exit "$rc"
