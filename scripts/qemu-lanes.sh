#!/usr/bin/env bash
# qemu-lanes.sh - prepare the QEMU versions the tests run on, one "lane" each.
#
# Usage: scripts/qemu-lanes.sh prepare [LANE...]   install what a lane needs (root, once)
#        scripts/qemu-lanes.sh path LANE            print the lane's launcher, or fail
#        scripts/qemu-lanes.sh version LANE         print the QEMU version the lane runs
#        scripts/qemu-lanes.sh list                  print the lanes, one per line
#
# Lanes follow the firmware's generations, not exact Debian versions, so that a fresh
# machine's `make check` does not break the day Debian moves a package on:
#   7.2     the first generation: Debian 12's qemu-system-misc, installed on this machine
#           (one boot device, a failed network boot stops the guest); version checked.
#   10.0    the fallback generation: Debian 13's qemu-system-s390x (boot-order fallback, no
#           loadparm entry selection); any 9.2.x to 10.0.x.
#   newest  the newest generation: whatever Debian 13's backports ship, else sid (entry
#           selection by loadparm, 31 entries); any version from 10.1 on. Its version is
#           printed (scripts/qemu-lanes.sh version newest) and recorded with the results;
#           its root is made again when it is older than a week, to take a new release.
#
set -euo pipefail
cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}
lanes=(7.2 10.0 newest)

mirror() {
	# The machine's own Debian mirror (deb822 or one-line sources), so nothing else is asked.
	local m
	m=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list \
		2>/dev/null | head -n 1 || true)
	echo "${m:-http://deb.debian.org/debian}"
}

suite_of() {
	case $1 in
	10.0) echo trixie ;;
	newest) echo trixie-backports ;;
	*) return 1 ;;
	esac
}

# in_generation LANE VERSION: VERSION is a QEMU of LANE's firmware generation
in_generation() {
	local v=$2 major minor
	IFS=. read -r major minor _ <<<"$v"
	[[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
	case $1 in
	7.2) [[ $major.$minor == 7.2 ]] ;;
	10.0) ((major == 9 && minor >= 2 || major == 10 && minor == 0)) ;;
	newest) ((major > 10 || major == 10 && minor >= 1)) ;;
	*) return 1 ;;
	esac
}

launcher() { echo "$cache/qemu/$1/qemu-system-s390x"; }

# The QEMU version a launcher really runs, e.g. "10.0.2".
version_of() {
	"$1" -version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9.]*\).*/\1/p'
}

# install_qemu ROOT SUITE: QEMU from SUITE into the root (a -backports or sid suite is
# added to the root's sources first)
install_qemu() {
	local root=$1 suite=$2 m
	m=$(mirror)
	local -a apt=(chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get -qq -y
		-o APT::Install-Recommends=false)
	if [[ $suite != trixie ]]; then
		echo "deb $m $suite main" >"$root/etc/apt/sources.list.d/$suite.list"
		"${apt[@]}" update >/dev/null
		"${apt[@]}" -t "$suite" install qemu-system-s390x
	else
		"${apt[@]}" update >/dev/null
		"${apt[@]}" install qemu-system-s390x
	fi
}

prepare_root() {
	local lane=$1 suite dir root m v
	suite=$(suite_of "$lane")
	dir=$cache/qemu/$lane
	root=$dir/root
	if [[ -x $(launcher "$lane") ]] && in_generation "$lane" "$(version_of "$(launcher "$lane")")" &&
		! [[ $lane == newest && -n $(find "$dir/version" -mtime +7 2>/dev/null) ]]; then
		return 0
	fi
	((EUID == 0)) || { echo "qemu-lanes: lane $lane is not prepared; run as root" >&2; return 1; }
	m=$(mirror)
	echo "qemu-lanes: preparing the $lane lane (Debian $suite) in $dir"
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp"
	debootstrap --variant=minbase trixie "$dir.tmp/root" "$m" >"$dir.tmp/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$dir.tmp/debootstrap.log" >&2; return 1; }
	install_qemu "$dir.tmp/root" "$suite" >"$dir.tmp/apt.log" 2>&1 ||
		{ tail -n 20 "$dir.tmp/apt.log" >&2; return 1; }
	write_launcher "$dir.tmp" "$dir"
	v=$(version_of "$dir.tmp/probe")
	if [[ $lane == newest ]] && ! in_generation newest "$v"; then
		# The backports carry no QEMU of the newest generation (yet, or any more): sid does.
		echo "qemu-lanes: trixie-backports has QEMU ${v:-none}; the newest lane takes sid's"
		install_qemu "$dir.tmp/root" sid >>"$dir.tmp/apt.log" 2>&1 ||
			{ tail -n 20 "$dir.tmp/apt.log" >&2; return 1; }
		v=$(version_of "$dir.tmp/probe")
	fi
	in_generation "$lane" "$v" ||
		{ echo "qemu-lanes: lane $lane: QEMU '${v:-nothing}' is not of its generation" >&2; return 1; }
	chroot "$dir.tmp/root" apt-get clean
	rm -f "$dir.tmp/probe"
	echo "$v" >"$dir.tmp/version"
	rm -rf "$dir"
	mv "$dir.tmp" "$dir"
	echo "qemu-lanes: QEMU $v ready for the $lane lane"
}

# The launcher runs the root's QEMU with the root's loader and libraries only (no ld.so.cache
# of this machine), its firmware directory and its module directory.
write_launcher() {
	local tmp=$1 final=$2 ld
	ld=$(cd "$tmp/root" && ls lib64/ld-linux-*.so.* usr/lib64/ld-linux-*.so.* 2>/dev/null | head -n 1)
	[[ -n $ld ]] || { echo "qemu-lanes: no dynamic loader in $tmp/root" >&2; return 1; }
	local multiarch
	multiarch=$(chroot "$tmp/root" dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null ||
		echo x86_64-linux-gnu)
	cat >"$tmp/qemu-system-s390x" <<EOF
#!/bin/sh
# Generated by scripts/qemu-lanes.sh: QEMU from the Debian root beside this file.
root=$final/root
mods=\$root/usr/lib/$multiarch/qemu
export QEMU_MODULE_DIR=\$mods
set -- "\$root/$ld" --inhibit-cache \\
	--library-path "\$root/usr/lib/$multiarch:\$root/lib/$multiarch" \\
	"\$root/usr/bin/qemu-system-s390x" -L "\$root/usr/share/qemu" "\$@"
# QEMU also looks for modules in its compiled-in folder, where this machine's own QEMU keeps
# modules of another build, and aborts on one ("Only modules from the same build"): hide that
# folder behind the root's own in a private mount namespace.
if [ "\$(id -u)" = 0 ] && [ -d /usr/lib/$multiarch/qemu ] && [ -d "\$mods" ]; then
	exec unshare --mount --propagation private sh -c \\
		'mount --bind "\$0" /usr/lib/$multiarch/qemu && exec "\$@"' "\$mods" "\$@"
fi
exec "\$@"
EOF
	chmod 0755 "$tmp/qemu-system-s390x"
	# Usable before the rename too, for the version check in the temporary place.
	sed "s|^root=.*|root=$tmp/root|" "$tmp/qemu-system-s390x" >"$tmp/probe"
	chmod 0755 "$tmp/probe"
	[[ $(version_of "$tmp/probe") == [0-9]* ]] ||
		{ echo "qemu-lanes: the QEMU in $tmp/root does not start" >&2; "$tmp/probe" -version >&2; return 1; }
}

path_of() {
	local lane=$1 q
	case $lane in
	7.2)
		q=$(command -v qemu-system-s390x) || { echo "qemu-lanes: qemu-system-s390x missing" >&2; return 1; }
		in_generation 7.2 "$(version_of "$q")" ||
			{ echo "qemu-lanes: $q is QEMU $(version_of "$q"), not of the 7.2 generation" >&2; return 1; }
		echo "$q"
		;;
	10.0 | newest)
		[[ -x $(launcher "$lane") ]] ||
			{ echo "qemu-lanes: lane $lane not prepared (scripts/qemu-lanes.sh prepare $lane)" >&2; return 1; }
		launcher "$lane"
		;;
	*) echo "qemu-lanes: unknown lane '$lane' (known: ${lanes[*]})" >&2; return 1 ;;
	esac
}

cmd=${1:-}
shift || true
case $cmd in
prepare)
	# The roots are independent: make them side by side (mostly waiting on the mirror).
	pids=()
	for lane in "${@:-${lanes[@]}}"; do
		[[ $lane == 7.2 ]] && continue
		suite_of "$lane" >/dev/null || { echo "qemu-lanes: unknown lane '$lane'" >&2; exit 1; }
		command -v debootstrap >/dev/null || { echo "qemu-lanes: debootstrap missing" >&2; exit 1; }
		prepare_root "$lane" &
		pids+=($!)
	done
	rc=0
	for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
	exit $rc
	;;
path) path_of "${1:?lane}" ;;
version)
	q=$(path_of "${1:?lane}") && version_of "$q"
	;;
list) printf '%s\n' "${lanes[@]}" ;;
*) echo "usage: qemu-lanes.sh prepare [LANE...] | path LANE | version LANE | list" >&2; exit 2 ;;
esac
