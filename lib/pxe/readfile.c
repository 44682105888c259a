// SPDX-License-Identifier: GPL-2.0
/*
 * readfile.c - a whole file read into memory, bounded and never blocking (readfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pxe/readfile.h"

int pxe_read_file(const char *path, size_t max, unsigned char **data, size_t *len,
		  struct reipl_error *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	size_t got = 0;
	ssize_t n;

	*data = NULL;
	if (fd < 0)
		return reipl_fail(err, -errno, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return reipl_fail(err, -EINVAL, "%s is not a regular file", path);
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return reipl_fail(err, -EFBIG, "%s is larger than %zu bytes", path, max);
	}
	*data = malloc((size_t)st.st_size + 1);
	if (!*data) {
		close(fd);
		return reipl_fail(err, -ENOMEM, "out of memory");
	}
	while (got < (size_t)st.st_size &&
	       (n = read(fd, *data + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (got != (size_t)st.st_size) {
		free(*data);
		*data = NULL;
		return reipl_fail(err, -EIO, "cannot read %s", path);
	}
	*len = got;
	return 0;
}
