/* SPDX-License-Identifier: GPL-2.0 */
/*
 * plan.h - what `pxe local`, `pxe install` (--once too) and `reprovision` write: every
 * guest's entry worked out and checked before any file is touched, then all of them
 * written or none.
 */
#ifndef PXE_PLAN_H
#define PXE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "pxe/guest.h"
#include "pxe/method.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"
#include "reipl/reipl_error.h"

/* What is asked for, the same for every guest of one call. NULL: not given. */
struct pxe_write_request {
	bool local; /* the local entry; else the install entry */
	bool once;  /* install: the install entry that turns local when the installer ends */
	bool force; /* replace a file reboot-s390x did not write */
	/* install: the installer's files and command line; local: the Linux helper's own */
	const char *kernel, *initrd, *append;
	/* local and install --once: the local entry's re-IPL target, method and payload;
	 * install: --method host (or auto) also sets the domain's definition for it */
	const char *target, *method, *payload;
};

/* One guest's entry: the caller fills in the first three fields, the planner the rest. */
struct pxe_plan {
	const char *given;     /* as the user named the guest (for messages) */
	struct pxe_guest g;    /* as the firmware knows it: never PXE_GUEST_NAME */
	struct pxe_domain dom; /* what libvirt said of its domain; all zero without one */

	char name[64];		/* its file in pxelinux.cfg/ */
	enum pxe_method method; /* of the local entry (local, install --once) */
	char why[160];		/* auto's reason for it, or "" */
	const char *kernel, *initrd; /* what the entry loads */
	/* fallback chosen, but the boot order is not network then disk */
	bool warn_fallback;
	/* fallback chosen for a domain on QEMU 9.2.x, whose virtio-net boot can fail */
	bool warn_qemu_9_2;
	/* What its domain's definition must be set for (--method host), or PXE_HOST_NONE:
	 * the definition is left as it is. lib/virt/provision.h carries it out. */
	enum pxe_host_state host_to;
	bool host_changed; /* and it changed (after lib/virt/provision.h wrote it) */
	char text[PXE_CFG_BUFFER]; /* the file to write */
	bool existed;		   /* what was there, put back when a later write fails */
	char old[PXE_CFG_BUFFER];
	size_t old_len;
	/* After the write: whether the file changed, what the guest still lacks in the root. */
	bool changed, kernel_missing, initrd_missing;
};

/*
 * Work out and check @p's entry for @r in tree @t (pxelinux.cfg/ may still be missing):
 * the local method (auto's choice from the domain's facts), the entry's text, and the
 * file it replaces (only one reboot-s390x wrote, unless @r->force; never a symlink, never
 * one larger than the firmware reads). Writes nothing. 0 or -errno with a message.
 */
int pxe_plan_entry(const struct pxe_tree *t, const struct pxe_write_request *r,
		   struct pxe_plan *p, struct reipl_error *err);

/*
 * Plan @plans[0..@n) with pxe_plan_entry: two guests with one file refuse the call.
 * Writes nothing. 0 or -errno with a message.
 */
int pxe_plan_all(const struct pxe_tree *t, const struct pxe_write_request *r,
		 struct pxe_plan *plans, size_t n, struct reipl_error *err);

/*
 * Write what pxe_plan_all planned: create pxelinux.cfg/ if missing, then every file, all
 * or none (see pxe_plan_write). 0 or -errno with a message.
 */
int pxe_plan_commit(struct pxe_tree *t, const struct pxe_write_request *r, struct pxe_plan *plans,
		    size_t n, struct reipl_error *err);

/*
 * Put back the files of @plans[0..@n) as they were before pxe_plan_commit, each only while
 * it still holds what was written (a newer write by someone else stays). Returns how many
 * could not be, the first one's reason in @why.
 */
size_t pxe_plan_put_back(const struct pxe_tree *t, const struct pxe_plan *plans, size_t n,
			 char *why, size_t len);

/*
 * Plan @plans[0..@n) (two guests with one file refuse the call), then create
 * pxelinux.cfg/ if missing and write every file. All or none: when the k-th write
 * fails, the k-1 written before it are put back as they were, and the message says so.
 * 0 or -errno with a message; nothing is written unless every plan succeeded.
 */
int pxe_plan_write(struct pxe_tree *t, const struct pxe_write_request *r, struct pxe_plan *plans,
		   size_t n, struct reipl_error *err);

#endif
