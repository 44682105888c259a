// SPDX-License-Identifier: GPL-2.0
/*
 * tree.c - safe, atomic updates of pxelinux.cfg/.
 *
 * All access goes through directory file descriptors with O_NOFOLLOW, so that a symlink
 * planted in pxelinux.cfg/ (by whoever else can write the TFTP tree) never redirects a
 * write outside it, and a name is never a path.
 */
#include <dirent.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pxe/tree.h"

#define CFG_DIR "pxelinux.cfg"
/* The writers' lock in pxelinux.cfg/ (a dot file: never listed, never fetched). */
#define LOCK_FILE ".reboot-s390x.lock"
/* How long a writer waits for another's compare and rename, at most (milliseconds). */
#define LOCK_WAIT_MS 5000

/*
 * The mode a file gets when we replace one: its own, made readable to all (a TFTP server
 * that cannot read it serves nothing). Another writer's group bits stay (Foreman's proxy
 * writes these files too); a new file is 0644.
 */
static mode_t mode_of(const struct stat *old)
{
	return old ? ((old->st_mode & 0777) | 0444) & ~(mode_t)0111 : 0644;
}

/* Give @fd the SELinux context of the file it replaces, @oldfd (no-op without SELinux or
 * when that file has none). 1 when it did, 0 when there was nothing to keep. */
static int keep_label(int fd, int oldfd, const char *what, struct reipl_error *err)
{
	char *con = NULL;
	int rc = 0;

	if (is_selinux_enabled() <= 0 || fgetfilecon(oldfd, &con) < 0)
		return 0;
	if (fsetfilecon(fd, con) != 0)
		rc = reipl_fail(err, -errno, "cannot keep the SELinux context of %s: %s", what,
				strerror(errno));
	freecon(con);
	return rc ? rc : 1;
}

/* Give @fd the SELinux context the policy wants for @path (no-op without SELinux). */
static int restore_label(int fd, const char *root, const char *name, mode_t mode,
			 struct reipl_error *err)
{
	char real[PATH_MAX], path[PATH_MAX + 128];
	struct selabel_handle *h;
	char *con = NULL;
	int rc = 0;

	if (is_selinux_enabled() <= 0)
		return 0;
	if (!realpath(root, real))
		return reipl_fail(err, -errno, "cannot resolve %s: %s", root, strerror(errno));
	/* @name: below pxelinux.cfg/, or "/NAME" for a file in the root itself. */
	if (name && name[0] == '/')
		snprintf(path, sizeof(path), "%s%s", real, name);
	else
		snprintf(path, sizeof(path), "%s/%s%s%s", real, CFG_DIR, name ? "/" : "",
			 name ? name : "");
	h = selabel_open(SELABEL_CTX_FILE, NULL, 0);
	if (!h)
		return reipl_fail(err, -errno, "cannot open the SELinux file contexts: %s",
				  strerror(errno));
	if (selabel_lookup(h, &con, path, mode) == 0) {
		if (fsetfilecon(fd, con) != 0)
			rc = reipl_fail(err, -errno, "cannot set the SELinux context of %s: %s",
					path, strerror(errno));
		freecon(con);
	}
	selabel_close(h);
	return rc;
}

int pxe_tree_open(const char *root, struct pxe_tree *t, struct reipl_error *err)
{
	struct stat st;
	int e;

	memset(t, 0, sizeof(*t));
	t->cfgfd = -1;
	snprintf(t->root, sizeof(t->root), "%s", root);
	t->rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->rootfd < 0)
		return reipl_fail(err, -errno, "TFTP root %s: %s", root, strerror(errno));
	t->cfgfd = openat(t->rootfd, CFG_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (t->cfgfd >= 0 || errno == ENOENT)
		return 0; /* (no pxelinux.cfg/ yet: a tree without files) */
	e = errno;
	if (fstatat(t->rootfd, CFG_DIR, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		e = ELOOP;
	pxe_tree_close(t);
	if (e == ELOOP)
		return reipl_fail(err, -ELOOP, "%s/" CFG_DIR " is a symlink: refusing to follow it",
				  root);
	return reipl_fail(err, -e, "%s/" CFG_DIR ": %s", root, strerror(e));
}

int pxe_tree_create_cfg(struct pxe_tree *t, struct reipl_error *err)
{
	if (t->cfgfd >= 0)
		return 0;
	if (mkdirat(t->rootfd, CFG_DIR, 0755) != 0 && errno != EEXIST)
		return reipl_fail(err, -errno, "cannot create %s/" CFG_DIR ": %s", t->root,
				  strerror(errno));
	t->cfgfd = openat(t->rootfd, CFG_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (t->cfgfd < 0)
		return reipl_fail(err, -errno, "%s/" CFG_DIR ": %s", t->root, strerror(errno));
	/* (mkdir's mode went through the umask; the TFTP server must enter it) */
	if (fchmod(t->cfgfd, 0755) != 0)
		return reipl_fail(err, -errno, "%s/" CFG_DIR ": %s", t->root, strerror(errno));
	return restore_label(t->cfgfd, t->root, NULL, S_IFDIR | 0755, err);
}

void pxe_tree_close(struct pxe_tree *t)
{
	if (t->cfgfd >= 0)
		close(t->cfgfd);
	if (t->rootfd >= 0)
		close(t->rootfd);
	t->cfgfd = t->rootfd = -1;
}

int pxe_tree_check_name(const char *name, struct reipl_error *err)
{
	if (!*name || name[0] == '.' || strchr(name, '/') || strlen(name) > 64)
		return reipl_fail(err, -EINVAL, "'%.64s' is not a name in " CFG_DIR "/", name);
	return 0;
}

static int need_dir(const struct pxe_tree *t, struct reipl_error *err)
{
	if (t->cfgfd < 0)
		return reipl_fail(err, -ENOENT, "%s has no " CFG_DIR "/ directory", t->root);
	return 0;
}

/*
 * Read the regular file open at @fd (closed here): up to @cap bytes into @buf, the whole
 * size in @size, the permission bits in @mode (may be NULL). -EINVAL if not a file.
 */
static int read_file(int fd, const char *path, char *buf, size_t cap, size_t *size, unsigned *mode,
		     struct reipl_error *err)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return reipl_fail(err, -EINVAL, "%s is not a regular file", path);
	}
	while (got < cap && (n = read(fd, buf + got, cap - got)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			close(fd);
			return reipl_fail(err, -e, "cannot read %s: %s", path, strerror(e));
		}
		got += (size_t)n;
	}
	close(fd);
	*size = (size_t)st.st_size > got ? (size_t)st.st_size : got;
	if (mode)
		*mode = (unsigned)(st.st_mode & 07777);
	return 0;
}

int pxe_tree_read(const struct pxe_tree *t, const char *name, char *buf, size_t cap, size_t *size,
		  struct reipl_error *err)
{
	char path[sizeof(CFG_DIR) + 80];
	int fd, rc;

	if ((rc = pxe_tree_check_name(name, err)) || (rc = need_dir(t, err)))
		return rc;
	snprintf(path, sizeof(path), CFG_DIR "/%s", name);
	fd = openat(t->cfgfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		if (rc == -ELOOP)
			return reipl_fail(err, rc, "%s is a symlink", path);
		return reipl_fail(err, rc, "%s: %s", path, strerror(-rc));
	}
	return read_file(fd, path, buf, cap, size, NULL, err);
}

/* Open @path below @dirfd without ever leaving it; ENOSYS kernels get no symlinks at all. */
static int open_beneath(int dirfd, const char *path)
{
	struct open_how how = {
		.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	int fd = (int)syscall(SYS_openat2, dirfd, path, &how, sizeof(how));

	if (fd < 0 && errno == ENOSYS)
		fd = openat(dirfd, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	return fd;
}

int pxe_tree_open_file(const struct pxe_tree *t, const char *path)
{
	int fd;

	/* TFTP servers take a leading "/" as the root. */
	while (*path == '/')
		path++;
	if (!*path)
		return -ENOENT;
	fd = open_beneath(t->rootfd, path);
	return fd < 0 ? -errno : fd;
}

int pxe_tree_read_served(const struct pxe_tree *t, const char *name, char *buf, size_t cap,
			 size_t *size, unsigned *mode, struct reipl_error *err)
{
	char path[sizeof(CFG_DIR) + 80];
	int fd, rc;

	if ((rc = pxe_tree_check_name(name, err)) || (rc = need_dir(t, err)))
		return rc;
	snprintf(path, sizeof(path), CFG_DIR "/%s", name);
	fd = open_beneath(t->rootfd, path);
	if (fd < 0) {
		rc = -errno;
		if (rc == -EXDEV)
			return reipl_fail(err, rc, "%s leads outside the TFTP root", path);
		return reipl_fail(err, rc, "%s: %s", path, strerror(-rc));
	}
	return read_file(fd, path, buf, cap, size, mode, err);
}

/* @name in @dirfd holds exactly @data with mode 0644 (a regular file, not followed). */
static bool same_content(int dirfd, const char *name, const char *data, size_t len)
{
	struct stat st;
	size_t got = 0;
	bool same = false;
	char buf[65536];
	int fd;

	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len &&
	    (st.st_mode & 07777) == mode_of(&st)) {
		same = true;
		while (same && got < len) {
			size_t want = len - got < sizeof(buf) ? len - got : sizeof(buf);
			ssize_t n = read(fd, buf, want);

			same = n > 0 && memcmp(buf, data + got, (size_t)n) == 0;
			got += n > 0 ? (size_t)n : 0;
		}
	}
	close(fd);
	return same;
}

/*
 * Replace @name in @dirfd (pxelinux.cfg/ when @dir is CFG_DIR, else the root, @dir "")
 * atomically: see pxe_tree_write.
 */
/* @name in @dirfd holds exactly @expect (@len bytes). */
static bool holds(int dirfd, const char *name, const char *expect, size_t len)
{
	char buf[4096];
	ssize_t n;
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return false;
	n = len < sizeof(buf) ? read(fd, buf, sizeof(buf)) : -1;
	close(fd);
	return n >= 0 && (size_t)n == len && memcmp(buf, expect, len) == 0;
}

/*
 * Stage a replacement of @name in @dirfd (pxelinux.cfg/ when @dir is CFG_DIR, else the
 * root, @dir ""): a complete temporary file beside it, named in @tmp, with the owner,
 * group, mode and label it will have. @tmp is "" when @name already holds @data (nothing
 * to do). On failure nothing is left behind.
 */
static int stage_at(const struct pxe_tree *t, int dirfd, const char *dir, const char *name,
		    const char *data, size_t len, char tmp[96], struct reipl_error *err)
{
	char label[96], where[4200];
	struct stat st;
	int fd = -1, oldfd = -1, rc, tries;
	bool existed = false;
	size_t done = 0;

	tmp[0] = '\0';
	snprintf(where, sizeof(where), "%s%s%s", t->root, *dir ? "/" : "", dir);
	snprintf(label, sizeof(label), "%s%.80s", *dir ? "" : "/", name);
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISLNK(st.st_mode))
			return reipl_fail(err, -ELOOP,
					  "%s%s%s is a symlink: refusing to write through it", dir,
					  *dir ? "/" : "", name);
		if (!S_ISREG(st.st_mode))
			return reipl_fail(err, -EINVAL, "%s%s%s is not a regular file", dir,
					  *dir ? "/" : "", name);
		if (same_content(dirfd, name, data, len))
			return 0;
		existed = true;
	}
	for (tries = 0; tries < 100 && fd < 0; tries++) {
		snprintf(tmp, 96, ".%s.%ld.%d", name, (long)getpid(), tries);
		fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST) {
			rc = reipl_fail(err, -errno, "cannot create a file in %s: %s", where,
					strerror(errno));
			tmp[0] = '\0';
			return rc;
		}
	}
	if (fd < 0) {
		tmp[0] = '\0';
		return reipl_fail(err, -EEXIST, "cannot create a temporary file in %s", where);
	}
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = reipl_fail(err, n < 0 ? -errno : -EIO, "cannot write %s/%s: %s", where,
					tmp, n < 0 ? strerror(errno) : "short write");
			goto fail;
		}
		done += (size_t)n;
	}
	/* A file someone else wrote keeps its owner, group, mode and label: the next in-place
	 * write by that owner (Foreman's proxy) must still be allowed. */
	if (fchmod(fd, mode_of(existed ? &st : NULL)) != 0 || fsync(fd) != 0) {
		rc = reipl_fail(err, -errno, "cannot write %s/%s: %s", where, tmp, strerror(errno));
		goto fail;
	}
	if (existed && (st.st_uid != geteuid() || st.st_gid != getegid()) &&
	    fchown(fd, st.st_uid, st.st_gid) != 0) {
		rc = reipl_fail(err, -errno, "cannot give %s/%s its owner %u:%u back: %s", where,
				name, (unsigned)st.st_uid, (unsigned)st.st_gid, strerror(errno));
		goto fail;
	}
	if (existed)
		oldfd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	rc = oldfd >= 0 ? keep_label(fd, oldfd, name, err) : 0;
	if (oldfd >= 0)
		close(oldfd);
	if (rc == 0)
		rc = restore_label(fd, t->root, label, S_IFREG | mode_of(existed ? &st : NULL), err);
	if (rc < 0)
		goto fail;
	rc = close(fd);
	fd = -1;
	if (rc != 0) {
		rc = reipl_fail(err, -errno, "cannot write %s/%s: %s", where, tmp, strerror(errno));
		goto fail;
	}
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlinkat(dirfd, tmp, 0);
	tmp[0] = '\0';
	return rc;
}

/*
 * The writers' lock of pxelinux.cfg/, held from the last compare to the rename, so that
 * between reboot-s390x's own writers (an admin's `pxe`, `watch` and `reprovision` on this
 * host or another that mounts the same tree over NFS) no write lands in between. An open
 * file description lock (fcntl F_OFD_SETLK), which NFS carries to the server. The fd, or
 * -1 when no lock could be had (the lock file not writable by this user, or held longer
 * than LOCK_WAIT_MS by a stuck writer): compare-before-rename alone then guards, as it
 * does against writers that know nothing of the lock (Foreman's proxy writes in place).
 */
static int lock_cfg(const struct pxe_tree *t)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd = openat(t->cfgfd, LOCK_FILE, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
	int waited;

	if (fd < 0)
		return -1;
	for (waited = 0; fcntl(fd, F_OFD_SETLK, &fl) != 0; waited += 10) {
		if ((errno != EAGAIN && errno != EACCES) || waited >= LOCK_WAIT_MS) {
			close(fd);
			return -1;
		}
		usleep(10000);
	}
	return fd;
}

/*
 * Put a staged @tmp in place of @name, when @name still holds @expect (unless NULL). On
 * failure the staged file is removed and @name is as it was.
 */
static int commit_at(const struct pxe_tree *t, int dirfd, const char *dir, const char *name,
		     const char *tmp, const char *expect, size_t expect_len,
		     struct reipl_error *err)
{
	int rc = 0, lock = dirfd == t->cfgfd ? lock_cfg(t) : -1;

	/* The last look before the rename: a newer write always wins. */
	if (expect && !holds(dirfd, name, expect, expect_len))
		rc = reipl_fail(err, -ESTALE,
				"%s%s%s changed while it was being rewritten: the newer write stays",
				dir, *dir ? "/" : "", name);
	else if (renameat(dirfd, tmp, dirfd, name) != 0)
		rc = reipl_fail(err, -errno, "cannot rename %s to %s in %s%s%s: %s", tmp, name,
				t->root, *dir ? "/" : "", dir, strerror(errno));
	if (lock >= 0)
		close(lock);
	if (rc) {
		unlinkat(dirfd, tmp, 0);
		return rc;
	}
	fsync(dirfd);
	return 0;
}

static int write_at(const struct pxe_tree *t, int dirfd, const char *dir, const char *name,
		    const char *expect, size_t expect_len, const char *data, size_t len,
		    bool *changed, struct reipl_error *err)
{
	char tmp[96];
	int rc;

	*changed = false;
	if ((rc = stage_at(t, dirfd, dir, name, data, len, tmp, err)) || !tmp[0])
		return rc;
	if ((rc = commit_at(t, dirfd, dir, name, tmp, expect, expect_len, err)))
		return rc;
	*changed = true;
	return 0;
}

int pxe_tree_write(const struct pxe_tree *t, const char *name, const char *data, size_t len,
		   bool *changed, struct reipl_error *err)
{
	int rc;

	*changed = false;
	if ((rc = pxe_tree_check_name(name, err)) || (rc = need_dir(t, err)))
		return rc;
	return write_at(t, t->cfgfd, CFG_DIR, name, NULL, 0, data, len, changed, err);
}

int pxe_tree_replace(const struct pxe_tree *t, const char *name, const char *expect,
		     size_t expect_len, const char *data, size_t len, bool *changed,
		     struct reipl_error *err)
{
	int rc;

	*changed = false;
	if ((rc = pxe_tree_check_name(name, err)) || (rc = need_dir(t, err)))
		return rc;
	return write_at(t, t->cfgfd, CFG_DIR, name, expect, expect_len, data, len, changed,
			err);
}

int pxe_tree_put(const struct pxe_tree *t, const char *name, const char *data, size_t len,
		 bool *changed, struct reipl_error *err)
{
	int rc;

	*changed = false;
	if ((rc = pxe_tree_check_name(name, err)))
		return rc;
	return write_at(t, t->rootfd, "", name, NULL, 0, data, len, changed, err);
}

int pxe_tree_put_all(const struct pxe_tree *t, const char *const *names,
		     const char *const *data, const size_t *lens, size_t n, bool *changed,
		     struct reipl_error *err)
{
	char (*tmp)[96], (*old)[96];
	size_t i, j, unrestored = 0;
	int rc = 0;

	for (i = 0; i < n; i++) {
		changed[i] = false;
		if ((rc = pxe_tree_check_name(names[i], err)))
			return rc;
	}
	tmp = calloc(n ? n : 1, sizeof(*tmp));
	old = calloc(n ? n : 1, sizeof(*old));
	if (!tmp || !old) {
		free(tmp), free(old);
		return reipl_fail(err, -ENOMEM, "out of memory");
	}
	/* Every file complete beside its place first: a full disk stops us here, with
	 * nothing replaced. */
	for (i = 0; i < n && !rc; i++)
		rc = stage_at(t, t->rootfd, "", names[i], data[i], lens[i], tmp[i], err);
	/* Then the renames, which need no space. What each replaces keeps a second name
	 * until all are in place, so that a failed rename puts back the ones before it. */
	for (j = 0; j < n && !rc; j++) {
		if (!tmp[j][0])
			continue;
		snprintf(old[j], sizeof(old[j]), ".%s.%ld.old", names[j], (long)getpid());
		if (linkat(t->rootfd, names[j], t->rootfd, old[j], 0) != 0) {
			if (errno != ENOENT) {
				rc = reipl_fail(err, -errno, "cannot keep %s/%s while it is replaced: %s",
						t->root, names[j], strerror(errno));
				old[j][0] = '\0';
				break;
			}
			old[j][0] = '\0'; /* a new file: nothing to keep */
		}
		if (!(rc = commit_at(t, t->rootfd, "", names[j], tmp[j], NULL, 0, err)))
			changed[j] = true;
	}
	for (i = 0; i < n; i++) {
		if (rc && changed[i]) {
			if (old[i][0] ? renameat(t->rootfd, old[i], t->rootfd, names[i])
				      : unlinkat(t->rootfd, names[i], 0))
				unrestored++;
			else
				changed[i] = false;
		} else if (old[i][0]) {
			unlinkat(t->rootfd, old[i], 0);
		}
		/* What was staged and not put in place goes. */
		if (tmp[i][0] && !changed[i])
			unlinkat(t->rootfd, tmp[i], 0);
	}
	if (rc)
		fsync(t->rootfd);
	if (unrestored && err) {
		char what[REIPL_ERROR_MAX];

		snprintf(what, sizeof(what), "%s", err->msg);
		reipl_fail(err, rc, "%s; %zu file%s written before it could not be put back", what,
			   unrestored, unrestored == 1 ? "" : "s");
	}
	free(tmp), free(old);
	return rc;
}

int pxe_tree_remove(const struct pxe_tree *t, const char *name, struct reipl_error *err)
{
	struct stat st;
	int rc, lock;

	if ((rc = pxe_tree_check_name(name, err)) || (rc = need_dir(t, err)))
		return rc;
	if (fstatat(t->cfgfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return reipl_fail(err, -errno, CFG_DIR "/%s: %s", name, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return reipl_fail(err, -EINVAL,
				  CFG_DIR "/%s is not a regular file: not removing it", name);
	/* (after a writer between its compare and its rename: see lock_cfg) */
	lock = lock_cfg(t);
	rc = unlinkat(t->cfgfd, name, 0) != 0 ? -errno : 0;
	if (lock >= 0)
		close(lock);
	if (rc)
		return reipl_fail(err, rc, "cannot remove " CFG_DIR "/%s: %s", name, strerror(-rc));
	fsync(t->cfgfd);
	return 0;
}

/* Where pxe_tree_remove_all keeps pxelinux.cfg/@name until every file is out of the way. */
static int aside_name(const char *name, char *buf, size_t len)
{
	int n = snprintf(buf, len, ".%s.removing", name);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* Move the files of @names[0..@n) with @moved set back from aside; false when one stays. */
static bool put_back(const struct pxe_tree *t, const char *const *names, size_t n,
		     const bool *moved)
{
	char aside[NAME_MAX + 1];
	bool all = true;
	size_t i;

	for (i = 0; i < n; i++)
		if (moved[i] && (aside_name(names[i], aside, sizeof(aside)) ||
				 renameat(t->cfgfd, aside, t->cfgfd, names[i]) != 0))
			all = false;
	return all;
}

int pxe_tree_remove_all(const struct pxe_tree *t, const char *const *names, size_t n, bool *removed,
			struct reipl_error *err)
{
	char aside[NAME_MAX + 1];
	struct stat st;
	size_t i, j;
	int rc, lock = -1;

	for (i = 0; i < n; i++) {
		removed[i] = false;
		if ((rc = pxe_tree_check_name(names[i], err)))
			return rc;
		for (j = 0; j < i && strcmp(names[j], names[i]) != 0; j++)
			;
		if (t->cfgfd < 0 || j < i)
			continue;
		if (fstatat(t->cfgfd, names[i], &st, AT_SYMLINK_NOFOLLOW) != 0) {
			if (errno == ENOENT)
				continue;
			return reipl_fail(err, -errno, CFG_DIR "/%s: %s", names[i],
					  strerror(errno));
		}
		if (!S_ISREG(st.st_mode))
			return reipl_fail(err, -EINVAL,
					  CFG_DIR "/%s is not a regular file: not removing it",
					  names[i]);
		if (aside_name(names[i], aside, sizeof(aside)))
			return reipl_fail(err, -ENAMETOOLONG, CFG_DIR "/%s: name too long",
					  names[i]);
		removed[i] = true;
	}
	/* (after a writer between its compare and its rename: see lock_cfg) */
	for (i = 0; i < n && !removed[i]; i++)
		;
	if (i < n)
		lock = lock_cfg(t);
	for (i = 0; i < n; i++) {
		if (!removed[i])
			continue;
		aside_name(names[i], aside, sizeof(aside));
		if (renameat(t->cfgfd, names[i], t->cfgfd, aside) == 0)
			continue;
		rc = -errno;
		if (rc == -ENOENT) { /* removed by someone else meanwhile */
			removed[i] = false;
			continue;
		}
		if (!put_back(t, names, i, removed))
			reipl_fail(err, rc,
				   "cannot remove " CFG_DIR "/%s: %s; files moved aside before it "
				   "could not all be put back (see " CFG_DIR "/.*.removing)",
				   names[i], strerror(-rc));
		else
			reipl_fail(err, rc, "cannot remove " CFG_DIR "/%s: %s (nothing removed)",
				   names[i], strerror(-rc));
		memset(removed, 0, n * sizeof(*removed));
		if (lock >= 0)
			close(lock);
		return rc;
	}
	if (lock >= 0)
		close(lock);
	for (i = 0; i < n; i++) {
		if (!removed[i])
			continue;
		aside_name(names[i], aside, sizeof(aside));
		if (unlinkat(t->cfgfd, aside, 0) != 0)
			return reipl_fail(err, -errno,
					  CFG_DIR "/%s is out of the firmware's way as %s, but "
						  "cannot be unlinked: %s",
					  names[i], aside, strerror(errno));
	}
	fsync(t->cfgfd);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int pxe_tree_list(const struct pxe_tree *t, char ***names, size_t *count, struct reipl_error *err)
{
	char **list = NULL, **grown;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *dir;
	int fd, rc;

	*names = NULL;
	*count = 0;
	if (t->cfgfd < 0)
		return 0; /* no pxelinux.cfg/: no files */
	fd = dup(t->cfgfd);
	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return reipl_fail(err, -errno, "cannot list %s/" CFG_DIR ": %s", t->root,
				  strerror(errno));
	}
	rewinddir(dir);
	/* A partial list would hide files: running out of memory, or a read error, fails. */
	for (rc = 0; !rc;) {
		errno = 0;
		if (!(de = readdir(dir))) {
			rc = errno ? -errno : 1;
			break;
		}
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			grown = realloc(list, cap * sizeof(*list));
			if (!grown) {
				rc = -ENOMEM;
				break;
			}
			list = grown;
		}
		if (!(list[n] = strdup(de->d_name)))
			rc = -ENOMEM;
		else
			n++;
	}
	closedir(dir);
	if (rc < 0) {
		pxe_tree_free_list(list, n);
		return reipl_fail(err, rc, "cannot list %s/" CFG_DIR ": %s", t->root,
				  strerror(-rc));
	}
	if (n > 1)
		qsort(list, n, sizeof(*list), by_name);
	*names = list;
	*count = n;
	return 0;
}

void pxe_tree_free_list(char **names, size_t count)
{
	while (count)
		free(names[--count]);
	free(names);
}
