// SPDX-License-Identifier: GPL-2.0
/*
 * marker_init.c - /init of the tests' stand-ins: say who booted, and power off.
 *
 * The end-to-end tests put it on a bootable disk (the "installed system") and behind an
 * install entry (the "installer"); the line on the console proves which one booted.
 * The kernel argument e2e.marker=WORD names it; without one it is the installed system,
 * which with e2e.reboot reboots itself (for ever: the test's time limit ends it) instead
 * of powering off.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char cmdline[4096] = "", *marker;
	ssize_t n;
	int fd;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mkdir("/proc", 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	fd = open("/dev/console", O_WRONLY);
	if (fd >= 0)
		dup2(fd, 1);
	fd = open("/proc/cmdline", O_RDONLY);
	n = fd >= 0 ? read(fd, cmdline, sizeof(cmdline) - 1) : 0;
	cmdline[n > 0 ? n : 0] = '\0';
	marker = strstr(cmdline, "e2e.marker=");
	if (marker) {
		marker += strlen("e2e.marker=");
		marker[strcspn(marker, " \n")] = '\0';
		printf("reboot-s390x-e2e: %s booted\n", marker);
	} else if (strstr(cmdline, "e2e.reboot")) {
		/*
		 * The installed system's own reboot: the firmware must IPL the disk again,
		 * not the network. TCG emulates only the "load clear" re-IPL, so ask for it.
		 */
		printf("reboot-s390x-e2e: installed system booted from disk; rebooting\n");
		fflush(stdout);
		mkdir("/sys", 0755);
		mount("sysfs", "/sys", "sysfs", 0, NULL);
		fd = open("/sys/firmware/reipl/ccw/clear", O_WRONLY);
		if (fd >= 0 && write(fd, "1", 1) != 1)
			printf("reboot-s390x-e2e: cannot set reipl/ccw/clear\n");
		sync();
		reboot(RB_AUTOBOOT);
		return 1;
	} else {
		printf("reboot-s390x-e2e: installed system booted from disk\n");
	}
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
