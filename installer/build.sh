#!/usr/bin/env bash
# Builds Cordon's offline packages with jpackage and a jlink runtime (issue 10, DESIGN §2, §11):
#   target/packages/cordon-server_<version>-<release>_amd64.deb   cordon-server-<version>-linux-x64.tar.gz
#   target/packages/cordon-client_<version>-<release>_amd64.deb   cordon-client-<version>-linux-x64.tar.gz
# Everything the programs need is inside (Java runtime, JavaFX, libraries, the sample park); the
# packages declare what the system provides (GTK 3, libVLC, ffmpeg). Nothing is fetched at install or run time.
# Run after the jars are built:   ./mvnw -q -o install -DskipTests && installer/build.sh [server|client|all]
# or from Maven:                  ./mvnw -Pinstaller -pl installer -am package -DskipTests
# Needs: JDK 17 (jpackage, jlink), fakeroot, binutils (dpkg-deb is in dpkg). Env: CORDON_PKG_RELEASE (default: commit count).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${CORDON_ROOT:-$(cd "$here/.." && pwd)}"
what="${1:-all}"
version="${CORDON_PKG_VERSION:-0.1.0}"
release="${CORDON_PKG_RELEASE:-$(git -C "$root" rev-list --count HEAD 2>/dev/null || echo 1)}"
out="${CORDON_PKG_OUT:-$here/target/packages}"
work="$here/target/work"
mkdir -p "$out" "$work"
# The payload is mostly jars and a compressed jlink runtime: xz saves little over gzip and costs minutes on 2 cores.
# gzip is also what every dpkg (old UOS/Kylin too) reads. CORDON_DEB_COMPRESSOR=xz for the smallest packages.
export DPKG_DEB_COMPRESSOR_TYPE="${CORDON_DEB_COMPRESSOR:-gzip}"
export DPKG_DEB_COMPRESSOR_LEVEL="${CORDON_DEB_LEVEL:-6}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
jpackage="$JAVA_HOME/bin/jpackage"
jlink="$JAVA_HOME/bin/jlink"

# Package dependencies as Debian 12 / UOS / Kylin name them (versions: what Cordon is tested with, DESIGN §11).
server_deps="ffmpeg (>= 7:5.1), fonts-wqy-microhei, adduser, libc6 (>= 2.31)"
client_deps="libgtk-3-0 (>= 3.24), libvlc5 (>= 3.0.20), vlc-plugin-base (>= 3.0.20), libc6 (>= 2.31), fonts-noto-cjk | fonts-wqy-microhei"

modules_common="java.se,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.zipfs,jdk.management,jdk.net,jdk.naming.dns"
runtime() { # $1 name, $2 extra modules
  local dir="$work/runtime-$1"
  rm -rf "$dir"
  "$jlink" --add-modules "$modules_common${2:+,$2}" --include-locales=en,zh --strip-debug --no-header-files \
    --no-man-pages --compress=2 --output "$dir"
  echo "$dir"
}

timed() { local t0=$SECONDS; "$@"; echo "   ($(( SECONDS - t0 )) s)"; }

build_server() {
  echo "== server: app-image"
  local input="$work/server-input"
  rm -rf "$input" "$work/server-image"
  mkdir -p "$input"
  cp "$root/modules/server/target/cordon-server-$version-SNAPSHOT.jar" "$root"/modules/server/target/lib/*.jar "$input/"
  cp "$here/server/logback-rolling.xml" "$input/"
  local rt; rt=$(runtime server "")
  "$jpackage" --type app-image --dest "$work/server-image" --name cordon-server --app-version "$version" \
    --vendor "Cordon" --description "Cordon server: gRPC services, JT/T 808, media relay, H2/PostgreSQL" \
    --runtime-image "$rt" --input "$input" --main-jar "cordon-server-$version-SNAPSHOT.jar" \
    --main-class io.cordon.server.CordonServerMain \
    --java-options '-Xms128m' --java-options '-XX:+ExitOnOutOfMemoryError' \
    --java-options '-Dlogback.configurationFile=$APPDIR/logback-rolling.xml' \
    --java-options '-Dcordon.log.dir=/var/log/cordon'
  local image="$work/server-image/cordon-server"
  mkdir -p "$image/lib/installer"
  cp "$here/server/cordon-server.properties" "$here/server/cordon-server.service" "$here/server/cordon-server.sh" \
    "$image/lib/installer/"
  # Portable tarball: logs next to the program, the same default configuration to copy and edit.
  echo "== server: tarball"
  local tar_root="$work/server-tar/cordon-server-$version"
  rm -rf "$work/server-tar"; mkdir -p "$tar_root"
  cp -a "$image"/. "$tar_root/"
  sed -i 's#-Dcordon.log.dir=/var/log/cordon#-Dcordon.log.dir=$APPDIR/../../logs#' "$tar_root/lib/app/cordon-server.cfg"
  tar -C "$work/server-tar" -czf "$out/cordon-server-$version-linux-x64.tar.gz" "cordon-server-$version"
  echo "== server: .deb"
  rm -f "$out"/cordon-server_*.deb
  "$jpackage" --type deb --dest "$out" --app-image "$image" --name cordon-server --app-version "$version" \
    --vendor "Cordon" --description "Cordon server: gRPC services, JT/T 808, media relay, H2/PostgreSQL" \
    --linux-package-name cordon-server --linux-app-release "$release" --linux-app-category net \
    --linux-deb-maintainer "cordon@localhost" --linux-package-deps "$server_deps" \
    --resource-dir "$here/server/deb" --install-dir /opt
}

build_client() {
  echo "== client: app-image"
  local input="$work/client-input" fx="$work/client-input/javafx"
  rm -rf "$input" "$work/client-image"
  mkdir -p "$fx"
  if [ -d "$here/target/client-libs" ]; then
    # the Maven build (-Pinstaller) copied the client's runtime closure from the reactor
    cp "$here"/target/client-libs/*.jar "$input/"
  else
    (cd "$root" && ./mvnw -q -o dependency:copy-dependencies -pl app -DincludeScope=runtime \
      -DoutputDirectory="$input" -Dmdep.useRepositoryLayout=false)
    cp "$root/app/target/cordon-app-$version-SNAPSHOT.jar" "$input/"
  fi
  # JavaFX on the module path (the platform jars are named modules); the empty classifier-less ones go.
  rm -f "$input"/javafx-*-"${JFX_V:-21.0.11}".jar
  mv "$input"/javafx-*-linux.jar "$fx/"
  local fxmods="javafx.base,javafx.graphics,javafx.controls,javafx.media,javafx.swing,javafx.fxml"
  local opens=(--add-opens java.base/java.lang.reflect=ALL-UNNAMED)
  local exports=""
  for p in javafx.base/com.sun.javafx.binding javafx.base/com.sun.javafx.event javafx.graphics/com.sun.javafx.geom \
           javafx.graphics/com.sun.javafx.scene javafx.graphics/com.sun.javafx.scene.text \
           javafx.graphics/com.sun.javafx.scene.traversal javafx.graphics/com.sun.javafx.stage \
           javafx.graphics/com.sun.javafx.util javafx.controls/com.sun.javafx.scene.control \
           javafx.controls/com.sun.javafx.scene.control.behavior javafx.controls/com.sun.javafx.scene.control.inputmap; do
    exports+=" --add-exports $p=ALL-UNNAMED"
  done
  local present=""
  for m in ${fxmods//,/ }; do ls "$fx" | grep -q "^${m/./-}-" && present+="${present:+,}$m"; done
  local rt; rt=$(runtime client "jdk.jsobject,jdk.xml.dom,jdk.accessibility")
  "$jpackage" --type app-image --dest "$work/client-image" --name cordon-client --app-version "$version" \
    --vendor "Cordon" --description "Cordon command center client (监控中心客户端)" \
    --runtime-image "$rt" --input "$input" --main-jar "cordon-app-$version-SNAPSHOT.jar" \
    --main-class io.cordon.app.CordonLauncher \
    --java-options "--module-path \$APPDIR/javafx --add-modules $present" \
    --java-options "--add-opens java.base/java.lang.reflect=ALL-UNNAMED$exports" \
    --java-options '-Dprism.lcdtext=false' --java-options '-XX:+ExitOnOutOfMemoryError'
  echo "== client: tarball"
  tar -C "$work/client-image" -czf "$out/cordon-client-$version-linux-x64.tar.gz" cordon-client
  echo "== client: .deb"
  rm -f "$out"/cordon-client_*.deb
  "$jpackage" --type deb --dest "$out" --app-image "$work/client-image/cordon-client" --name cordon-client \
    --app-version "$version" --vendor "Cordon" --description "Cordon command center client (监控中心客户端)" \
    --linux-package-name cordon-client --linux-app-release "$release" --linux-app-category net \
    --linux-deb-maintainer "cordon@localhost" --linux-package-deps "$client_deps" \
    --linux-shortcut --linux-menu-group "Network" --resource-dir "$here/client/deb" --install-dir /opt
}

start=$SECONDS
case "$what" in
  server) timed build_server ;;
  client) timed build_client ;;
  all) timed build_server; timed build_client ;;
  *) echo "usage: $0 [server|client|all]" >&2; exit 2 ;;
esac
echo "== packages in $out ($(( SECONDS - start )) s):"
ls -l "$out"
