/* SPDX-License-Identifier: GPL-2.0 */
/*
 * events_internal.h - the state of a libvirt event follower, shared by the event loop
 * (events.c) and what is done to a guest's files when it acts (settle.c). Internal to
 * lib/pxe: it names libvirt's own types.
 */
#ifndef VIRT_EVENTS_INTERNAL_H
#define VIRT_EVENTS_INTERNAL_H

#include <libvirt/libvirt.h>
#include <stdbool.h>
#include <time.h>

#include "virt/events.h"

/*
 * A write an event called for that failed (a full disk, an NFS server away): tried again
 * until it is done or the file is no longer the install-once entry it was (an admin's
 * write wins). Until then a guest held for it stays paused, so that it does not install
 * again from the entry that should have turned local.
 */
struct pxe_pending {
	char domain[256], uuid[37], file[64];
	enum pxe_once_action action;
	const char *why;
	unsigned tries;
	time_t next; /* CLOCK_MONOTONIC seconds: when it is tried again */
	bool held;   /* its domain is paused by us until the write is done */
};

struct pxe_events {
	virConnectPtr conn;
	int lifecycle_id, reboot_id, timer;
	bool lost;
	pxe_events_fn *fn;
	void *arg;
	/* What was known of each domain while it existed (UUID, MACs): a transient domain,
	 * or one undefined while it ran, is gone with its stop, and its MAC files must still
	 * be found then. Forgotten when used so. */
	struct pxe_domain *known;
	size_t nknown, capknown;
	struct pxe_pending *pending;
	size_t npending, cappending;
};

/* What was known of domain @uuid, into @d, and forget it: false when nothing was. */
bool pxe_events_recall(struct pxe_events *e, const char *uuid, struct pxe_domain *d);

#endif
