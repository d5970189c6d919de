#!/usr/bin/env bash
# The demo's live fleet page in a real browser: headless Chromium loads the page against the simulator and checks
# the markers, their movement between two screenshots, the connection state, lifecycle marks and speeding alerts.
# Uses Debian's chromium package, installed here when missing. Here a missing browser is a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "FAILED: chromium is not installed, and installing it (apt-get) needs root." >&2
        exit 1
    fi
    echo "Installing Debian's chromium package"
    installing=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q chromium
    echo "chromium installed in $((SECONDS - installing)) s"
fi
chromium --version 2>/dev/null || true

started=$SECONDS
./mvnw -B -f examples/live-feed/pom.xml test -Dtest=FleetPageBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dnavixy.test.requireBrowser=true
echo "Fleet page browser test: $((SECONDS - started)) s; screenshots in examples/live-feed/target/fleet-page/"
