#!/usr/bin/env bash
# Runs a cfdm-spark command as a Spark application.
#
#   ./submit.sh [spark options] COMMAND [command options]
#   ./submit.sh generate --demo
#   ./submit.sh --master spark://127.0.0.1:7077 --executor-memory 2g generate --input in.csv --output out
#
# With SPARK_HOME set, it calls $SPARK_HOME/bin/spark-submit. Without it, it runs Spark's own SparkSubmit from the
# Maven-built classpath (target/lib), in local[*] unless --master says otherwise, building the jar first when
# it is missing. Spark options (everything before COMMAND) are passed through unchanged. In the local launch
# the driver JVM is this script's JVM, so --driver-memory (default 6g, or $CFDM_DRIVER_MEMORY) becomes its -Xmx.
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
    --*=*) spark_args+=("$1"); shift ;;
    --*) [[ $# -ge 2 ]] || { echo "submit.sh: $1 needs a value" >&2; exit 2; }
         spark_args+=("$1" "$2"); shift 2 ;;
    *) echo "submit.sh: '$1' is not a command; use one of:$COMMANDS(spark options go before it)" >&2; exit 2 ;;
  esac
done
if [[ $# -eq 0 ]]; then
  echo "usage: ./submit.sh [spark options] COMMAND [options]; COMMAND is one of:$COMMANDS" >&2
  echo "       ./submit.sh generate --demo      (a first run on bundled data)" >&2
  exit 2
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
    "${conf_args[@]}" --driver-java-options "$LOG_FLAG" "${spark_args[@]}" "$JAR" "$@"
fi
# shellcheck disable=SC2086 # JAVA_FLAGS is a list of flags
exec java $JAVA_FLAGS "-Xmx$driver_memory" "$LOG_FLAG" ${CFDM_JAVA_OPTS:-} \
  -cp "$JAR:$HERE/target/lib/*" org.apache.spark.deploy.SparkSubmit \
  --class org.cfdmspark.cli.Main --master "${master:-local[*]}" "${conf_args[@]}" "${spark_args[@]}" "$JAR" "$@"
