#!/usr/bin/env bash
# make-installer.sh - the demo's installer, also used by the libvirt tests: a Debian s390x
# kernel, and an initrd with busybox, virtio_blk and a bootable "installed system" image
# that its /init (installer-init.sh) writes onto the guest's disk.
#
# Usage: demo/make-installer.sh PKGS TREE
#   PKGS  a folder fetched by tests/e2e/fetch-s390x.sh with linux-image-s390x and
#         busybox-static
#   TREE  the TFTP root: gets installer/vmlinuz and installer/initrd.img
# The installer powers the guest off when done, or reboots it when its kernel command
# line says demo.end=reboot.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
pkgs=$1 tree=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kernel=$(ls "$pkgs"/linux-image-s390x/boot/vmlinuz-* | head -n 1)
mkdir -p "$tree/installer" "$work"/{bin,dev,proc,sys,lib/modules}
# The installed system: what the installer puts on the disk.
"$top/tests/e2e/make-system-iso.sh" "$build/reboot-s390x" "$build/s390x/e2e-marker-init" \
	"$kernel" "$work/system.iso"
cp "$pkgs/busybox-static/bin/busybox" "$work/bin/"
for applet in sh mount insmod sleep dd sync poweroff reboot wc grep; do
	ln -s busybox "$work/bin/$applet"
done
cp "$(find "$pkgs/linux-image-s390x/lib/modules" -name 'virtio_blk.ko*' | head -n 1)" \
	"$work/lib/modules/virtio_blk.ko"
install -m 0755 "$top/demo/installer-init.sh" "$work/init"
mknod "$work/dev/console" c 5 1
(cd "$work" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) \
	>"$tree/installer/initrd.img"
cp "$kernel" "$tree/installer/vmlinuz"
