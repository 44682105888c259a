#!/bin/bash
# module-setup.sh - dracut module: reboot-s390x-init as the initrd's /init.
#
#   dracut -m reboot-s390x -f /var/lib/tftpboot/reboot-initrd.img
#
# The image holds the static re-IPL helper and nothing it does not need: no shell,
# no udev, no s390-tools. The helper is taken from beside this file when it was copied
# there (the module then works wherever it is), else from where `make install` and the
# packages put it (the line below is rewritten to the install's own path). A default target for guests whose pxelinux entry has
# no rd.chreipl= can be set in /etc/reboot-s390x/default-target on the build host.

reboot_s390x_libdir=/usr/lib/reboot-s390x

reboot_s390x_init() {
	if [[ -x $moddir/reboot-s390x-init ]]; then
		echo "$moddir/reboot-s390x-init"
	else
		echo "$reboot_s390x_libdir/reboot-s390x-init"
	fi
}

# Only when asked for by name (-m or --add): it replaces the whole boot.
check() {
	[[ -x $(reboot_s390x_init) ]] || return 1
	return 255
}

depends() {
	return 0
}

install() {
	inst_simple "$(reboot_s390x_init)" /init || dfatal "reboot-s390x: cannot install /init"
	inst_dir /proc
	inst_dir /sys
	inst_dir /dev
	if [[ -f /etc/reboot-s390x/default-target ]]; then
		inst_simple /etc/reboot-s390x/default-target
	fi
}
