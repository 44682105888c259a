// SPDX-License-Identifier: GPL-2.0
/*
 * pid1.c - the helper as the initrd's /init.
 *
 * PID 1 must never exit (the kernel panics, and a panic=N kernel reboots: into the
 * network again, a loop) and must never loop by itself. Every path here ends in
 * reboot(2); if even that fails, it says so and sleeps forever.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pid1.h"

#define PROGRAM "reboot-s390x"

/* The default wait after an error, so that a person at the console can read why. */
#define ERROR_DELAY 10

static void mount_once(const char *source, const char *target, const char *type)
{
	mkdir(target, 0755);
	if (mount(source, target, type, MS_NOSUID | MS_NOEXEC, NULL) != 0 && errno != EBUSY)
		fprintf(stderr, PROGRAM ": warning: cannot mount %s on %s: %s\n", type, target,
			strerror(errno));
}

void pid1_setup(void)
{
	int fd;

	mount_once("proc", "/proc", "proc");
	mount_once("sysfs", "/sys", "sysfs");
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, NULL) != 0 && errno != EBUSY)
		fprintf(stderr, PROGRAM ": warning: cannot mount devtmpfs: %s\n", strerror(errno));
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
}

/* Run /bin/sh on the console and wait for it to end. */
static void run_shell(void)
{
	pid_t pid;
	int status;

	pid = fork();
	if (pid == 0) {
		/* A session of its own with the console as its terminal: job control, ^C. */
		setsid();
		ioctl(STDIN_FILENO, TIOCSCTTY, 1);
		execl("/bin/sh", "sh", "-i", (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
}

__attribute__((noreturn)) void pid1_finish(bool ok, const struct reipl_cmdline *cl)
{
	unsigned int delay = cl->has_delay ? cl->delay : (ok ? 0 : ERROR_DELAY);
	enum reipl_onerror action = cl->onerror;
	int how = RB_AUTOBOOT;
	const char *what = "rebooting";

	if (!ok) {
		/* rd.shell is dracut's "shell on failure" and wins over the default only. */
		if (cl->shell && !cl->has_onerror)
			action = REIPL_ONERROR_SHELL;
		switch (action) {
		case REIPL_ONERROR_HALT:
			how = RB_HALT_SYSTEM, what = "halting";
			break;
		case REIPL_ONERROR_REBOOT:
			how = RB_AUTOBOOT, what = "rebooting (as rd.reipl.onerror=reboot asks)";
			break;
		case REIPL_ONERROR_SHELL:
		case REIPL_ONERROR_POWEROFF:
			how = RB_POWER_OFF, what = "powering off";
			break;
		}
	}
	if (!ok && action == REIPL_ONERROR_SHELL && access("/bin/sh", X_OK) != 0) {
		printf(PROGRAM ": no /bin/sh in this image\n");
		action = REIPL_ONERROR_POWEROFF;
	}
	if (!ok && action == REIPL_ONERROR_SHELL)
		what = "starting /bin/sh (the system powers off when it exits)";
	sync();
	if (delay)
		printf(PROGRAM ": %s in %u seconds\n", what, delay);
	else
		printf(PROGRAM ": %s\n", what);
	fflush(stdout);
	sleep(delay);
	if (!ok && action == REIPL_ONERROR_SHELL) {
		run_shell();
		sync();
		printf(PROGRAM ": powering off\n");
		fflush(stdout);
	}
	reboot(how);
	printf(PROGRAM ": reboot(2) failed: %s; stopped\n", strerror(errno));
	fflush(stdout);
	for (;;)
		pause();
}
