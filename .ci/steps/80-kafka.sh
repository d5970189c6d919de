#!/usr/bin/env bash
# examples/kafka: the Navixy feed into a keyed Kafka topic and back through a consumer group (Camel 4.22.0), tested
# against an embedded KRaft broker (Kafka's test kit, no Docker): exactly once and in order per vehicle across a broker
# restart, and the throughput of both route shapes. Needs the component installed (.ci/run does it).
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
./mvnw -B -f examples/kafka/pom.xml verify
echo "ok: examples/kafka in $((SECONDS - started)) s"
