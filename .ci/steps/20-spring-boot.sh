#!/usr/bin/env bash
# The Spring Boot starter (spring-boot-starter/) and its example (examples/spring-boot/), on both Spring Boot lines:
#   Spring Boot 4.1.0 with Camel 4.22.0 (the default of both poms)
#   Spring Boot 3.5.10 with Camel 4.18.0 (profile boot3)
# The starter jar is built once, on the default line, and that same jar is tested on the other line (as users of
# either line get it). Runs from the repository root after .ci/run has installed the component.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
title() { printf '\n---- %s ----\n' "$*"; }

title "Starter: build, test and install on Spring Boot 4.1.0 / Camel 4.22.0"
./mvnw -B -f spring-boot-starter/pom.xml install

title "Starter: the same jar tested on Spring Boot 3.5.10 / Camel 4.18.0"
./mvnw -B -f spring-boot-starter/pom.xml verify -Pboot3 -Dmaven.main.skip=true

title "Example examples/spring-boot on Spring Boot 4.1.0 / Camel 4.22.0"
./mvnw -B -f examples/spring-boot/pom.xml verify

# The example's Boot 3 profile (-Pboot3) is not run here: the starter is proven on that line above, and CI stays
# within its time budget. Run it with: ./mvnw -B -f examples/spring-boot/pom.xml verify -Pboot3

echo "ok: Spring Boot starter and example on both lines in $((SECONDS - started)) s"
