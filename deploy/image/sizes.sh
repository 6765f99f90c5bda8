#!/usr/bin/env bash
# Prints the size of each image tar Jib wrote: as shipped (gzip-compressed layers) and unpacked.
set -euo pipefail
for tar in "$@"; do
  unpacked=0
  for layer in $(tar tf "$tar" | grep '\.tar\.gz$'); do
    unpacked=$((unpacked + $(tar xOf "$tar" "$layer" | gzip -dc | wc -c)))
  done
  printf '%-36s %4d MB compressed, %4d MB unpacked\n' "$tar" \
    $(( $(stat -c %s "$tar") / 1000000 )) $(( unpacked / 1000000 ))
done
