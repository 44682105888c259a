/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tree.h - the pxelinux.cfg/ directory of a TFTP root, read and written safely.
 */
#ifndef PXE_TREE_H
#define PXE_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "reipl/reipl_error.h"

struct pxe_tree {
	char root[4096]; /* as given */
	int rootfd;
	int cfgfd; /* pxelinux.cfg/, or -1 when it does not exist */
};

/*
 * Open a TFTP root and its pxelinux.cfg/: the one way every command opens a tree. The
 * root may be reached through symlinks (/var/lib/tftpboot -> /srv/tftp is common) and
 * must exist. A missing pxelinux.cfg/ is a tree without files (t->cfgfd is -1): reads
 * find no file, lists are empty, and writers create it with pxe_tree_create_cfg once
 * everything was checked; `pxe check` and `doctor` report it. pxelinux.cfg itself must
 * be a real directory (-ELOOP for a symlink). 0 or -errno with a message; on failure
 * nothing is left open.
 */
int pxe_tree_open(const char *root, struct pxe_tree *t, struct reipl_error *err);

/*
 * Create the missing pxelinux.cfg/ of a tree opened without it (mode 0755, SELinux label
 * restored); nothing when it is there. 0 or -errno with a message.
 */
int pxe_tree_create_cfg(struct pxe_tree *t, struct reipl_error *err);

void pxe_tree_close(struct pxe_tree *t);

/* A name we are willing to read, write or remove in pxelinux.cfg/: no "/", no dot files. */
int pxe_tree_check_name(const char *name, struct reipl_error *err);

/*
 * Read pxelinux.cfg/@name without following a symlink: up to @cap bytes into @buf, the
 * whole size in @size. -ENOENT when absent; -ELOOP for a symlink; -EINVAL if not a file.
 */
int pxe_tree_read(const struct pxe_tree *t, const char *name, char *buf, size_t cap, size_t *size,
		  struct reipl_error *err);

/*
 * Read pxelinux.cfg/@name as a TFTP server serves it: symlinks are followed, but only
 * while they stay inside the TFTP root (-EXDEV for one that leaves it, with a message).
 * Never blocks (a FIFO is -EINVAL: not a regular file). Up to @cap bytes into @buf, the
 * whole size in @size, the file's permission bits in @mode. -ENOENT when absent
 * (a dangling symlink included).
 */
int pxe_tree_read_served(const struct pxe_tree *t, const char *name, char *buf, size_t cap,
			 size_t *size, unsigned *mode, struct reipl_error *err);

/*
 * Open a file an entry names (kernel, initrd; a leading "/" is the root) for reading as a
 * TFTP server reaches it, but never outside the root (-EXDEV) and never blocking. The fd,
 * or -errno.
 */
int pxe_tree_open_file(const struct pxe_tree *t, const char *path);

/*
 * Replace pxelinux.cfg/@name atomically: a temporary file in the same directory, written,
 * fsync'ed, renamed over the old one, and the directory fsync'ed. A reader sees the old
 * file or the new one, never a part. A new file is 0644 with the policy's SELinux label;
 * a replaced one keeps its owner, group, label and mode (made readable to all). Refuses
 * to replace a symlink or a non-file. When the file already holds exactly @data with
 * that mode, nothing is touched and *@changed is false.
 */
/*
 * The same, only while pxelinux.cfg/@name still holds @expect (@expect_len bytes), as read
 * when @data was made from it: compared once more right before the rename, so that a write
 * made meanwhile by someone else (an admin's `pxe`, Foreman's proxy writing in place) is
 * never undone. -ESTALE with a message when it changed; nothing is written then.
 */
int pxe_tree_replace(const struct pxe_tree *t, const char *name, const char *expect,
		     size_t expect_len, const char *data, size_t len, bool *changed,
		     struct reipl_error *err);

int pxe_tree_write(const struct pxe_tree *t, const char *name, const char *data, size_t len,
		   bool *changed, struct reipl_error *err);

/*
 * The same for a file in the TFTP root itself (the helper files: the payload, a kernel,
 * an initrd), under a plain name. Never through a symlink; unchanged content is left.
 */
int pxe_tree_put(const struct pxe_tree *t, const char *name, const char *data, size_t len,
		 bool *changed, struct reipl_error *err);

/*
 * Several files in the root at once (pxe setup's helper files), all or none: every one is
 * written complete beside its place first, so that a full disk or any other write error
 * replaces nothing; only then are they renamed into place, each replaced file kept under
 * a second name until all are, so that a rename that fails puts back the ones before it.
 * @changed[i] says which were replaced (a file that already held its data is not); after
 * a failure, which could not be put back (the message counts them).
 */
int pxe_tree_put_all(const struct pxe_tree *t, const char *const *names,
		     const char *const *data, const size_t *lens, size_t n, bool *changed,
		     struct reipl_error *err);

/* Remove pxelinux.cfg/@name (a regular file; never a symlink). -ENOENT when absent. */
int pxe_tree_remove(const struct pxe_tree *t, const char *name, struct reipl_error *err);

/*
 * Remove pxelinux.cfg/@names[0..@n), all or none. Every name is checked first: one that
 * is absent is fine (@removed[i] false; so is a name given twice, the second time),
 * anything but a regular file refuses the call with nothing changed. The files are
 * then moved aside under dot names the firmware never asks for, and unlinked only once
 * all of them were: a move that fails puts back the ones before it. 0 or -errno.
 */
int pxe_tree_remove_all(const struct pxe_tree *t, const char *const *names, size_t n, bool *removed,
			struct reipl_error *err);

/* The names in pxelinux.cfg/, sorted, in a malloc'ed array of malloc'ed strings. */
int pxe_tree_list(const struct pxe_tree *t, char ***names, size_t *count, struct reipl_error *err);

void pxe_tree_free_list(char **names, size_t count);

#endif
