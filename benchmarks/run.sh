#!/usr/bin/env bash
# Builds the benchmarks against the camel-navixy in ~/.m2 and prints the side-by-side table.
#   benchmarks/run.sh                 full run (3 rounds of 1 M states per client, 60 s at each fixed rate)
#   benchmarks/run.sh --quick         a short run to see that everything works
#   benchmarks/run.sh --jmh [regex]   the JMH micro-benchmarks instead
# Other options of the table: --rounds N --round-states N --warmup-states N --rate-seconds N --jvm-args "..."
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../mvnw" -B -q -f "$here/pom.xml" package -DskipTests
cp="$here/target/benchmarks.jar:$here/target/lib/*"
if [[ "${1:-}" == "--jmh" ]]; then
    shift
    exec java -cp "$cp" org.openjdk.jmh.Main "${@:-.*Benchmark.*}"
fi
exec java -Xmx1g -cp "$cp" io.github.camelnavixy.bench.SideBySide "$@"
