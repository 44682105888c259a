// SPDX-License-Identifier: GPL-2.0
/*
 * once.c - install-once files: written, marked started, turned local (see once.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pxe/entry.h"
#include "pxe/guest.h"
#include "pxe/once.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"

_Static_assert(PXE_ONCE_FILES_MAX == 1 + PXE_DOMAIN_MACS, "a UUID file and one per MAC");

#define ROLE_WAITING "install once\n"
#define ROLE_STARTED "install once, started\n"
#define ROLE_INSTALL "install\n"
/* The local entry to come, line by line, as comments the firmware skips. */
#define THEN "# then| "

enum pxe_once_state pxe_once_state(const char *text, size_t len)
{
	const size_t mark = sizeof(PXE_ENTRY_MARK) - 1;

	if (!pxe_entry_is_ours(text, len))
		return PXE_ONCE_NONE;
	if (len - mark >= sizeof(ROLE_STARTED) - 1 &&
	    memcmp(text + mark, ROLE_STARTED, sizeof(ROLE_STARTED) - 1) == 0)
		return PXE_ONCE_STARTED;
	if (len - mark >= sizeof(ROLE_WAITING) - 1 &&
	    memcmp(text + mark, ROLE_WAITING, sizeof(ROLE_WAITING) - 1) == 0)
		return PXE_ONCE_WAITING;
	return PXE_ONCE_NONE;
}

/* @text with its role line replaced by @role, then @tail; 0 or -E2BIG. */
static int with_role(const char *text, size_t tlen, const char *role, char *buf, size_t len,
		     size_t *used)
{
	const size_t mark = sizeof(PXE_ENTRY_MARK) - 1;
	const char *nl = memchr(text + mark, '\n', tlen - mark);
	size_t rest;

	if (!nl)
		return -EINVAL;
	rest = tlen - (size_t)(nl + 1 - text);
	if (mark + strlen(role) + rest >= len)
		return -E2BIG;
	memcpy(buf, text, mark);
	strcpy(buf + mark, role);
	*used = mark + strlen(role);
	memcpy(buf + *used, nl + 1, rest);
	*used += rest;
	buf[*used] = '\0';
	return 0;
}

int pxe_once_guest_check(const struct pxe_guest *g, struct reipl_error *err)
{
	if (g->kind == PXE_GUEST_DEFAULT)
		return reipl_fail(err, -EINVAL,
				  "an install-once entry is one guest's: not pxelinux.cfg/default, "
				  "which every guest without a file of its own reads (name the "
				  "guest by its UUID or MAC)");
	return 0;
}

int pxe_once_compose(const char *install, const char *local, char *buf, size_t len,
		     struct reipl_error *err)
{
	const size_t mark = sizeof(PXE_ENTRY_MARK) - 1;
	const char *line, *nl;
	size_t used;

	if (!pxe_entry_is_ours(install, strlen(install)) ||
	    strncmp(install + mark, ROLE_INSTALL, sizeof(ROLE_INSTALL) - 1) != 0 ||
	    !pxe_entry_is_ours(local, strlen(local)))
		return reipl_fail(err, -EINVAL, "not an install and a local entry of ours");
	/* The size first, so that a file too big for the firmware is said to be that. */
	used = strlen(install) + strlen(ROLE_WAITING) - strlen(ROLE_INSTALL);
	for (line = local; (nl = strchr(line, '\n')); line = nl + 1)
		used += sizeof(THEN) - 1 + (size_t)(nl + 1 - line);
	if (*line)
		return reipl_fail(err, -EINVAL, "the local entry does not end in a newline");
	if (used > PXE_CFG_USABLE)
		return reipl_fail(err, -E2BIG,
				  "the install entry and the local entry it turns into take %zu "
				  "bytes together; the firmware reads files of at most %d: shorten "
				  "--append",
				  used, PXE_CFG_USABLE);
	if (used >= len || with_role(install, strlen(install), ROLE_WAITING, buf, len, &used))
		return reipl_fail(err, -E2BIG, "the entry is too long");
	for (line = local; (nl = strchr(line, '\n')); line = nl + 1)
		used += (size_t)snprintf(buf + used, len - used, THEN "%.*s", (int)(nl + 1 - line),
					 line);
	return 0;
}

int pxe_once_mark_started(const char *text, size_t tlen, char *buf, size_t len,
			  struct reipl_error *err)
{
	size_t used;

	if (pxe_once_state(text, tlen) == PXE_ONCE_NONE)
		return reipl_fail(err, -EINVAL, "not an install-once entry");
	if (with_role(text, tlen, ROLE_STARTED, buf, len, &used))
		return reipl_fail(err, -E2BIG, "the entry is too long");
	return 0;
}

int pxe_once_local(const char *text, size_t tlen, char *buf, size_t len, struct reipl_error *err)
{
	const char *p = text, *end = text + tlen, *nl;
	size_t used = 0;

	if (pxe_once_state(text, tlen) == PXE_ONCE_NONE)
		return reipl_fail(err, -EINVAL, "not an install-once entry");
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		if ((size_t)(nl - p) < sizeof(THEN) - 1 || memcmp(p, THEN, sizeof(THEN) - 1) != 0)
			continue;
		p += sizeof(THEN) - 1;
		if (used + (size_t)(nl + 1 - p) >= len)
			return reipl_fail(err, -E2BIG, "the local entry is too long");
		memcpy(buf + used, p, (size_t)(nl + 1 - p));
		used += (size_t)(nl + 1 - p);
	}
	buf[used] = '\0';
	/* What comes back must be a whole entry of ours, as it was when it was written. */
	if (!pxe_entry_is_ours(buf, used))
		return reipl_fail(err, -EINVAL, "the local entry in the file is damaged");
	return 0;
}

enum pxe_once_action pxe_once_decide(enum pxe_once_state state, enum pxe_vm_event ev,
				     const char **why)
{
	const char *dummy;

	if (!why)
		why = &dummy;
	*why = "nothing to do";
	if (state == PXE_ONCE_NONE)
		return PXE_ONCE_KEEP;
	switch (ev) {
	case PXE_VM_STARTED:
		*why = state == PXE_ONCE_WAITING ? "started from the install entry"
						 : "started again: the installer runs again";
		return state == PXE_ONCE_WAITING ? PXE_ONCE_ARM : PXE_ONCE_KEEP;
	case PXE_VM_REBOOTED:
	case PXE_VM_SHUTDOWN:
		if (state == PXE_ONCE_WAITING) {
			*why = "not started from the install entry yet";
			return PXE_ONCE_KEEP;
		}
		*why = ev == PXE_VM_REBOOTED ? "the installer rebooted the guest"
					     : "the installer shut the guest down";
		return PXE_ONCE_FLIP;
	case PXE_VM_DESTROYED:
		*why = "destroyed before the installer ended: the next start installs again";
		return PXE_ONCE_KEEP;
	case PXE_VM_CRASHED:
		*why = "crashed before the installer ended: the next start installs again";
		return PXE_ONCE_KEEP;
	case PXE_VM_OTHER:
		break;
	}
	return PXE_ONCE_KEEP;
}

const char *pxe_vm_event_name(enum pxe_vm_event ev)
{
	static const char *const names[] = { "started",	  "rebooted", "shut down",
					     "destroyed", "crashed",  "other" };

	return names[ev];
}

const char *pxe_once_state_name(enum pxe_once_state state)
{
	static const char *const names[] = { "none", "install once", "install once, started" };

	return names[state];
}

/* Whether pxelinux.cfg/@name holds exactly @want. */
static bool holds_exactly(const struct pxe_tree *t, const char *name, const char *want)
{
	char now[PXE_CFG_BUFFER];
	size_t size;

	return pxe_tree_read(t, name, now, sizeof(now), &size, NULL) == 0 &&
	       size == strlen(want) && memcmp(now, want, size) == 0;
}

int pxe_once_apply(const struct pxe_tree *t, const char *name, enum pxe_once_action action,
		   const char **old, const char **new, struct reipl_error *err)
{
	char text[PXE_CFG_BUFFER], next[PXE_CFG_BUFFER];
	enum pxe_once_state state;
	size_t size;
	bool changed;
	int rc;

	if ((rc = pxe_tree_read(t, name, text, sizeof(text), &size, err)))
		return rc;
	if (size >= sizeof(text))
		size = sizeof(text) - 1;
	state = pxe_once_state(text, size);
	*old = state == PXE_ONCE_NONE ? "not install-once" : pxe_once_state_name(state);
	*new = *old;
	if (state == PXE_ONCE_NONE)
		return reipl_fail(err, -ESTALE,
				  "pxelinux.cfg/%s is no longer an install-once entry: left alone",
				  name);
	if (action == PXE_ONCE_ARM)
		rc = pxe_once_mark_started(text, size, next, sizeof(next), err);
	else if (action == PXE_ONCE_FLIP)
		rc = pxe_once_local(text, size, next, sizeof(next), err);
	else
		return 0;
	/* Only over the file as it was read: an admin's write meanwhile stays. */
	if (rc)
		return rc;
	rc = pxe_tree_replace(t, name, text, size, next, strlen(next), &changed, err);
	if (rc == 0 || (rc == -ESTALE && holds_exactly(t, name, next)))
		*new = action == PXE_ONCE_ARM ? pxe_once_state_name(PXE_ONCE_STARTED) : "local";
	/* Changed meanwhile into just what we were writing: another watch on the same tree
	 * (or reprovision) did it. Done, but not by us: its own follower resets the guest. */
	if (rc == -ESTALE && holds_exactly(t, name, next))
		return reipl_fail(err, -EALREADY,
				  "pxelinux.cfg/%s turned %s meanwhile by another writer (a second "
				  "watch?)",
				  name, *new);
	return rc;
}

/* pxelinux.cfg/@name's state: PXE_ONCE_NONE unless it is there and install-once. */
static enum pxe_once_state file_state(const struct pxe_tree *t, const char *name)
{
	char text[PXE_CFG_BUFFER];
	size_t size;

	if (t->cfgfd < 0 || pxe_tree_read(t, name, text, sizeof(text), &size, NULL) != 0)
		return PXE_ONCE_NONE;
	return pxe_once_state(text, size < sizeof(text) ? size : sizeof(text) - 1);
}

/* The name of domain @d's own file number @i (-1: its UUID file; 0..: its MACs' files)
 * into @name; false when it has no such file. */
static bool own_file(const struct pxe_domain *d, int i, char name[64])
{
	struct pxe_guest g;

	memset(&g, 0, sizeof(g));
	if (i < 0) {
		if (pxe_guest_parse(d->uuid, &g, NULL) || g.kind != PXE_GUEST_UUID)
			return false;
	} else {
		g.kind = PXE_GUEST_MAC;
		memcpy(g.mac, d->macs[i], 6);
	}
	pxe_guest_file(&g, name, 64);
	return true;
}

bool pxe_once_local_file(const struct pxe_tree *t, const struct pxe_domain *d, char name[64])
{
	/* "local" alone (helper, payload) or with its method ("local, method fallback") */
	static const char mark[] = PXE_ENTRY_MARK "local";
	char text[PXE_CFG_BUFFER];
	size_t size;
	int i;

	for (i = -1; i < d->nmacs && t->cfgfd >= 0; i++)
		if (own_file(d, i, name) &&
		    pxe_tree_read(t, name, text, sizeof(text), &size, NULL) == 0 &&
		    size >= sizeof(mark) && memcmp(text, mark, sizeof(mark) - 1) == 0 &&
		    (text[sizeof(mark) - 1] == '\n' || text[sizeof(mark) - 1] == ','))
			return true;
	return false;
}

int pxe_once_files(const struct pxe_tree *t, const struct pxe_domain *d, char names[][64],
		   enum pxe_once_state *states, int max)
{
	int n = 0, i;

	for (i = -1; i < d->nmacs && n < max; i++)
		if (own_file(d, i, names[n]) &&
		    (states[n] = file_state(t, names[n])) != PXE_ONCE_NONE)
			n++;
	return n;
}

void pxe_once_carry(const struct pxe_tree *t, struct pxe_once_change *c)
{
	struct reipl_error err;

	c->by_other = false;
	c->msg[0] = '\0';
	c->rc = pxe_once_apply(t, c->file, c->action, &c->old, &c->new, &err);
	if (c->rc)
		snprintf(c->msg, sizeof(c->msg), "%.255s", err.msg);
	if (c->rc == -EALREADY) {
		c->rc = 0;
		c->by_other = true;
	}
}

int pxe_once_event(const struct pxe_tree *t, const struct pxe_domain *d, enum pxe_vm_event ev,
		   struct pxe_once_change *changes, int max)
{
	char names[PXE_ONCE_FILES_MAX][64];
	enum pxe_once_state states[PXE_ONCE_FILES_MAX];
	int n, i;

	n = pxe_once_files(t, d, names, states,
			   max < PXE_ONCE_FILES_MAX ? max : PXE_ONCE_FILES_MAX);

	for (i = 0; i < n; i++) {
		struct pxe_once_change *c = &changes[i];

		memset(c, 0, sizeof(*c));
		snprintf(c->file, sizeof(c->file), "%.63s", names[i]);
		c->action = pxe_once_decide(states[i], ev, &c->why);
		c->old = c->new = pxe_once_state_name(states[i]);
		if (c->action != PXE_ONCE_KEEP)
			pxe_once_carry(t, c);
	}
	return n;
}

enum pxe_once_action pxe_once_reconcile(enum pxe_once_state state, bool active,
					enum pxe_vm_event stopped, const char **why)
{
	if (state == PXE_ONCE_NONE) {
		*why = "not install-once";
		return PXE_ONCE_KEEP;
	}
	if (active) {
		*why = state == PXE_ONCE_STARTED
			       ? "running from the install entry: followed from now on"
			       : "running, but not seen starting from the install entry: it is "
				 "armed at its next start";
		return PXE_ONCE_KEEP;
	}
	if (state == PXE_ONCE_WAITING) {
		*why = "waits for its start";
		return PXE_ONCE_KEEP;
	}
	switch (stopped) {
	case PXE_VM_SHUTDOWN:
		*why = "started from the install entry and shut itself down meanwhile";
		return PXE_ONCE_FLIP;
	case PXE_VM_DESTROYED:
		*why = "destroyed meanwhile, before its installer ended: the next start installs "
		       "again";
		return PXE_ONCE_KEEP;
	case PXE_VM_CRASHED:
		*why = "crashed meanwhile: the next start installs again";
		return PXE_ONCE_KEEP;
	default:
		*why = "stopped meanwhile, and libvirt cannot say how: left as it is (`pxe local` "
		       "ends it by hand)";
		return PXE_ONCE_KEEP;
	}
}
