#!/usr/bin/env bash
# Reproducible builds: the autograd-core and nn jars of a clean rebuild are byte-identical to those the build before
# made (project.build.outputTimestamp fixes every entry's time). Run after `mvn verify`; the rebuild skips the tests.
# Extra arguments go to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
jars=(autograd-core/target/autograd-core-$version.jar nn/target/nn-$version.jar)
before=$(sha256sum "${jars[@]}")
mvn -B -q clean package -pl autograd-core,nn -Dmaven.test.skip=true -Dmdep.analyze.skip=true "$@"
after=$(sha256sum "${jars[@]}")
if [ "$before" != "$after" ]; then
    echo "reproducible.sh: a rebuild gave different jars:" >&2
    diff <(echo "$before") <(echo "$after") >&2
    exit 1
fi
echo "reproducible.sh: identical jars after a clean rebuild:"
echo "$after"
