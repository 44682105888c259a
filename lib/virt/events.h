/* SPDX-License-Identifier: GPL-2.0 */
/*
 * events.h - following libvirt domains through libvirt's own event API: what a domain
 * did (started, rebooted itself, shut itself down, was destroyed, crashed), its state
 * now, and starting it. For `reprovision` and `watch`.
 */
#ifndef VIRT_EVENTS_H
#define VIRT_EVENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "virt/libvirt.h"
#include "pxe/once.h"
#include "reipl/reipl_error.h"

struct pxe_events;

/* A domain did @ev. @name and @uuid are valid for the call only. */
typedef void pxe_events_fn(void *arg, const char *name, const char *uuid, enum pxe_vm_event ev);

/*
 * Connect to libvirt at @uri (NULL: its default) with a connection that may start
 * domains, and deliver the lifecycle and reboot events of every domain to @fn from
 * pxe_events_wait. 0 or -errno with libvirt's reason.
 */
int pxe_events_open(const char *uri, pxe_events_fn *fn, void *arg, struct pxe_events **out,
		    struct reipl_error *err);

/*
 * Deliver what arrived, waiting at most about a quarter of a second (so that callers
 * can keep a time limit and notice a signal). 0, or -ECONNRESET with a message when the
 * connection to libvirt was lost.
 */
int pxe_events_wait(struct pxe_events *e, struct reipl_error *err);

void pxe_events_close(struct pxe_events *e);

struct pxe_vm_status {
	char name[256];
	char uuid[37];
	bool active;		   /* running, paused, ...: its QEMU exists */
	enum pxe_vm_event stopped; /* when not active: how it last stopped, as far as
				      libvirt says (PXE_VM_OTHER: it cannot say) */
};

/* The status of domain @name (a name or a UUID). 0, -ENOENT, or -errno. */
int pxe_events_status(struct pxe_events *e, const char *name, struct pxe_vm_status *s,
		      struct reipl_error *err);

/* Every domain libvirt knows, malloc'ed. 0 or -errno. */
int pxe_events_list(struct pxe_events *e, struct pxe_vm_status **list, size_t *n,
		    struct reipl_error *err);

/*
 * Domain @name (or UUID) as pxe_libvirt_domain describes it (UUID, MACs, boot order; not
 * its QEMU version), asked on the events' own connection: callbacks need no second one.
 */
int pxe_events_domain(struct pxe_events *e, const char *name, struct pxe_domain *d,
		      struct reipl_error *err);

/* Start domain @name; one that runs is destroyed first (a cold start, not a reset). */
int pxe_events_cold_start(struct pxe_events *e, const char *name, struct reipl_error *err);

/* What pxe_events_settle did to the guest besides its files. */
enum pxe_settle_restart {
	PXE_SETTLE_NONE,	 /* nothing */
	PXE_SETTLE_RESET,	 /* held and reset: its firmware reads the local entry */
	PXE_SETTLE_RESET_FAILED, /* held, but the reset or the resume failed (@err says) */
	PXE_SETTLE_HELD,	 /* held: the write that turns its entry local failed, and
				    the guest stays paused until pxe_events_retry does it */
	PXE_SETTLE_RESTARTED,	 /* held, then stopped and started again: its definition
				    follows its entry (--method host) and changed */
};

/* The most changes pxe_events_settle reports for one event: a write tried again and the
 * event's own decision, for each install-once file of the domain. */
#define PXE_SETTLE_CHANGES_MAX (2 * PXE_ONCE_FILES_MAX)

/*
 * Domain @name (@uuid) did @ev: carry out what its install-once files in the tree at @root
 * (a path, opened anew for each event: a long-running watch sees a pxelinux.cfg/ made
 * after it started, and a root remounted meanwhile) need (pxe_once_event), up to @max files described in @changes; returns how many, or
 * -errno when the tree cannot be opened. When the guest's own reboot turns an entry
 * local, the guest is paused from before the write until it is reset, so that its
 * firmware reads the local entry for certain (it asks again within a second of the
 * reset, faster than libvirt reports the reset); @restart says how that went.
 *
 * A write that fails (a full disk, an NFS server away) is remembered and tried again by
 * pxe_events_retry, and first of all at the domain's next event; a guest held for it
 * stays paused until it is done, and a guest started meanwhile is held and reset once it
 * is, so that no start reads the install entry that should have turned local. A file
 * someone else changed meanwhile is never written: their write wins.
 */
int pxe_events_settle(struct pxe_events *e, const char *root, const char *name, const char *uuid,
		      enum pxe_vm_event ev, struct pxe_once_change *changes, int max,
		      enum pxe_settle_restart *restart, struct reipl_error *err);

/* A file of domain @name changed, or a change failed (@c->rc); @when says in which pass. */
typedef void pxe_change_fn(void *arg, const char *name, const char *when,
			   const struct pxe_once_change *c);

/*
 * Whether domain @name (@uuid)'s own file in the tree at @root holds a local entry (its
 * name into @file): for reprovision, whose entry a watch may have turned local first.
 */
bool pxe_events_local_file(struct pxe_events *e, const char *root, const char *name,
			   const char *uuid, char file[64]);

/* How many failed writes wait to be tried again. */
size_t pxe_events_pending(const struct pxe_events *e);

/*
 * Try again the failed writes that are due (every one with @all): the wait between two
 * tries doubles from 1 s up to 30 s. Each try is reported to @fn; a guest held for its
 * write is reset and resumed once the write is done or the file was changed by someone
 * else. Returns how many were tried.
 */
int pxe_events_retry(struct pxe_events *e, const char *root, bool all, pxe_change_fn *fn,
		     void *arg);

/*
 * What happened while nobody followed: each install-once file of each domain in the tree
 * at @root against the domain's state now (pxe_once_reconcile), carried out and reported
 * to @fn. *@ndomains gets how many domains libvirt has. Returns how many install-once
 * files there are (0 without pxelinux.cfg/), or -errno with a message.
 */
int pxe_events_reconcile(struct pxe_events *e, const char *root, pxe_change_fn *fn, void *arg,
			 size_t *ndomains, struct reipl_error *err);

#endif
