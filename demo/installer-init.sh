#!/bin/sh
# installer-init.sh - /init of the demo's installer (busybox sh, from Debian's s390x
# busybox-static). Like an OS installer, it writes a bootable system onto the guest's
# empty disk and powers off. The system is an El Torito image (the installed system's
# kernel and initrd), which the s390x firmware boots from a disk with 2048-byte blocks.
# It powers off at the end, or reboots with demo.end=reboot on its command line;
# demo.hold=SECONDS makes it wait that long first (a test that needs it still running).
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec >/dev/console 2>&1
say() { echo "demo installer: $*"; }
fail() { say "FAILED: $*"; poweroff -f; }

say "started"
insmod /lib/modules/virtio_blk.ko || fail "cannot load virtio_blk"
i=0
while [ ! -b /dev/vda ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -b /dev/vda ] || fail "no disk"
say "writing the system to /dev/vda ($(wc -c </system.iso) bytes)"
dd if=/system.iso of=/dev/vda bs=1M conv=fsync 2>/dev/null || fail "cannot write the disk"
sync
for word in $(cat /proc/cmdline); do
	case $word in
	demo.hold=*) say "holding for ${word#demo.hold=} s"; sleep "${word#demo.hold=}" ;;
	esac
done
# Like most installers, it ends by rebooting into the new system, or by powering off.
if grep -q 'demo.end=reboot' /proc/cmdline; then
	say "system installed; rebooting"
	# Linux re-IPLs with "load normal" unless clear is 1, which QEMU's TCG emulation
	# refuses (docs: firmware.md); with KVM either works.
	echo 1 >/sys/firmware/reipl/ccw/clear
	reboot -f
fi
say "system installed; powering off"
poweroff -f
