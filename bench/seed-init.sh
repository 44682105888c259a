#!/bin/bash
# seed-init.sh - the benchmark's baseline /init: what the seed's dracut module did.
# Mount the kernel filesystems, hand every rd.chreipl= value to s390-tools' chreipl
# (with --clear 1, without which QEMU's emulator cannot re-IPL), and reboot.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
args=()
for word in $(</proc/cmdline); do
	case $word in
	rd.chreipl=*) args+=("${word#rd.chreipl=}") ;;
	esac
done
chreipl "${args[@]}" --clear 1
reboot -f
