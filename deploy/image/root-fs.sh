#!/usr/bin/env bash
# Builds the file system that the image adds to an empty ("scratch") base: a jlink-ed Java runtime
# in /opt/java, the C libraries it links (found with ldd, so they match the runtime), a non-root
# user, name-service settings, and an empty /data, the one path the service writes to.
# Usage: root-fs.sh OUTPUT_DIR MODULES   (JAVA_HOME: the JDK whose jlink builds the runtime)
# The runtime is kept while the JDK and the module list stay the same: jlink takes most of the time.
set -euo pipefail

out=$1
modules=$2
: "${JAVA_HOME:?JAVA_HOME must name a JDK 21 or newer}"
uid=10001

stamp="$out.runtime-of"
wanted="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) | $modules"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  rm -rf "$out"
  mkdir -p "$out/opt"
  # --strip-debug etc. keep the runtime small; the CDS archive makes start-up faster
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=da,en \
    --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
    --output "$out/opt/java"
  # A server runs headless and with a heap far below 32 GB: no X11/sound bindings (they would pull
  # in X libraries), no CDS archive for uncompressed object pointers.
  rm -f "$out/opt/java/lib/"{libawt_xawt,libjsound,libsplashscreen}.so "$out/opt/java/lib/server/classes_nocoops.jsa"
  echo "$wanted" > "$stamp"
fi

# The C libraries of every binary and shared object in the runtime, and the dynamic loader.
rm -rf "$out/lib" "$out/lib64" "$out/usr" "$out/etc" "$out/data"
find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' \
  | grep -v "^$out" | sort -u \
  | while read -r lib; do cp -L --parents "$lib" "$out"; done
[ -e "$out/lib64/ld-linux-x86-64.so.2" ] || { echo "no dynamic loader found for the runtime" >&2; exit 1; }

mkdir -p "$out/etc" "$out/data"
echo "root:x:0:0:root:/nonexistent:/sbin/nologin" > "$out/etc/passwd"
echo "mitforlob:x:$uid:$uid:Mit Forløb:/data:/sbin/nologin" >> "$out/etc/passwd"
printf 'root:x:0:\nmitforlob:x:%s:\n' "$uid" > "$out/etc/group"
echo "hosts: files dns" > "$out/etc/nsswitch.conf"
