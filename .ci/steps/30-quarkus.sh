#!/usr/bin/env bash
# examples/quarkus: a Camel Quarkus (JVM mode) application; its @QuarkusTest runs against the simulator and checks
# /q/health/ready. Needs the component in the local Maven repository (.ci/run installs it first).
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -f examples/quarkus/pom.xml verify
test -f examples/quarkus/target/quarkus-app/quarkus-run.jar
echo "ok: examples/quarkus built, tested and packaged"
