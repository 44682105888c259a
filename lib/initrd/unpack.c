// SPDX-License-Identifier: GPL-2.0
/*
 * unpack.c - reading an initrd back, whatever made it and however it is compressed
 * (libarchive): doctor looks for the init inside the one a TFTP root serves.
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "initrd/unpack.h"

int initrd_read_init(int fd, size_t max, unsigned char **data, size_t *len)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	int rc = -ENOENT;

	archive_read_support_filter_all(a);
	archive_read_support_format_cpio(a);
	if (archive_read_open_fd(a, fd, 65536) != ARCHIVE_OK) {
		archive_read_free(a);
		return -EINVAL;
	}
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);
		la_int64_t size = archive_entry_size(e);

		if (strcmp(name, "init") != 0 && strcmp(name, "./init") != 0 &&
		    strcmp(name, "/init") != 0)
			continue;
		if (size <= 0 || (uint64_t)size > max) {
			rc = -EINVAL;
			break;
		}
		*data = malloc((size_t)size);
		if (!*data) {
			rc = -ENOMEM;
			break;
		}
		*len = (size_t)archive_read_data(a, *data, (size_t)size);
		rc = *len == (size_t)size ? 0 : -EIO;
		if (rc) { /* a failure hands out no buffer */
			free(*data);
			*data = NULL;
		}
		break;
	}
	archive_read_free(a);
	return rc;
}
