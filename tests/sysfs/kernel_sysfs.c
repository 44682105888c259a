// SPDX-License-Identifier: GPL-2.0
/*
 * kernel_sysfs.c - mount a fixture's sys/firmware as the s390 kernel would serve it.
 *
 * Usage: kernel-sysfs DIR     (DIR: a fixture's sys/firmware; runs in the foreground)
 *
 * Reads DIR's tree (directories, and files as the values show() prints), then mounts
 * itself over DIR with FUSE. Writes to ipl/ and reipl/ attributes go through the
 * kernel's store() rules (kernel_rules.c): refused values are EINVAL and change nothing,
 * a zero-length write changes nothing, truncation does nothing, and reads show the
 * stored value the kernel's way. Read-only attributes (ipl/) refuse writes with EACCES.
 * Files and directories cannot be created or removed, as in sysfs. Unmount with
 * `fusermount3 -u DIR` or by ending the process.
 */
#define FUSE_USE_VERSION 31

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernel_rules.h"

#define MAX_NODES 512

struct node {
	char path[384]; /* "" for the root, "reipl", "reipl/ccw/device" */
	bool dir;
	struct kr_attr *attr; /* files */
};

static struct node nodes[MAX_NODES];
static size_t nnodes;
static struct kr_attr attrs[MAX_NODES];
static struct kr_model model = { attrs, 0, { { 0 } }, 0 };

static void add_node(const char *rel, bool dir, const char *full)
{
	struct node *n;

	if (nnodes == MAX_NODES) {
		fprintf(stderr, "kernel-sysfs: too many files\n");
		exit(1);
	}
	n = &nodes[nnodes++];
	snprintf(n->path, sizeof(n->path), "%s", rel);
	n->dir = dir;
	if (!dir) {
		struct kr_attr *a = &attrs[model.count++];
		char buf[KR_VALUE_MAX];
		ssize_t got = 0;
		int fd = open(full, O_RDONLY);

		if (fd >= 0) {
			got = read(fd, buf, sizeof(buf));
			close(fd);
		}
		snprintf(a->path, sizeof(a->path), "%s", rel);
		/* What the kernel lets root write: reipl's attributes, not ipl's. */
		a->writable = strncmp(rel, "reipl/", 6) == 0;
		kr_load(a, buf, got > 0 ? (size_t)got : 0);
		n->attr = a;
	} else if (strncmp(rel, "reipl/", 6) == 0 && !strchr(rel + 6, '/') && model.ntypes < 8) {
		snprintf(model.types[model.ntypes++], sizeof(model.types[0]), "%.7s", rel + 6);
	}
}

static void load(const char *full, const char *rel)
{
	DIR *d = opendir(full);
	struct dirent *de;

	if (!d) {
		perror(full);
		exit(1);
	}
	add_node(rel, true, full);
	while ((de = readdir(d))) {
		char f[4096], r[384];
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(f, sizeof(f), "%s/%s", full, de->d_name);
		snprintf(r, sizeof(r), "%s%s%s", rel, *rel ? "/" : "", de->d_name);
		if (lstat(f, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			load(f, r);
		else
			add_node(r, false, f);
	}
	closedir(d);
}

static struct node *find(const char *path)
{
	size_t i;

	while (*path == '/')
		path++;
	for (i = 0; i < nnodes; i++)
		if (strcmp(nodes[i].path, path) == 0)
			return &nodes[i];
	return NULL;
}

static int ks_getattr(const char *path, struct stat *st, struct fuse_file_info *fi)
{
	struct node *n = find(path);

	(void)fi;
	if (!n)
		return -ENOENT;
	memset(st, 0, sizeof(*st));
	if (n->dir) {
		st->st_mode = S_IFDIR | 0755;
		st->st_nlink = 2;
	} else {
		st->st_mode = S_IFREG | (n->attr->writable ? 0644 : 0444);
		st->st_nlink = 1;
		/* sysfs reports a page; readers must not trust it, ours do not. */
		st->st_size = 4096;
	}
	return 0;
}

static int ks_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off,
		      struct fuse_file_info *fi, enum fuse_readdir_flags flags)
{
	struct node *dir = find(path);
	size_t i, len;

	(void)off, (void)fi, (void)flags;
	if (!dir || !dir->dir)
		return -ENOTDIR;
	fill(buf, ".", NULL, 0, 0);
	fill(buf, "..", NULL, 0, 0);
	len = strlen(dir->path);
	for (i = 0; i < nnodes; i++) {
		const char *p = nodes[i].path, *rest;

		if (!*p || (len && (strncmp(p, dir->path, len) != 0 || p[len] != '/')))
			continue;
		rest = len ? p + len + 1 : p;
		if (p == dir->path || strchr(rest, '/'))
			continue;
		fill(buf, rest, NULL, 0, 0);
	}
	return 0;
}

static int ks_open(const char *path, struct fuse_file_info *fi)
{
	struct node *n = find(path);

	if (!n)
		return -ENOENT;
	if (n->dir)
		return -EISDIR;
	if ((fi->flags & O_ACCMODE) != O_RDONLY && !n->attr->writable)
		return -EACCES;
	fi->direct_io = 1; /* every read asks show(), as sysfs does */
	return 0;
}

static int ks_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi)
{
	struct node *n = find(path);

	(void)fi;
	if (!n || n->dir)
		return -ENOENT;
	if ((size_t)off >= n->attr->len)
		return 0;
	if (size > n->attr->len - (size_t)off)
		size = n->attr->len - (size_t)off;
	memcpy(buf, n->attr->value + off, size);
	return (int)size;
}

static int ks_write(const char *path, const char *buf, size_t size, off_t off,
		    struct fuse_file_info *fi)
{
	struct node *n = find(path);
	int rc;

	(void)fi;
	if (!n || n->dir)
		return -ENOENT;
	/* Text attributes take every write whole; binary ones only from the start. */
	if (off != 0 && strstr(n->path, "scp_data"))
		return -EINVAL;
	rc = kr_store(&model, n->attr, buf, size);
	return rc ? rc : (int)size;
}

static int ks_truncate(const char *path, off_t size, struct fuse_file_info *fi)
{
	struct node *n = find(path);

	(void)size, (void)fi;
	if (!n)
		return -ENOENT;
	/* sysfs ignores O_TRUNC: the value stays. */
	return n->dir ? -EISDIR : 0;
}

static int ks_refuse(const char *path, mode_t mode, struct fuse_file_info *fi)
{
	(void)path, (void)mode, (void)fi;
	return -EACCES;
}

static int ks_refuse_path(const char *path)
{
	(void)path;
	return -EPERM;
}

static const struct fuse_operations ops = {
	.getattr = ks_getattr,
	.readdir = ks_readdir,
	.open = ks_open,
	.read = ks_read,
	.write = ks_write,
	.truncate = ks_truncate,
	.create = ks_refuse,
	.unlink = ks_refuse_path,
	.rmdir = ks_refuse_path,
};

int main(int argc, char **argv)
{
	char *fargv[] = { argv[0], "-f", "-s", "-o", "allow_other", NULL, NULL };

	if (argc != 2) {
		fprintf(stderr, "usage: kernel-sysfs DIR\n");
		return 2;
	}
	load(argv[1], "");
	fargv[5] = argv[1];
	return fuse_main(6, fargv, &ops, NULL);
}
