#!/usr/bin/env bash
# The Maven consumer test: publishes the parent pom, autograd-core and nn (as built by `mvn verify`, which must run
# first) to a file repository under target/, then
# builds and runs .ci/consumer, a separate project that depends on the published nn only and trains XOR.
# Both Maven runs use a local repository of their own (target/consumer-m2): a deploy also records the artifacts in the
# local repository, which must not be the shared ~/.m2, and the consumer must see only what was published. Third-party
# artifacts are read from ~/.m2 (filled by the build before) as a plain file repository, else from Maven Central.
# (SHARED_M2 names another local repository.) Extra arguments go to both Maven runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
staging=$root/target/staging-repo
local_repo=$root/target/consumer-m2
shared=${SHARED_M2:-$HOME/.m2/repository}
rm -rf "$staging" "$local_repo"
mkdir -p "$root/target"
cat > "$root/target/consumer-settings.xml" <<SETTINGS
<settings>
  <profiles>
    <profile>
      <id>shared-m2</id>
      <repositories>
        <repository><id>shared-m2</id><url>file://$shared</url></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>shared-m2</id><url>file://$shared</url></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>shared-m2</activeProfile></activeProfiles>
</settings>
SETTINGS
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
args=(-B -q -s "$root/target/consumer-settings.xml" -Dmaven.repo.local="$local_repo")
# What `mvn deploy` publishes, from the jars the build made (run after `mvn verify`): each module's pom as written and
# its jar; deploy-file needs no dependency resolution, so this takes seconds.
deploy() {
    mvn "${args[@]}" org.apache.maven.plugins:maven-deploy-plugin:3.1.2:deploy-file -Durl="file://$staging" \
        -DrepositoryId=staging -DpomFile="$1" -Dfile="$2" "${@:3}"
}
deploy pom.xml pom.xml "$@"
for module in autograd-core nn; do
    jar=$module/target/$module-$version.jar
    [ -f "$jar" ] || { echo "consumer.sh: $jar is missing; run mvn verify first" >&2; exit 1; }
    deploy "$module/pom.xml" "$jar" "$@"
done
mvn "${args[@]}" -f .ci/consumer/pom.xml compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dstaging.repo="file://$staging" -Dautograd4j.version="$version" "$@"
