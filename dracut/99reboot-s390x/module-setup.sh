#!/bin/bash
# module-setup.sh - dracut module: reboot-s390x-init as the initrd's /init.
#
#   dracut -m reboot-s390x -f /var/lib/tftpboot/reboot-initrd.img
#
# The image holds the static re-IPL helper and nothing it does not need: no shell,
# no udev, no s390-tools. The helper sits beside this file, so the module directory
# works wherever it is copied. A default target for guests whose pxelinux entry has
# no rd.chreipl= can be set in /etc/reboot-s390x/default-target on the build host.

# Only when asked for by name (-m or --add): it replaces the whole boot.
check() {
	[[ -x $moddir/reboot-s390x-init ]] || return 1
	return 255
}

depends() {
	return 0
}

install() {
	inst_simple "$moddir/reboot-s390x-init" /init || dfatal "reboot-s390x: cannot install /init"
	inst_dir /proc
	inst_dir /sys
	inst_dir /dev
	if [[ -f /etc/reboot-s390x/default-target ]]; then
		inst_simple /etc/reboot-s390x/default-target
	fi
}
