#!/usr/bin/env bash
# Builds "the previous build's" server package for the upgrade test: the server of an earlier commit,
# packaged by today's installer/build.sh, with a lower release number so dpkg sees an upgrade.
#   installer/test/build-previous.sh [GIT_REF] [OUT_DIR]     (default HEAD~1, /tmp/cordon-prev)
# Prints the .deb's path on its last line. Example: ffa7c40 (schema V7) upgrades to V9 with migrations.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ref="${1:-HEAD~1}"
out="${2:-/tmp/cordon-prev}"
src="$out/src"
rm -rf "$src"; mkdir -p "$src"
git -C "$root" archive "$ref" | tar -x -C "$src"
(cd "$src" && ./mvnw -B -ntp -q package -DskipTests -Dcheckstyle.skip -pl modules/server -am) >&2
CORDON_ROOT="$src" CORDON_PKG_OUT="$out/packages" CORDON_PKG_RELEASE=1 "$root/installer/build.sh" server >&2
ls "$out"/packages/cordon-server_*.deb
