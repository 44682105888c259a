// SPDX-License-Identifier: GPL-2.0
/*
 * cpio.c - write the reboot initrd with libarchive.
 *
 * The image holds only what the helper needs as PID 1: /init, /dev/console (the kernel
 * opens it for init before devtmpfs exists), the mount points, and what the options add.
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "initrd/cpio.h"
#include "initrd/elfcheck.h"
#include "reipl/cmdline.h"
#include "reipl/request.h"
#include "reipl/target.h"

/* Larger than any sane /init or shell; keeps a wrong --init (a disk image) out of memory. */
#define PROGRAM_MAX (64u << 20)

struct entry {
	const char *path;  /* without leading "/", as the kernel's unpacker wants */
	unsigned int mode; /* type and permissions */
	const unsigned char *data;
	size_t size;
};

struct blob {
	unsigned char *data;
	size_t size;
};

int initrd_compress_parse(const char *name, enum initrd_compress *out)
{
	if (strcmp(name, "gzip") == 0)
		*out = INITRD_GZIP;
	else if (strcmp(name, "zstd") == 0)
		*out = INITRD_ZSTD;
	else if (strcmp(name, "none") == 0)
		*out = INITRD_NONE;
	else
		return -EINVAL;
	return 0;
}

static int read_program(const char *path, const char *what, bool force, struct blob *b,
			struct reipl_error *err)
{
	struct reipl_error why;
	struct stat st;
	ssize_t n;
	size_t got = 0;
	int fd, rc;

	/* O_NONBLOCK: a FIFO given as a program must not hang us before fstat refuses it. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return reipl_fail(err, -errno, "cannot open %s %s: %s", what, path,
				  strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > PROGRAM_MAX) {
		close(fd);
		return reipl_fail(err, -EINVAL, "%s %s is not a regular file of at most 64 MiB",
				  what, path);
	}
	b->size = (size_t)st.st_size;
	b->data = malloc(b->size ? b->size : 1);
	if (!b->data) {
		close(fd);
		return reipl_fail(err, -ENOMEM, "out of memory");
	}
	while (got < b->size && (n = read(fd, b->data + got, b->size - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (got != b->size)
		return reipl_fail(err, -EIO, "cannot read %s %s", what, path);
	if (force)
		return 0;
	rc = initrd_elf_check_static_s390x(b->data, b->size, &why);
	if (rc)
		return reipl_fail(err, rc, "%s %s is %s (use --force to take it anyway)", what,
				  path, why.msg);
	return 0;
}

/* The default target must parse now, not fail at every boot of every guest. */
static int check_default_target(const char *text, struct reipl_error *err)
{
	struct reipl_target t;
	struct reipl_error why;

	if (strchr(text, '\n'))
		return reipl_fail(err, -EINVAL, "default target must be one line");
	if (reipl_target_text_check(text, &t, &why))
		return reipl_fail(err, -EINVAL, "default target \"%.60s\": %s", text, why.msg);
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

static int add_filter(struct archive *a, enum initrd_compress compress)
{
	switch (compress) {
	case INITRD_GZIP:
		/* No timestamp in the gzip header: same inputs, same bytes. */
		if (archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
		    archive_write_set_filter_option(a, "gzip", "compression-level", "9") !=
			    ARCHIVE_OK ||
		    archive_write_set_filter_option(a, "gzip", "timestamp", NULL) != ARCHIVE_OK)
			return -1;
		return 0;
	case INITRD_ZSTD:
		if (archive_write_add_filter_zstd(a) != ARCHIVE_OK ||
		    archive_write_set_filter_option(a, "zstd", "compression-level", "19") !=
			    ARCHIVE_OK)
			return -1;
		return 0;
	case INITRD_NONE:
		break;
	}
	return 0;
}

static int write_archive(int fd, const struct entry *entries, size_t n, int64_t mtime,
			 enum initrd_compress compress, struct reipl_error *err)
{
	struct archive *a = archive_write_new();
	struct archive_entry *e = archive_entry_new();
	size_t i;
	int rc = 0;

	if (!a || !e) {
		rc = reipl_fail(err, -ENOMEM, "out of memory");
		goto out;
	}
	if (archive_write_set_format_cpio_newc(a) != ARCHIVE_OK || add_filter(a, compress) ||
	    archive_write_set_bytes_in_last_block(a, 1) != ARCHIVE_OK ||
	    archive_write_open_fd(a, fd) != ARCHIVE_OK) {
		rc = reipl_fail(err, -EIO, "libarchive: %s", archive_error_string(a));
		goto out;
	}
	for (i = 0; i < n && !rc; i++) {
		archive_entry_clear(e);
		archive_entry_set_pathname(e, entries[i].path);
		archive_entry_set_mode(e, entries[i].mode);
		archive_entry_set_uid(e, 0);
		archive_entry_set_gid(e, 0);
		archive_entry_set_mtime(e, mtime, 0);
		archive_entry_set_ino(e, (int64_t)i + 1);
		archive_entry_set_nlink(e, S_ISDIR(entries[i].mode) ? 2 : 1);
		archive_entry_set_size(e, (int64_t)entries[i].size);
		if (S_ISCHR(entries[i].mode)) {
			archive_entry_set_rdevmajor(e, 5);
			archive_entry_set_rdevminor(e, 1);
		}
		if (archive_write_header(a, e) != ARCHIVE_OK ||
		    (entries[i].size && archive_write_data(a, entries[i].data, entries[i].size) !=
						(la_ssize_t)entries[i].size))
			rc = reipl_fail(err, -EIO, "libarchive: %s", archive_error_string(a));
	}
	if (!rc && archive_write_close(a) != ARCHIVE_OK)
		rc = reipl_fail(err, -EIO, "libarchive: %s", archive_error_string(a));
out:
	archive_entry_free(e);
	archive_write_free(a);
	return rc;
}

int initrd_write(const struct initrd_spec *spec, const char *path, struct reipl_error *err)
{
	struct blob init = { NULL, 0 }, shell = { NULL, 0 };
	struct entry entries[12];
	char tmp[PATH_MAX];
	size_t n = 0;
	int fd, rc;

	if ((rc = read_program(spec->init, "init", spec->force, &init, err)) ||
	    (spec->shell && (rc = read_program(spec->shell, "shell", spec->force, &shell, err))) ||
	    (spec->default_target && (rc = check_default_target(spec->default_target, err))))
		goto out;

	entries[n++] = (struct entry){ "dev", S_IFDIR | 0755, NULL, 0 };
	entries[n++] = (struct entry){ "dev/console", S_IFCHR | 0600, NULL, 0 };
	entries[n++] = (struct entry){ "init", S_IFREG | 0755, init.data, init.size };
	entries[n++] = (struct entry){ "proc", S_IFDIR | 0755, NULL, 0 };
	entries[n++] = (struct entry){ "sys", S_IFDIR | 0755, NULL, 0 };
	if (spec->shell) {
		entries[n++] = (struct entry){ "bin", S_IFDIR | 0755, NULL, 0 };
		entries[n++] = (struct entry){ "bin/sh", S_IFREG | 0755, shell.data, shell.size };
	}
	if (spec->default_target) {
		entries[n++] = (struct entry){ "etc", S_IFDIR | 0755, NULL, 0 };
		entries[n++] = (struct entry){ "etc/reboot-s390x", S_IFDIR | 0755, NULL, 0 };
		/* The archive's paths are relative: the file's name without its leading '/'. */
		entries[n++] = (struct entry){ &REIPL_DEFAULT_TARGET_FILE[1], S_IFREG | 0644,
					       (const unsigned char *)spec->default_target,
					       strlen(spec->default_target) };
	}
	qsort(entries, n, sizeof(entries[0]), by_path);

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp)) {
		rc = reipl_fail(err, -ENAMETOOLONG, "output path is too long");
		goto out;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = reipl_fail(err, -errno, "cannot create a file beside %s: %s", path,
				strerror(errno));
		goto out;
	}
	rc = write_archive(fd, entries, n, spec->mtime, spec->compress, err);
	if (!rc && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
		rc = reipl_fail(err, -errno, "cannot write %s: %s", tmp, strerror(errno));
	if (close(fd) != 0 && !rc)
		rc = reipl_fail(err, -errno, "cannot write %s: %s", tmp, strerror(errno));
	if (!rc && rename(tmp, path) != 0)
		rc = reipl_fail(err, -errno, "cannot rename %s to %s: %s", tmp, path,
				strerror(errno));
	if (rc)
		unlink(tmp);
out:
	free(init.data);
	free(shell.data);
	return rc;
}
