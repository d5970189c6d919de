#!/usr/bin/env bash
# examples/ha: one active Navixy consumer across JVMs (master: over FileLockClusterService, Camel 4.14.1). Its tests
# launch two node JVMs, kill the leader five times with kill -9 and measure the takeover (about 1 minute), and check
# that a node stepping down unsubscribes and delivers nothing more. Needs the component installed (.ci/run does it).
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
./mvnw -B -f examples/ha/pom.xml verify
echo "ok: examples/ha in $((SECONDS - started)) s"
