/* SPDX-License-Identifier: GPL-2.0 */
/*
 * readfile.h - a whole file read into memory: the helper images `pxe setup` copies, a
 * network's XML for doctor. Bounded and never blocking, so that /dev/zero or a FIFO named
 * by mistake is refused, not waited on.
 */
#ifndef PXE_READFILE_H
#define PXE_READFILE_H

#include <stddef.h>

#include "reipl/reipl_error.h"

/*
 * Read a whole regular file of at most @max bytes (no FIFO, no device) into a malloc'ed
 * buffer with one byte to spare (for a terminating NUL). 0, or -errno with a message.
 */
int pxe_read_file(const char *path, size_t max, unsigned char **data, size_t *len,
		  struct reipl_error *err);

#endif
