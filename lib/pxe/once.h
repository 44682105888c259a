/* SPDX-License-Identifier: GPL-2.0 */
/*
 * once.h - an installer entry that turns into a local one once the installer is done
 * (`pxe install --once`, `reprovision`, `watch`), with its whole state in the file, so
 * that it survives restarts of whoever follows the guest.
 *
 * The file is an ordinary install entry whose mark line says "install once" (waiting for
 * the guest to start from it) or "install once, started" (the guest started while the
 * entry was there, so its installer runs). Below the entry, as comment lines the
 * firmware skips, is the local entry it becomes, written and checked when the file was.
 */
#ifndef PXE_ONCE_H
#define PXE_ONCE_H

#include <stdbool.h>
#include <stddef.h>

#include "reipl/reipl_error.h"

enum pxe_once_state {
	PXE_ONCE_NONE,	  /* not an install-once file */
	PXE_ONCE_WAITING, /* written; the guest has not been seen starting from it */
	PXE_ONCE_STARTED, /* the guest started from it: its installer runs */
};

/* What a libvirt domain did, as far as an install-once entry cares. */
enum pxe_vm_event {
	PXE_VM_STARTED,	  /* a cold start: the firmware reads the entry */
	PXE_VM_REBOOTED,  /* the guest rebooted itself */
	PXE_VM_SHUTDOWN,  /* the guest shut itself down */
	PXE_VM_DESTROYED, /* the admin (or a tool) destroyed it */
	PXE_VM_CRASHED,	  /* crashed, panicked, or its QEMU failed */
	PXE_VM_OTHER,	  /* saved, migrated, resumed...: nothing to do */
};

enum pxe_once_action {
	PXE_ONCE_KEEP, /* leave the file as it is */
	PXE_ONCE_ARM,  /* mark it started */
	PXE_ONCE_FLIP, /* write the local entry */
};

/* The most install-once files one domain can have: its UUID file and one per MAC (the
 * first PXE_DOMAIN_MACS interfaces are read). */
#define PXE_ONCE_FILES_MAX 9

/* The state of a file's text (any file: not ours, or not once, is PXE_ONCE_NONE). */
enum pxe_once_state pxe_once_state(const char *text, size_t len);

struct pxe_guest;

/*
 * Whether @g may get an install-once file: one guest's own (UUID or MAC file), never
 * pxelinux.cfg/default, which every guest without a file of its own reads and which
 * no domain's events ever turn local. -EINVAL with a message otherwise.
 */
int pxe_once_guest_check(const struct pxe_guest *g, struct reipl_error *err);

/*
 * The install-once file from an install entry and the local entry it becomes (both as
 * written by entry.c), into @buf. -E2BIG with a message when the two do not fit the
 * firmware's 2047 bytes together.
 */
int pxe_once_compose(const char *install, const char *local, char *buf, size_t len,
		     struct reipl_error *err);

/* The same file marked started, into @buf. -EINVAL when @text is not install-once. */
int pxe_once_mark_started(const char *text, size_t tlen, char *buf, size_t len,
			  struct reipl_error *err);

/* The local entry the file becomes, into @buf. -EINVAL when @text is not install-once. */
int pxe_once_local(const char *text, size_t tlen, char *buf, size_t len, struct reipl_error *err);

/*
 * What to do with a file in @state when its guest did @ev. Only the guest's own reboot
 * or shutdown after it started from the entry turns it local; a destroy or a crash
 * never does (the install did not finish: the next start must install again). @why
 * gets a few words for the log.
 */
enum pxe_once_action pxe_once_decide(enum pxe_once_state state, enum pxe_vm_event ev,
				     const char **why);

struct pxe_tree;
struct pxe_domain;

/*
 * Carry out @action (ARM or FLIP) on pxelinux.cfg/@name, read again first: a file that
 * is no longer install-once (someone rewrote it meanwhile) is left alone (-ESTALE). The
 * write is atomic; a file changed meanwhile into exactly what it would write (another
 * watch on the same tree did it) is -EALREADY: done, by someone else. @old and @new get the state names before and after, for the log.
 */
int pxe_once_apply(const struct pxe_tree *t, const char *name, enum pxe_once_action action,
		   const char **old, const char **new, struct reipl_error *err);

/*
 * The install-once files of domain @d (its UUID file, its MACs' files) into @names;
 * returns how many (at most @max), each with its state in @states.
 */
int pxe_once_files(const struct pxe_tree *t, const struct pxe_domain *d, char names[][64],
		   enum pxe_once_state *states, int max);

/*
 * The first of domain @d's own files (its UUID file, its MACs' files) that holds a local
 * entry of reboot-s390x into @name: true when there is one. For a follower whose entry
 * was turned local by another (a watch beside reprovision): the job is done.
 */
bool pxe_once_local_file(const struct pxe_tree *t, const struct pxe_domain *d, char name[64]);

/* What happened to one install-once file, for the caller to report. */
struct pxe_once_change {
	char file[64];
	enum pxe_once_action action; /* taken (KEEP: nothing written) */
	const char *old, *new;	     /* state names before and after */
	const char *why;
	int rc; /* 0, or the -errno of a failed write (@msg says why) */
	char msg[256];
	bool by_other; /* done meanwhile by another writer (a second watch): not by us */
	/* What the flip did to the domain's definition besides the file (--method host,
	 * lib/virt), or "", and whether that failed (the file stays as written). */
	char domain_msg[200];
	bool domain_failed;
};

/*
 * Carry out @c->action on pxelinux.cfg/@c->file (pxe_once_apply), filling in the rest of
 * @c: a write another writer did meanwhile is rc 0 with @by_other.
 */
void pxe_once_carry(const struct pxe_tree *t, struct pxe_once_change *c);

/*
 * Domain @d did @ev: decide and carry out what each of its install-once files in @t
 * needs. Returns how many files it has (at most @max), each described in @changes.
 */
int pxe_once_event(const struct pxe_tree *t, const struct pxe_domain *d, enum pxe_vm_event ev,
		   struct pxe_once_change *changes, int max);

/*
 * After a time nobody followed the domain: a file in @state whose domain is @active now,
 * or stopped the way @stopped says. Only a guest that started from the entry and then
 * shut itself down is turned local; a running one is left to the events to come.
 */
enum pxe_once_action pxe_once_reconcile(enum pxe_once_state state, bool active,
					enum pxe_vm_event stopped, const char **why);

const char *pxe_vm_event_name(enum pxe_vm_event ev);
const char *pxe_once_state_name(enum pxe_once_state state);

#endif
