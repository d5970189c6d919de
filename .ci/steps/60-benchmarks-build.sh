#!/usr/bin/env bash
# The benchmarks project (benchmarks/, outside the component's build) only COMPILES here, against the component just
# installed, so that it cannot rot; running it takes minutes and its figures belong in docs/performance.md, not in CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

printf '\n==== %s ====\n' "Benchmarks project compiles (no run)"
./mvnw -B -q -f benchmarks/pom.xml package -DskipTests
test -s benchmarks/target/benchmarks.jar || { echo "FAILED: benchmarks/target/benchmarks.jar was not built" >&2; exit 1; }
entries=$(unzip -Z1 benchmarks/target/benchmarks.jar) # read whole: grep -q would end a pipe early under pipefail
grep -qx 'META-INF/BenchmarkList' <<<"$entries" \
    || { echo "FAILED: the JMH benchmark list was not generated" >&2; exit 1; }
echo "ok: benchmarks compile"
