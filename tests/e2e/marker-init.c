// SPDX-License-Identifier: GPL-2.0
/*
 * marker-init.c - /init of the tests' "installed system": say so and power off.
 *
 * The end-to-end tests put it on a bootable disk; the marker on the console proves the
 * guest really booted that disk after the re-IPL.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	int fd;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_WRONLY);
	if (fd >= 0)
		dup2(fd, 1);
	printf("reboot-s390x-e2e: installed system booted from disk\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
