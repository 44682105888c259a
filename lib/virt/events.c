// SPDX-License-Identifier: GPL-2.0
/*
 * events.c - libvirt domain events and states, for reprovision and watch (see events.h).
 */
#include <errno.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/events.h"
#include "virt/events_internal.h"
#include "virt/libvirt_conn.h"
#include "pxe/tree.h"


/* Remember @d (replacing what was known of its UUID). */
static void remember(struct pxe_events *e, const struct pxe_domain *d)
{
	size_t i;

	for (i = 0; i < e->nknown; i++)
		if (strcmp(e->known[i].uuid, d->uuid) == 0)
			break;
	if (i == e->nknown) {
		if (e->nknown == e->capknown) {
			size_t cap = e->capknown ? 2 * e->capknown : 16;
			struct pxe_domain *k = realloc(e->known, cap * sizeof(*k));

			if (!k) /* then it is not remembered: as before, only its UUID file */
				return;
			e->known = k;
			e->capknown = cap;
		}
		e->nknown++;
	}
	e->known[i] = *d;
}

bool pxe_events_recall(struct pxe_events *e, const char *uuid, struct pxe_domain *d)
{
	size_t i;

	for (i = 0; i < e->nknown; i++) {
		if (strcmp(e->known[i].uuid, uuid) == 0) {
			*d = e->known[i];
			e->known[i] = e->known[--e->nknown];
			return true;
		}
	}
	return false;
}

static void deliver(struct pxe_events *e, virDomainPtr dom, enum pxe_vm_event ev)
{
	char uuid[VIR_UUID_STRING_BUFLEN];
	const char *name = virDomainGetName(dom);

	if (virDomainGetUUIDString(dom, uuid) != 0)
		uuid[0] = '\0';
	e->fn(e->arg, name ? name : "?", uuid, ev);
}

/* libvirt's lifecycle events as what a guest did; see virDomainEventType. */
static enum pxe_vm_event lifecycle_event(int event, int detail)
{
	switch (event) {
	case VIR_DOMAIN_EVENT_STARTED:
		/* Only a boot reads the firmware's entry; a restore resumes a running guest. */
		return detail == VIR_DOMAIN_EVENT_STARTED_BOOTED ? PXE_VM_STARTED : PXE_VM_OTHER;
	case VIR_DOMAIN_EVENT_STOPPED:
		switch (detail) {
		case VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN:
			return PXE_VM_SHUTDOWN;
		case VIR_DOMAIN_EVENT_STOPPED_DESTROYED:
			return PXE_VM_DESTROYED;
		case VIR_DOMAIN_EVENT_STOPPED_CRASHED:
		case VIR_DOMAIN_EVENT_STOPPED_FAILED:
			return PXE_VM_CRASHED;
		default:
			return PXE_VM_OTHER;
		}
	case VIR_DOMAIN_EVENT_CRASHED:
		return PXE_VM_CRASHED;
	default:
		return PXE_VM_OTHER;
	}
}

static int on_lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *arg)
{
	enum pxe_vm_event ev = lifecycle_event(event, detail);

	(void)conn;
	if (ev != PXE_VM_OTHER)
		deliver(arg, dom, ev);
	return 0;
}

/* QEMU's reset of a running guest (its own reboot): the domain keeps running. */
static void on_reboot(virConnectPtr conn, virDomainPtr dom, void *arg)
{
	(void)conn;
	deliver(arg, dom, PXE_VM_REBOOTED);
}

static void on_close(virConnectPtr conn, int reason, void *arg)
{
	(void)conn, (void)reason;
	((struct pxe_events *)arg)->lost = true;
}

/* Wakes the event loop up regularly: pxe_events_wait returns at least this often. */
static void tick(int timer, void *arg)
{
	(void)timer, (void)arg;
}

int pxe_events_open(const char *uri, pxe_events_fn *fn, void *arg, struct pxe_events **out,
		    struct reipl_error *err)
{
	static bool registered;
	struct pxe_events *e;

	pxe_libvirt_silence();
	/* The event loop must exist before the connection that delivers into it. */
	if (!registered && virEventRegisterDefaultImpl() != 0)
		return reipl_fail(err, -EIO, "cannot set up libvirt's event loop: %s",
				  pxe_libvirt_why());
	registered = true;
	e = calloc(1, sizeof(*e));
	if (!e)
		return reipl_fail(err, -ENOMEM, "out of memory");
	e->fn = fn;
	e->arg = arg;
	e->lifecycle_id = e->reboot_id = e->timer = -1;
	e->conn = pxe_libvirt_connect(uri, true, err);
	if (!e->conn) {
		free(e);
		return -ECONNREFUSED;
	}
	e->lifecycle_id =
		virConnectDomainEventRegisterAny(e->conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
						 VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle), e, NULL);
	e->reboot_id =
		virConnectDomainEventRegisterAny(e->conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
						 VIR_DOMAIN_EVENT_CALLBACK(on_reboot), e, NULL);
	e->timer = virEventAddTimeout(250, tick, NULL, NULL);
	if (e->lifecycle_id < 0 || e->reboot_id < 0 || e->timer < 0 ||
	    virConnectRegisterCloseCallback(e->conn, on_close, e, NULL) != 0) {
		reipl_fail(err, -EIO, "cannot follow libvirt's domain events: %s",
			   pxe_libvirt_why());
		pxe_events_close(e);
		return -EIO;
	}
	/* A daemon that stops answering is noticed within seconds, not at the next call. */
	virConnectSetKeepAlive(e->conn, 5, 3);
	*out = e;
	return 0;
}

int pxe_events_wait(struct pxe_events *e, struct reipl_error *err)
{
	if (virEventRunDefaultImpl() != 0)
		return reipl_fail(err, -EIO, "libvirt's event loop failed: %s", pxe_libvirt_why());
	if (e->lost || virConnectIsAlive(e->conn) != 1)
		return reipl_fail(err, -ECONNRESET, "the connection to libvirt was lost");
	return 0;
}

void pxe_events_close(struct pxe_events *e)
{
	if (!e)
		return;
	if (e->timer >= 0)
		virEventRemoveTimeout(e->timer);
	if (e->conn) {
		if (e->lifecycle_id >= 0)
			virConnectDomainEventDeregisterAny(e->conn, e->lifecycle_id);
		if (e->reboot_id >= 0)
			virConnectDomainEventDeregisterAny(e->conn, e->reboot_id);
		virConnectUnregisterCloseCallback(e->conn, on_close);
		virConnectClose(e->conn);
	}
	free(e->known);
	free(e->pending);
	free(e);
}

static virDomainPtr lookup(struct pxe_events *e, const char *name)
{
	virDomainPtr dom = virDomainLookupByName(e->conn, name);

	return dom ? dom : virDomainLookupByUUIDString(e->conn, name);
}

static int status_of(virDomainPtr dom, struct pxe_vm_status *s)
{
	const char *name = virDomainGetName(dom);
	int state, reason;

	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof(s->name), "%s", name ? name : "?");
	if (virDomainGetUUIDString(dom, s->uuid) != 0 ||
	    virDomainGetState(dom, &state, &reason, 0) != 0)
		return -EIO;
	s->active = state != VIR_DOMAIN_SHUTOFF && state != VIR_DOMAIN_CRASHED;
	s->stopped = PXE_VM_OTHER;
	if (state == VIR_DOMAIN_CRASHED)
		s->stopped = PXE_VM_CRASHED;
	else if (state == VIR_DOMAIN_SHUTOFF)
		s->stopped = reason == VIR_DOMAIN_SHUTOFF_SHUTDOWN    ? PXE_VM_SHUTDOWN
			     : reason == VIR_DOMAIN_SHUTOFF_DESTROYED ? PXE_VM_DESTROYED
			     : reason == VIR_DOMAIN_SHUTOFF_CRASHED ||
					     reason == VIR_DOMAIN_SHUTOFF_FAILED
				     ? PXE_VM_CRASHED
				     : PXE_VM_OTHER;
	return 0;
}

int pxe_events_status(struct pxe_events *e, const char *name, struct pxe_vm_status *s,
		      struct reipl_error *err)
{
	virDomainPtr dom = lookup(e, name);
	int rc;

	if (!dom)
		return reipl_fail(err, -ENOENT, "libvirt has no domain '%s'", name);
	rc = status_of(dom, s);
	virDomainFree(dom);
	return rc ? reipl_fail(err, rc, "cannot read the state of domain '%s': %s", name,
			       pxe_libvirt_why())
		  : 0;
}

int pxe_events_list(struct pxe_events *e, struct pxe_vm_status **list, size_t *n,
		    struct reipl_error *err)
{
	virDomainPtr *doms = NULL;
	int count = virConnectListAllDomains(e->conn, &doms, 0), i;

	*list = NULL;
	*n = 0;
	if (count < 0)
		return reipl_fail(err, -EIO, "cannot list libvirt's domains: %s",
				  pxe_libvirt_why());
	*list = calloc((size_t)count + 1, sizeof(**list));
	for (i = 0; i < count; i++) {
		if (*list && status_of(doms[i], &(*list)[*n]) == 0)
			(*n)++;
		virDomainFree(doms[i]);
	}
	free(doms);
	if (!*list)
		return reipl_fail(err, -ENOMEM, "out of memory");
	return 0;
}

int pxe_events_domain(struct pxe_events *e, const char *name, struct pxe_domain *d,
		      struct reipl_error *err)
{
	/* No domain capabilities: what a file name needs is there, and an event is answered
	 * before the guest's firmware asks for its file again. */
	int rc = pxe_libvirt_describe(e->conn, NULL, name, d, err);

	if (rc == 0)
		remember(e, d);
	return rc;
}

int pxe_events_cold_start(struct pxe_events *e, const char *name, struct reipl_error *err)
{
	virDomainPtr dom = lookup(e, name);
	int rc = 0;

	if (!dom)
		return reipl_fail(err, -ENOENT, "libvirt has no domain '%s'", name);
	if (virDomainIsActive(dom) == 1 && virDomainDestroy(dom) != 0)
		rc = reipl_fail(err, -EIO, "cannot destroy domain '%s': %s", name,
				pxe_libvirt_why());
	else if (virDomainCreate(dom) != 0)
		rc = reipl_fail(err, -EIO, "cannot start domain '%s': %s", name, pxe_libvirt_why());
	virDomainFree(dom);
	return rc;
}
