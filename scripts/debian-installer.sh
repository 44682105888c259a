#!/usr/bin/env bash
# debian-installer.sh - the test installer, a network boot like a user's installer: the
# Debian system's own kernel (scripts/debian-system.sh) and an initrd of busybox, the
# kernel modules that reach an ext4 on virtio-blk, and tests/e2e/installer/init, which
# partitions the target disk, makes its file system, copies the system from an install
# medium (the system's disk, attached read-only) and runs zipl in the installed tree.
#
# Usage: scripts/debian-installer.sh DIR    writes DIR/vmlinuz and DIR/initrd.img
#        scripts/debian-installer.sh medium prints the install medium's path (the
#                                           system's disk; built first when missing)
#
# Read from the system's disk without mounting it (debugfs), so no root is needed once
# the system is built; busybox is Debian's busybox-static (tests/e2e/fetch-s390x.sh).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}
# (the modules the installer loads; their dependencies come from the system's modules.dep)
wanted="virtio_blk crc32c_generic ext4"

medium=$("$top/scripts/debian-system.sh" path)
# The system's partition starts at 1 MiB (debian-system.sh's mbr).
fs="$medium?offset=1048576"
[[ ${1:-} == medium ]] && { echo "$medium"; exit 0; }
[[ $# == 1 ]] || { echo "usage: debian-installer.sh DIR | medium" >&2; exit 2; }
out=$1
work=$(mktemp -d /tmp/reboot-s390x-installer.XXXXXX)
trap 'rm -rf "$work"' EXIT

dfs() { debugfs -R "$1" "$fs" 2>/dev/null; }
version=$(dfs "ls /lib/modules" | tr -s ' ' '\n' | sed -n '/^[0-9][0-9]*\.[0-9]/p' | sort -V | tail -n 1)
[[ -n $version ]] || { echo "debian-installer: no kernel modules on $medium" >&2; exit 1; }
mods=/lib/modules/$version
dfs "cat $mods/modules.dep" >"$work/modules.dep"

# load_order MODULE: MODULE's path, after those of its dependencies (once each)
declare -A seen=()
order=()
load_order() {
	local path=$1 dep
	[[ -n ${seen[$path]:-} ]] && return 0
	seen[$path]=1
	for dep in $(sed -n "s|^$path: *||p" "$work/modules.dep"); do
		load_order "$dep"
	done
	order+=("$path")
}
for m in $wanted; do
	path=$(sed -n "s|^\([^:]*/$m\.ko\):.*|\1|p" "$work/modules.dep" | sed -n 1p)
	[[ -n $path ]] || { echo "debian-installer: no $m.ko in $mods" >&2; exit 1; }
	load_order "$path"
done

root=$work/initrd
mkdir -p "$root"/{bin,dev,proc,sys,tmp,medium,target,lib/modules}
for path in "${order[@]}"; do
	dfs "dump $mods/$path $root/lib/modules/${path##*/}"
	[[ -s $root/lib/modules/${path##*/} ]] || { echo "debian-installer: cannot read $path" >&2; exit 1; }
	echo "${path##*/}" >>"$root/lib/modules/order"
done
"$top/tests/e2e/fetch-s390x.sh" "$work/pkgs" busybox-static=bin/busybox >/dev/null
cp "$work/pkgs/busybox-static/bin/busybox" "$root/bin/"
for a in sh mount umount insmod sleep sed cat cut du date basename grep printf fdisk \
	chroot cp rm sync poweroff reboot; do
	ln -s busybox "$root/bin/$a"
done
install -m 0755 "$top/tests/e2e/installer/init" "$root/init"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.img"
dfs "dump /boot/vmlinuz-$version $work/vmlinuz"
[[ -s $work/vmlinuz ]] || { echo "debian-installer: cannot read the kernel" >&2; exit 1; }
# (both made before either is replaced: a failure leaves the installer in the tree as it was)
mkdir -p "$out"
mv -f "$work/initrd.img" "$out/initrd.img.new"
mv -f "$work/vmlinuz" "$out/vmlinuz.new"
mv -f "$out/initrd.img.new" "$out/initrd.img"
mv -f "$out/vmlinuz.new" "$out/vmlinuz"
