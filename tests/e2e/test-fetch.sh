#!/usr/bin/env bash
# test-fetch.sh - the s390x package cache refuses a package that lacks what it is fetched
# for, and forgets it, so one bad .deb cannot make later runs fail; the kernel lookup
# through the metapackage is stable (it once lost a race with SIGPIPE one run in three; 8 runs here).
#
# Works on a private copy of the cache's package lists, so the real cache is not touched;
# nothing is downloaded twice (the real cache is filled once, by any e2e run).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
real_cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}
work=$(mktemp -d /tmp/reboot-s390x-fetch.XXXXXX)
trap 'rm -rf "$work"' EXIT
. "$top/tests/check.sh"
fetch() { REBOOT_S390X_CACHE=$work/cache "$top/tests/e2e/fetch-s390x.sh" "$@"; }

# Lists first (through the real cache, which every e2e run fills anyway).
"$top/tests/e2e/fetch-s390x.sh" "$work/warm" busybox-static=bin/busybox || exit 1
mkdir -p "$work/cache/debs"
cp -a "$real_cache/lists" "$work/cache/"
cp "$real_cache"/debs/busybox-static_*.deb "$work/cache/debs/"

fetch "$work/d1" "busybox-static=boot/vmlinuz-*" 2>"$work/err"
rc=$?
check "a package without the wanted file is refused" '((rc == 1))' "$work/err"
check "it says why" 'grep -q "has no boot/vmlinuz-\*" "$work/err"' "$work/err"
check "its .deb leaves the cache" '! ls "$work"/cache/debs/busybox-static_*.deb >/dev/null 2>&1'
check "nothing is left half-unpacked" '[[ ! -e $work/d1/busybox-static && ! -e $work/d1/busybox-static.tmp ]]'

echo "not a deb" >"$work/cache/debs/busybox-static_0_s390x.deb"
fetch "$work/d2" busybox-static=bin/busybox 2>"$work/err"
rc=$?
check "a corrupt cached .deb is refused and removed" \
	'((rc == 1)) && grep -q "is no Debian package" "$work/err" && [[ ! -e $work/cache/debs/busybox-static_0_s390x.deb ]]' "$work/err"
# Fetched again from the real cache's copy (REBOOT_S390X_DEB_DIR), not downloaded again.
REBOOT_S390X_DEB_DIR=$real_cache/debs fetch "$work/d3" busybox-static=bin/busybox
check "the next run fetches it again and succeeds" '[[ -x $work/d3/busybox-static/bin/busybox ]]'

ok=0
for i in $(seq 1 8); do
	rm -rf "$work/k"
	"$top/tests/e2e/fetch-s390x.sh" "$work/k" "linux-image-s390x=boot/vmlinuz-*" 2>/dev/null &&
		ok=$((ok + 1))
done
check "the kernel through its metapackage, 8 of 8 runs ($ok)" '((ok == 8))'
summary
