// SPDX-License-Identifier: GPL-2.0
/*
 * qemu_caps.c - a QEMU binary's capabilities, from its own help output and its firmware
 * image (see qemu_caps.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "virt/qemu_caps.h"

#define RUN_LIMIT_MS 10000
#define OUTPUT_MAX (256 * 1024)
#define FIRMWARE_MAX (8 * 1024 * 1024)
#define FIRMWARE_NAME "s390-ccw.img"

extern char **environ;

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Run @argv (stdin /dev/null, stderr too) and return what it printed (malloc'ed,
 * NUL-terminated), or NULL with a message: it could not start, ran over its time limit
 * (then it is killed), or did not exit 0.
 */
static char *run(char *const argv[], struct reipl_error *err)
{
	posix_spawn_file_actions_t fa;
	long long deadline = now_ms() + RUN_LIMIT_MS;
	char *out = malloc(OUTPUT_MAX + 1);
	size_t used = 0;
	int fds[2], status = 0, rc;
	pid_t pid;

	if (!out || pipe2(fds, O_CLOEXEC) != 0) {
		free(out);
		reipl_fail(err, -errno, "cannot run %s: %s", argv[0], strerror(errno));
		return NULL;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc) {
		close(fds[0]);
		free(out);
		reipl_fail(err, -rc, "cannot run %s: %s", argv[0], strerror(rc));
		return NULL;
	}
	for (;;) {
		struct pollfd p = { .fd = fds[0], .events = POLLIN };
		long long left = deadline - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
			kill(pid, SIGKILL);
			used = OUTPUT_MAX + 1; /* (marks a run that was killed) */
			break;
		}
		n = read(fds[0], out + used, OUTPUT_MAX - used);
		if (n <= 0)
			break;
		if ((used += (size_t)n) == OUTPUT_MAX) {
			/* (more than any help text: not read on, and not waited for blocked) */
			kill(pid, SIGKILL);
			used = OUTPUT_MAX + 1;
			break;
		}
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (used > OUTPUT_MAX || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		reipl_fail(err, -EIO, "%s %s %s: %s", argv[0], argv[1], argv[2],
			   used > OUTPUT_MAX ? "no answer within 10 s, or far too long a one"
					     : "failed");
		free(out);
		return NULL;
	}
	out[used] = '\0';
	return out;
}

/* The firmware image in the first of QEMU's data directories (`-L help`) that has one. */
static void *firmware(const char *dirs, size_t *len)
{
	const char *line, *end;
	void *data = NULL;

	for (line = dirs; *line && !data; line = *end ? end + 1 : end) {
		char path[4096];
		struct stat st;
		int fd;

		end = line + strcspn(line, "\n");
		if (snprintf(path, sizeof(path), "%.*s/" FIRMWARE_NAME, (int)(end - line), line) >=
		    (int)sizeof(path))
			continue;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
		    st.st_size <= FIRMWARE_MAX && (data = malloc((size_t)st.st_size))) {
			ssize_t n = pread(fd, data, (size_t)st.st_size, 0);

			if (n != st.st_size) {
				free(data);
				data = NULL;
			}
			*len = (size_t)st.st_size;
		}
		close(fd);
	}
	return data;
}

int pxe_qemu_caps(const char *emulator, struct pxe_fw_caps *c, struct reipl_error *err)
{
	char *device_args[] = { (char *)emulator, "-device", "virtio-net-ccw,help", NULL };
	char *machine_args[] = { (char *)emulator, "-machine", "s390-ccw-virtio,help", NULL };
	char *dirs_args[] = { (char *)emulator, "-L", "help", NULL };
	char *device = NULL, *machine = NULL, *dirs = NULL;
	void *image = NULL;
	size_t len = 0;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if (!(device = run(device_args, err)) || !(machine = run(machine_args, err)) ||
	    !(dirs = run(dirs_args, err)))
		rc = -EIO;
	else
		image = firmware(dirs, &len);
	if (rc == 0)
		pxe_fw_caps_read(device, machine, image, len, c);
	free(device);
	free(machine);
	free(dirs);
	free(image);
	return rc;
}
