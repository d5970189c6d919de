#!/usr/bin/env bash
# What Maven Central needs, built once: the jar, a sources jar and a javadoc jar (profile release; javadoc must
# build without errors), and a pom that names licence, url, scm and developers. Also checks that the jar carries
# what runtimes read from it: the licence, the Kamelet, the native-image reflection configuration, the Jandex index.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q -Prelease package -DskipTests

version=$(sed -n 's:^    <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
jar=target/camel-navixy-$version.jar
for artifact in "$jar" "target/camel-navixy-$version-sources.jar" "target/camel-navixy-$version-javadoc.jar"; do
    test -s "$artifact" || { echo "FAILED: $artifact was not built" >&2; exit 1; }
done

contains() { # jar entry (the listing is read whole first: grep -q would end the pipe early, and pipefail with it)
    local entries
    entries=$(unzip -Z1 "$1")
    grep -qx "$2" <<<"$entries" || { echo "FAILED: $1 lacks $2" >&2; exit 1; }
}
contains "target/camel-navixy-$version-sources.jar" io/github/camelnavixy/NavixyComponent.java
contains "target/camel-navixy-$version-javadoc.jar" index.html
contains "target/camel-navixy-$version-javadoc.jar" io/github/camelnavixy/NavixyComponent.html
contains "$jar" kamelets/navixy-source.kamelet.yaml
contains "$jar" META-INF/native-image/io.github.camelnavixy/camel-navixy/reflect-config.json
contains "$jar" META-INF/jandex.idx
test -s LICENSE && grep -q "Apache License" LICENSE

for element in '<name>' '<description>' '<url>' '<licenses>' '<scm>' '<connection>' '<developers>'; do
    grep -q "$element" pom.xml || { echo "FAILED: pom.xml has no $element (Maven Central requires it)" >&2; exit 1; }
done
echo "ok: jar, sources jar and javadoc jar of camel-navixy $version; pom metadata complete"
