#!/usr/bin/env bash
# debian-root.sh - throw-away Debian roots for tests that install, upgrade or purge
# packages: never this machine's own dpkg database.
#
# Usage: scripts/debian-root.sh copy SUITE DEST [PACKAGE...]
#          a copy of a minimal Debian SUITE root with PACKAGEs installed, at DEST (which
#          must not exist). The root is made once with debootstrap from the machine's own
#          Debian mirror and kept in the cache, one per suite and package list; later
#          calls copy it (seconds). Making it needs root.
#        scripts/debian-root.sh run DEST COMMAND...
#          COMMAND inside the root at DEST, with /proc, in a private mount namespace (the
#          mounts end with the command), as root.
#        scripts/debian-root.sh mirror
#          the machine's own Debian mirror, the one every root here is made from.
set -euo pipefail
cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}

# The machine's own Debian mirror (deb822 or one-line sources), so nothing else is asked.
mirror() {
	local m
	m=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list \
		2>/dev/null | head -n 1 || true)
	echo "${m:-http://deb.debian.org/debian}"
}

# make_root SUITE DIR PACKAGE...: debootstrap into DIR.tmp, then rename (no half root).
make_root() {
	local suite=$1 dir=$2 include
	shift 2
	((EUID == 0)) || { echo "debian-root: making a $suite root needs root" >&2; return 1; }
	command -v debootstrap >/dev/null || { echo "debian-root: debootstrap missing" >&2; return 1; }
	include=$(IFS=,; echo "$*")
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp"
	if ! debootstrap --variant=minbase ${include:+--include="$include"} "$suite" "$dir.tmp/root" \
		"$(mirror)" >"$dir.tmp/debootstrap.log" 2>&1; then
		tail -n 20 "$dir.tmp/debootstrap.log" >&2
		return 1
	fi
	chroot "$dir.tmp/root" apt-get clean
	mv "$dir.tmp/root" "$dir"
	rm -rf "$dir.tmp"
}

cmd=${1:-}
shift || true
case $cmd in
copy)
	suite=${1:?suite} dest=${2:?destination}
	shift 2
	[[ ! -e $dest ]] || { echo "debian-root: $dest exists" >&2; exit 1; }
	key=$(printf '%s\n' "$@" | LC_ALL=C sort -u | tr '\n' ' ' | sha256sum | cut -c1-12)
	dir=$cache/roots/$suite-$key
	if [[ ! -x $dir/usr/bin/dpkg ]]; then
		mkdir -p "$cache/roots"
		# One maker at a time per root; a second caller waits and then copies.
		exec 9>"$dir.lock"
		flock 9
		[[ -x $dir/usr/bin/dpkg ]] || make_root "$suite" "$dir" "$@"
		exec 9>&-
	fi
	cp -a "$dir" "$dest"
	;;
mirror) mirror ;;
run)
	dest=${1:?root}
	shift
	exec unshare --mount --propagation private chroot "$dest" /bin/sh -c \
		'mount -t proc proc /proc && exec "$@"' sh "$@"
	;;
*)
	echo "usage: debian-root.sh copy SUITE DEST [PACKAGE...] | run DEST COMMAND... | mirror" >&2
	exit 2
	;;
esac
