// SPDX-License-Identifier: GPL-2.0
/*
 * settle.c - what a domain's install-once files need when it acts (an event), when a
 * write that failed is tried again, and after a time nobody followed it (start-up):
 * for reprovision and watch (see events.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "virt/events_internal.h"
#include "virt/libvirt_conn.h"
#include "pxe/tree.h"

/* The longest wait between two tries of a failed write, in seconds. */
#define RETRY_MAX_WAIT 30

static time_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static struct pxe_pending *pending_of(struct pxe_events *e, const char *file)
{
	size_t i;

	for (i = 0; i < e->npending; i++)
		if (strcmp(e->pending[i].file, file) == 0)
			return &e->pending[i];
	return NULL;
}

static void forget(struct pxe_events *e, struct pxe_pending *p)
{
	*p = e->pending[--e->npending];
}

/* Remember that @c failed, for domain @name (@uuid): its entry, or NULL when out of memory
 * (then it is not tried again, as before there were retries). */
static struct pxe_pending *keep(struct pxe_events *e, const char *name, const char *uuid,
				const struct pxe_once_change *c)
{
	struct pxe_pending *p = pending_of(e, c->file);

	if (!p) {
		if (e->npending == e->cappending) {
			size_t cap = e->cappending ? 2 * e->cappending : 8;
			struct pxe_pending *n = realloc(e->pending, cap * sizeof(*n));

			if (!n)
				return NULL;
			e->pending = n;
			e->cappending = cap;
		}
		p = &e->pending[e->npending++];
		memset(p, 0, sizeof(*p));
		snprintf(p->file, sizeof(p->file), "%s", c->file);
	}
	snprintf(p->domain, sizeof(p->domain), "%s", name);
	snprintf(p->uuid, sizeof(p->uuid), "%s", uuid);
	p->action = c->action;
	p->why = c->why;
	p->next = now() + (1 << (p->tries < 5 ? p->tries : 5));
	if (p->next - now() > RETRY_MAX_WAIT)
		p->next = now() + RETRY_MAX_WAIT;
	p->tries++;
	return p;
}

/* A write that failed but may work later: not one refused because the file changed. */
static bool retryable(const struct pxe_once_change *c)
{
	return c->action != PXE_ONCE_KEEP && c->rc && c->rc != -ESTALE && c->rc != -ENOENT;
}

/* Try @p's write again now, into @c. */
static void try_again(const struct pxe_tree *t, const struct pxe_pending *p,
		      struct pxe_once_change *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->file, sizeof(c->file), "%s", p->file);
	c->action = p->action;
	c->why = p->why;
	pxe_once_carry(t, c);
}

/*
 * Domain @name (@uuid) as it is, or as it was while it existed (a transient domain is gone
 * with its stop), else its UUID alone: what finds its files.
 */
static void domain_of(struct pxe_events *e, const char *name, const char *uuid,
		      struct pxe_domain *d)
{
	struct reipl_error err;

	if (pxe_events_domain(e, uuid && *uuid ? uuid : name, d, &err) == 0 ||
	    pxe_events_recall(e, uuid ? uuid : "", d))
		return;
	memset(d, 0, sizeof(*d));
	snprintf(d->uuid, sizeof(d->uuid), "%s", uuid ? uuid : "");
}

static bool running(virDomainPtr dom)
{
	int state, reason;

	return virDomainGetState(dom, &state, &reason, 0) == 0 && state == VIR_DOMAIN_RUNNING;
}

/*
 * A flip of @c done: a domain that follows its entry (--method host) gets the definition
 * for its disk (said in @c); true when the definition changed.
 */
static bool follow_entry(struct pxe_events *e, const char *uuid, struct pxe_once_change *c)
{
	struct reipl_error err;
	bool changed = false;

	if (c->action != PXE_ONCE_FLIP || c->rc)
		return false;
	if (pxe_libvirt_host_follow(e->conn, uuid, PXE_HOST_LOCAL, &changed, &err)) {
		c->domain_failed = true;
		snprintf(c->domain_msg, sizeof(c->domain_msg),
			 "its definition still boots the installer: %.100s (set it with 'pxe "
			 "local --method host')",
			 err.msg);
	} else if (changed) {
		snprintf(c->domain_msg, sizeof(c->domain_msg),
			 "its definition boots the disk alone from its next start, secure IPL "
			 "as it was");
	}
	return changed;
}

/*
 * Let a domain held for its entry go: reset (when @reset) and resumed; or, when its
 * definition changed (@cold), stopped and started again, since a reset keeps the old one.
 * 0 or -EIO with a message.
 */
static int release(struct pxe_events *e, const char *uuid, const char *name, bool reset,
		   bool cold, struct reipl_error *err)
{
	virDomainPtr dom = virDomainLookupByUUIDString(e->conn, uuid);
	int rc = 0;

	if (!dom)
		return reipl_fail(err, -EIO, "cannot find domain '%s' to resume it: %s", name,
				  pxe_libvirt_why());
	if (cold) {
		if (virDomainDestroy(dom) != 0 || virDomainCreate(dom) != 0)
			rc = reipl_fail(err, -EIO,
					"cannot start domain '%s' again with its new definition: %s",
					name, pxe_libvirt_why());
		virDomainFree(dom);
		return rc;
	}
	if (reset && virDomainReset(dom, 0) != 0)
		rc = reipl_fail(err, -EIO, "cannot reset domain '%s' after its entry turned local: %s",
				name, pxe_libvirt_why());
	/* (another watch on the same tree, which held it too, may have resumed it already) */
	if (virDomainResume(dom) != 0 && rc == 0 && !running(dom))
		rc = reipl_fail(err, -EIO, "cannot resume domain '%s': %s", name, pxe_libvirt_why());
	virDomainFree(dom);
	return rc;
}

/* Would @ev turn one of @d's install-once files local, or is such a write still due? */
static bool flips(struct pxe_events *e, const struct pxe_tree *t, const struct pxe_domain *d,
		  enum pxe_vm_event ev)
{
	char names[PXE_ONCE_FILES_MAX][64];
	enum pxe_once_state states[PXE_ONCE_FILES_MAX];
	const char *why;
	int n = pxe_once_files(t, d, names, states, PXE_ONCE_FILES_MAX), i;

	for (i = 0; i < n; i++) {
		const struct pxe_pending *p = pending_of(e, names[i]);

		if (p && p->action == PXE_ONCE_FLIP && ev == PXE_VM_STARTED)
			return true;
		if (ev == PXE_VM_REBOOTED && pxe_once_decide(states[i], ev, &why) == PXE_ONCE_FLIP)
			return true;
	}
	return false;
}

int pxe_events_settle(struct pxe_events *e, const char *root, const char *name, const char *uuid,
		      enum pxe_vm_event ev, struct pxe_once_change *changes, int max,
		      enum pxe_settle_restart *restart, struct reipl_error *err)
{
	struct pxe_domain dom;
	virDomainPtr held = NULL;
	struct pxe_tree t;
	bool flipped = false, due = false, cold = false;
	int n = 0, i, rc;

	*restart = PXE_SETTLE_NONE;
	domain_of(e, name, uuid, &dom);
	if ((rc = pxe_tree_open(root, &t, err)))
		return rc;
	/*
	 * The guest's own reboot: its firmware asks for the file again within a second of the
	 * reset, and libvirt tells us about the reset only afterwards, so the firmware may
	 * already have read the install entry again. Hold the guest while its entry turns
	 * local, then reset it: an external reset starts over from the network boot device,
	 * and the firmware reads the local entry, whatever it read before. The same for a
	 * start while an earlier write to turn its entry local is still due.
	 */
	if (flips(e, &t, &dom, ev)) {
		held = virDomainLookupByUUIDString(e->conn, dom.uuid);
		if (held && virDomainSuspend(held) != 0) {
			virDomainFree(held);
			held = NULL;
		}
	}
	/* A write still due for one of its files comes first: the event is decided on the
	 * file as that write leaves it. */
	for (i = 0; i < (int)e->npending && n < max; i++) {
		struct pxe_pending *p = &e->pending[i];

		if (strcmp(p->uuid, dom.uuid) != 0)
			continue;
		try_again(&t, p, &changes[n]);
		if (!retryable(&changes[n]))
			forget(e, p), i--;
		n++;
	}
	n += pxe_once_event(&t, &dom, ev, changes + n, max - n);
	pxe_tree_close(&t);
	for (i = 0; i < n; i++) {
		struct pxe_pending *p;

		/* (one another writer did is its follower's to reset) */
		if (changes[i].action == PXE_ONCE_FLIP && changes[i].rc == 0 &&
		    !changes[i].by_other)
			flipped = true;
		cold |= follow_entry(e, dom.uuid, &changes[i]);
		if (!retryable(&changes[i]))
			continue;
		p = keep(e, name, dom.uuid, &changes[i]);
		if (changes[i].action == PXE_ONCE_FLIP) {
			due = true;
			if (p && held)
				p->held = true;
		}
	}
	if (!held)
		return n;
	virDomainFree(held);
	if (due) {
		/* Paused until the write is done: resumed now it would install again. */
		*restart = PXE_SETTLE_HELD;
		return n;
	}
	if (release(e, dom.uuid, name, flipped, cold, err))
		*restart = PXE_SETTLE_RESET_FAILED;
	else if (cold)
		*restart = PXE_SETTLE_RESTARTED;
	else if (flipped)
		*restart = PXE_SETTLE_RESET;
	return n;
}

size_t pxe_events_pending(const struct pxe_events *e)
{
	return e->npending;
}

int pxe_events_retry(struct pxe_events *e, const char *root, bool all, pxe_change_fn *fn,
		     void *arg)
{
	struct pxe_once_change c;
	struct reipl_error err;
	struct pxe_tree t;
	time_t at = now();
	size_t i;
	int tried = 0;

	if (e->npending == 0)
		return 0;
	if (pxe_tree_open(root, &t, &err))
		return 0; /* (tried again at the next call) */
	for (i = 0; i < e->npending; i++) {
		struct pxe_pending *p = &e->pending[i];
		char domain[256], uuid[37];
		bool held = p->held, cold;

		if (!all && p->next > at)
			continue;
		tried++;
		try_again(&t, p, &c);
		snprintf(domain, sizeof(domain), "%s", p->domain);
		snprintf(uuid, sizeof(uuid), "%s", p->uuid);
		cold = follow_entry(e, uuid, &c);
		if (retryable(&c)) {
			struct pxe_pending *again = keep(e, domain, uuid, &c);

			if (again)
				again->held = held;
		} else {
			forget(e, p);
			i--;
			/* Written, or the file was changed by someone else: either way the
			 * guest's firmware reads the file as it is now. */
			if (held && release(e, uuid, domain, true, cold, &err)) {
				c.rc = -EIO;
				snprintf(c.msg, sizeof(c.msg), "%.255s", err.msg);
			}
		}
		fn(arg, domain, held ? "tried again (held)" : "tried again", &c);
	}
	pxe_tree_close(&t);
	return tried;
}

int pxe_events_reconcile(struct pxe_events *e, const char *root, pxe_change_fn *fn, void *arg,
			 size_t *ndomains, struct reipl_error *err)
{
	struct pxe_vm_status *doms;
	struct pxe_tree t;
	size_t ndoms, d;
	int files = 0, rc;

	*ndomains = 0;
	if ((rc = pxe_events_list(e, &doms, &ndoms, err)))
		return rc;
	*ndomains = ndoms;
	if ((rc = pxe_tree_open(root, &t, err))) {
		free(doms);
		return rc;
	}
	for (d = 0; d < ndoms; d++) {
		const char *when = doms[d].active ? "(running)" : "(shut off)";
		char names[PXE_ONCE_FILES_MAX][64];
		enum pxe_once_state states[PXE_ONCE_FILES_MAX];
		struct pxe_domain dom;
		int n, i;

		if (pxe_events_domain(e, doms[d].name, &dom, err))
			continue;
		n = pxe_once_files(&t, &dom, names, states, PXE_ONCE_FILES_MAX);
		for (i = 0; i < n; i++, files++) {
			struct pxe_once_change c = { 0 };

			snprintf(c.file, sizeof(c.file), "%.63s", names[i]);
			c.action = pxe_once_reconcile(states[i], doms[d].active, doms[d].stopped,
						      &c.why);
			c.old = c.new = pxe_once_state_name(states[i]);
			if (c.action != PXE_ONCE_KEEP) {
				pxe_once_carry(&t, &c);
				if (retryable(&c))
					keep(e, doms[d].name, dom.uuid, &c);
				follow_entry(e, dom.uuid, &c);
			}
			fn(arg, doms[d].name, when, &c);
		}
	}
	pxe_tree_close(&t);
	free(doms);
	return files;
}

bool pxe_events_local_file(struct pxe_events *e, const char *root, const char *name,
			   const char *uuid, char file[64])
{
	struct reipl_error err;
	struct pxe_domain dom;
	struct pxe_tree t;
	bool local;

	domain_of(e, name, uuid, &dom);
	if (pxe_tree_open(root, &t, &err))
		return false;
	local = pxe_once_local_file(&t, &dom, file);
	pxe_tree_close(&t);
	return local;
}
