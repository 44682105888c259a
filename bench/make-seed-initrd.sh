#!/usr/bin/env bash
# make-seed-initrd.sh - the benchmarks' baseline: a seed-style reboot initrd, with bash,
# s390-tools' chreipl, busybox, their shared libraries and bench/seed-init.sh as /init,
# from Debian's s390x packages.
#
# Usage: bench/make-seed-initrd.sh PKGS OUT
#   PKGS  fetched by tests/e2e/fetch-s390x.sh: bash libtinfo6 libc6 s390-tools busybox-static
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
pkgs=$1 out=$2
base=$(mktemp -d)
trap 'rm -rf "$base"' EXIT
mkdir -p "$base"/{bin,sbin,proc,sys,dev,lib,lib/s390x-linux-gnu,usr/sbin}
cp "$pkgs/bash/bin/bash" "$base/bin/bash"
cp "$pkgs/s390-tools/usr/sbin/chreipl" "$base/usr/sbin/chreipl"
cp "$pkgs/busybox-static/bin/busybox" "$base/bin/busybox"
for applet in mount reboot; do ln -s busybox "$base/bin/$applet"; done
libc=$pkgs/libc6/lib/s390x-linux-gnu
cp -L "$libc/libc.so.6" "$libc/ld64.so.1" "$base/lib/s390x-linux-gnu/"
cp -L "$pkgs"/libtinfo6/lib/s390x-linux-gnu/libtinfo.so.6 "$base/lib/s390x-linux-gnu/"
ln -s s390x-linux-gnu/ld64.so.1 "$base/lib/ld64.so.1"
install -m 0755 "$top/bench/seed-init.sh" "$base/init"
mknod "$base/dev/console" c 5 1
(cd "$base" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -9n) >"$out"
