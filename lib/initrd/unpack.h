/* SPDX-License-Identifier: GPL-2.0 */
/*
 * unpack.h - an initrd read back (any cpio, any compression libarchive knows).
 */
#ifndef INITRD_UNPACK_H
#define INITRD_UNPACK_H

#include <stddef.h>

/*
 * The /init of the initrd open at @fd ("init", "./init" or "/init"), at most @max bytes,
 * into a malloc'ed buffer (none on failure). 0; -ENOENT when there is none; -EINVAL for something that is
 * no archive or an init too large; -ENOMEM; -EIO for a short read.
 */
int initrd_read_init(int fd, size_t max, unsigned char **data, size_t *len);

#endif
