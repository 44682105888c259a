// SPDX-License-Identifier: GPL-2.0
/*
 * sysroot.c - rooted access to sysfs and procfs attributes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reipl/sysroot.h"

int reipl_path(const char *root, const char *path, char *buf, size_t len)
{
	int n;

	/* "/" and "" both mean the live system; avoid a double slash. */
	if (!root || strcmp(root, "/") == 0)
		root = "";
	n = snprintf(buf, len, "%s%s", root, path);
	if (n < 0 || (size_t)n >= len)
		return -ENAMETOOLONG;
	return 0;
}

int reipl_pathf(const char *root, char *buf, size_t len, const char *fmt, ...)
{
	char rel[4096];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(rel, sizeof(rel), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(rel))
		return -ENAMETOOLONG;
	return reipl_path(root, rel, buf, len);
}

bool reipl_exists(const char *root, const char *path)
{
	char full[4096];

	return reipl_path(root, path, full, sizeof(full)) == 0 && access(full, F_OK) == 0;
}

/*
 * Open @full for reading or writing without ever blocking: a FIFO, socket or directory
 * planted where a sysfs attribute or a /proc file should be is refused (-EINVAL), and
 * O_NONBLOCK keeps a character device from waiting. -errno on failure.
 */
static int open_attr(const char *full, int flags)
{
	struct stat st;
	int fd = open(full, flags | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0 || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
	    S_ISDIR(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	return fd;
}

FILE *reipl_fopen(const char *root, const char *path)
{
	char full[4096];
	FILE *f;
	int fd;

	if (reipl_path(root, path, full, sizeof(full)) != 0)
		return NULL;
	fd = open_attr(full, O_RDONLY);
	if (fd < 0) {
		errno = -fd;
		return NULL;
	}
	f = fdopen(fd, "r");
	if (!f)
		close(fd);
	return f;
}

int reipl_read_attr(const char *root, const char *path, char *buf, size_t len)
{
	char full[4096];
	size_t got = 0;
	ssize_t n;
	int fd, rc;

	rc = reipl_path(root, path, full, sizeof(full));
	if (rc)
		return rc;
	fd = open_attr(full, O_RDONLY);
	if (fd < 0)
		return fd;
	for (;;) {
		if (got + 1 >= len) {
			char extra;

			/* Full: only an error if there is more to come. */
			n = read(fd, &extra, 1);
			if (n > 0) {
				close(fd);
				return -EFBIG;
			}
			break;
		}
		n = read(fd, buf + got, len - 1 - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -errno;
			close(fd);
			return rc;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got > 0 && buf[got - 1] == '\n')
		got--;
	buf[got] = '\0';
	return (int)got;
}

int reipl_write_attr(const char *root, const char *path, const char *val, size_t len)
{
	char full[4096];
	ssize_t n;
	int fd, rc;

	rc = reipl_path(root, path, full, sizeof(full));
	if (rc)
		return rc;
	/* O_TRUNC as a shell's ">" does: sysfs ignores it, a fixture file needs it. */
	fd = open_attr(full, O_WRONLY | O_TRUNC | O_NOFOLLOW);
	if (fd < 0)
		return fd;
	do
		n = write(fd, val, len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	if ((size_t)n != len) {
		close(fd);
		return -EIO;
	}
	if (close(fd) < 0)
		return -errno;
	return 0;
}
