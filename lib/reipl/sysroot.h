/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysroot.h - /sys and /proc seen from a root directory (--sysroot).
 *
 * Every path lib/ touches goes through here, so a test can point the whole library at
 * a fixture tree and a live system uses "/". Paths are absolute ("/sys/..."); the root
 * is put in front of them.
 */
#ifndef REIPL_SYSROOT_H
#define REIPL_SYSROOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Join @root and @path into @buf. Returns 0 or -ENAMETOOLONG. */
int reipl_path(const char *root, const char *path, char *buf, size_t len);

/* Like reipl_path, with the path given as a printf format. */
int reipl_pathf(const char *root, char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

bool reipl_exists(const char *root, const char *path);

/*
 * Read a sysfs attribute into @buf (NUL terminated), dropping one trailing newline.
 * Returns the length read or a negative errno (-ENOENT, -EFBIG when it does not fit).
 */
int reipl_read_attr(const char *root, const char *path, char *buf, size_t len);

/*
 * Open a /proc or /sys file below @root for reading with stdio, never blocking: a FIFO,
 * socket or directory in its place is EINVAL. NULL with errno set on failure.
 */
FILE *reipl_fopen(const char *root, const char *path);

/*
 * Write @len bytes of @val to an existing attribute, in one write(2) as sysfs wants.
 * Never creates a file. Returns 0 or a negative errno.
 */
int reipl_write_attr(const char *root, const char *path, const char *val, size_t len);

#endif
