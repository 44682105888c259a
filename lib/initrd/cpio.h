/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpio.h - the reboot initrd: a reproducible newc cpio around the static init.
 */
#ifndef INITRD_CPIO_H
#define INITRD_CPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reipl/reipl_error.h"

enum initrd_compress {
	INITRD_GZIP,
	INITRD_ZSTD,
	INITRD_NONE,
};

struct initrd_spec {
	const char *init;	    /* static s390x program, installed as /init */
	const char *shell;	    /* optional static shell, installed as /bin/sh */
	const char *default_target; /* optional chreipl arguments for the image */
	enum initrd_compress compress;
	int64_t mtime; /* every entry's mtime (SOURCE_DATE_EPOCH or 0) */
	bool force;    /* accept programs that are not static s390x ELF */
};

/* "gzip", "zstd", "none" -> 0 and @out, or -EINVAL. */
int initrd_compress_parse(const char *name, enum initrd_compress *out);

/*
 * Write the initrd described by @spec to @path: everything is read and checked first
 * (the programs are static s390x ELF unless force, the default target is valid chreipl
 * syntax on one line), then the image goes to a temporary file beside @path that is
 * renamed over it once complete, so a failure leaves @path as it was. Same inputs, same
 * bytes: entries sorted, owner 0, fixed mtimes, no timestamp in the gzip header.
 */
int initrd_write(const struct initrd_spec *spec, const char *path, struct reipl_error *err);

#endif
