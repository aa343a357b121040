# Sourced by the bench scripts: how to run a bench class in a JVM from this checkout's Maven build, and medians.
#   bench_java HEAP CLASS ARGS...   runs org.cfdmspark.bench.CLASS with the jar and target/lib on the class path
#   median                          the median of the numbers on stdin, one per line
# Needs HERE (the checkout's root) set by the caller.
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$HERE/pom.xml" | head -n 1)"
CP="$HERE/target/cfdm-spark-$version.jar:$HERE/target/lib/*"
bench_java() {
  local heap="$1" class="$2"
  shift 2
  SPARK_LOCAL_IP=127.0.0.1 java -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
    "-Dlog4j2.configurationFile=file:$HERE/conf/log4j2.properties" "-Xmx$heap" -cp "$CP" \
    "org.cfdmspark.bench.$class" "$@"
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
