#!/usr/bin/env bash
# debian-system.sh - a real Debian s390x system on a zipl disk, for the tests that boot a
# user's kind of disk (tests/e2e/real-system.sh): Debian's own kernel, systemd, udev and
# s390-tools' zipl with a two-entry boot menu (tests/e2e/system/zipl.conf), and a unit of
# ours that says on the console when multi-user is reached (tests/e2e/system/).
#
# Usage: scripts/debian-system.sh path    the disk image, built first when missing or
#                                          when its inputs changed (prints its path)
#        scripts/debian-system.sh cached  its path when it is built, else status 1 (never
#                                          builds: the demo's choice of installer)
#
# How: debootstrap --foreign for s390x on the host (the packages gathered here, so the
# guest needs no network), the tree put on an ext4 partition of a raw disk image
# (mke2fs -d, no loop device), then an emulated guest (the newest lane's QEMU, under a
# time limit) boots Debian's kernel with a busybox initrd of ours that runs the second
# stage, update-initramfs and zipl on /dev/vda1 (tests/e2e/system/builder-init.sh). No
# host binfmt is assumed. Kept in the cache, named by a hash of its inputs.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}
suite=bookworm
packages=systemd-sysv,udev,kmod,linux-image-s390x,initramfs-tools,s390-tools,e2fsprogs
disk_size=$((2 * 1024 * 1024 * 1024))
limit=${REBOOT_S390X_SYSTEM_LIMIT:-3600}

# What the disk is made of: the suite, the packages, the size, how it is built (bash prints
# the functions without their comments) and the files put in it, less their comment lines.
# A comment changes no build: an edit of one does not cost the half hour of a rebuild.
inputs_hash() {
	{
		echo "$suite $packages $disk_size"
		declare -f mbr build
		sed '/^[[:space:]]*#[^!]/d; /^[[:space:]]*#$/d' "$top"/tests/e2e/system/*
	} | sha256sum | cut -c1-16
}

# mbr FILE SIZE: a raw disk of SIZE bytes with one Linux partition from sector 2048 on
mbr() {
	python3 - "$1" "$2" <<'PY'
import struct, sys
path, size = sys.argv[1], int(sys.argv[2])
start = 2048
with open(path, "wb") as f:
    f.truncate(size)
    mbr = bytearray(512)
    mbr[446:462] = struct.pack("<B3sB3sII", 0, b"\x00\x02\x00", 0x83, b"\xff\xff\xff",
                               start, size // 512 - start)
    mbr[510:512] = b"\x55\xaa"
    f.write(mbr)
PY
}

build() {
	local dir=$1 tmp=$1.tmp root kernel q
	((EUID == 0)) || { echo "debian-system: building the system needs root (debootstrap)" >&2; return 1; }
	rm -rf "$tmp"
	mkdir -p "$tmp"
	root=$tmp/root
	echo "debian-system: debootstrap --foreign ($suite, s390x)" >&2
	if ! debootstrap --foreign --arch=s390x --variant=minbase --include="$packages" "$suite" \
		"$root" "$("$top/scripts/debian-root.sh" mirror)" >"$tmp/debootstrap.log" 2>&1; then
		tail -n 20 "$tmp/debootstrap.log" >&2
		return 1
	fi
	echo zguest >"$root/etc/hostname"
	echo "/dev/vda1 / ext4 defaults 0 1" >"$root/etc/fstab"
	install -m 0644 "$top/tests/e2e/system/zipl.conf" "$root/etc/zipl.conf"
	install -D -m 0755 "$top/tests/e2e/system/rs390x-marker" "$root/usr/local/sbin/rs390x-marker"
	install -m 0644 "$top/tests/e2e/system/rs390x-marker.service" "$root/etc/systemd/system/"
	mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
	ln -s ../rs390x-marker.service "$root/etc/systemd/system/multi-user.target.wants/"
	# The builder's initrd: busybox and the modules that reach an ext4 on virtio-blk.
	mkdir -p "$tmp/kernel" "$tmp/initrd"/{bin,dev,proc,sys,root,lib/modules}
	dpkg -x "$(ls "$root"/var/cache/apt/archives/linux-image-[0-9]*_s390x.deb | head -n 1)" "$tmp/kernel"
	kernel=$(ls "$tmp"/kernel/boot/vmlinuz-* | head -n 1)
	"$top/tests/e2e/fetch-s390x.sh" "$tmp/pkgs" busybox-static=bin/busybox >/dev/null
	cp "$tmp/pkgs/busybox-static/bin/busybox" "$tmp/initrd/bin/"
	for a in sh mount insmod sleep ls chroot date tail sync umount poweroff cat; do
		ln -s busybox "$tmp/initrd/bin/$a"
	done
	for m in crc16 mbcache jbd2 crc32c_generic libcrc32c ext4 virtio_blk; do
		cp "$(find "$tmp/kernel/lib/modules" -name "$m.ko" | head -n 1)" "$tmp/initrd/lib/modules/"
	done
	install -m 0755 "$top/tests/e2e/system/builder-init.sh" "$tmp/initrd/init"
	(cd "$tmp/initrd" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$tmp/builder.img"
	mbr "$tmp/disk.img" "$disk_size"
	mke2fs -q -t ext4 -L zguest -E offset=1048576 -d "$root" "$tmp/disk.img" \
		$(((disk_size - 1048576) / 1024))k
	rm -rf "$root"
	echo "debian-system: second stage, initramfs and zipl in an emulated guest (limit ${limit}s)" >&2
	q=$("$top/scripts/qemu-lanes.sh" path newest)
	timeout "$limit" "$q" -M s390-ccw-virtio -accel tcg,thread=multi -smp 2 -m 1536 \
		-nographic -no-user-config -nodefaults -serial none \
		-chardev "file,id=c0,path=$tmp/builder.log" -device sclpconsole,chardev=c0 \
		-kernel "$kernel" -initrd "$tmp/builder.img" -append "console=ttysclp0" \
		-drive "file=$tmp/disk.img,format=raw,if=none,id=d0,cache=unsafe" \
		-device virtio-blk-ccw,drive=d0,devno=fe.0.0002 </dev/null >/dev/null 2>&1 || true
	if ! grep -aq 'builder: done, zipl ok' "$tmp/builder.log"; then
		echo "debian-system: the build did not finish; its console:" >&2
		tr -d '\r' <"$tmp/builder.log" | tail -n 30 >&2
		return 1
	fi
	# (the finished disk appears under its name whole: a rename of the folder)
	rm -f "$tmp/builder.img"
	rm -rf "$tmp/kernel" "$tmp/initrd" "$tmp/pkgs" "$dir"
	mv "$tmp" "$dir"
}

dir=$cache/debian-system/$(inputs_hash)
case ${1:-} in
path)
	if [[ ! -f $dir/disk.img ]]; then
		# One build at a time (CI and a demo may ask together): the second waits for the
		# first and takes its disk.
		mkdir -p "$cache/debian-system"
		exec 9>"$dir.lock"
		flock 9
		[[ -f $dir/disk.img ]] || build "$dir" || exit 1
	fi
	;;
cached) [[ -f $dir/disk.img ]] || exit 1 ;;
*)
	echo "usage: debian-system.sh path | cached" >&2
	exit 2
	;;
esac
echo "$dir/disk.img"
