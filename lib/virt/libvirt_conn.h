/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libvirt_conn.h - libvirt connections shared by the look-ups (libvirt.c) and the event
 * loop (events.c). Internal to lib/pxe: it names libvirt's own types, which the public
 * headers keep out of the commands.
 */
#ifndef VIRT_LIBVIRT_CONN_H
#define VIRT_LIBVIRT_CONN_H

#include <libvirt/libvirt.h>
#include <stdbool.h>

#include "virt/libvirt.h"
#include "reipl/reipl_error.h"

/*
 * A connection to @uri (NULL: libvirt's default) that may only read, or one that may
 * write. libvirt's own printing of errors is silenced: they come back through @err.
 * NULL on failure, with libvirt's reason in @err.
 */
virConnectPtr pxe_libvirt_connect(const char *uri, bool rw, struct reipl_error *err);

/* From now on libvirt prints no errors of its own: callers report them through @err. */
void pxe_libvirt_silence(void);

/* libvirt's message for the last failed call, never NULL. */
const char *pxe_libvirt_why(void);

/*
 * Domain @name (or UUID) on @conn, as pxe_libvirt_domain describes it. @caps may be NULL
 * or a connection that may write: libvirt gives only those the domain capabilities that
 * name the QEMU version.
 */
int pxe_libvirt_describe(virConnectPtr conn, virConnectPtr caps, const char *name,
			 struct pxe_domain *d, struct reipl_error *err);

/*
 * The definition of domain @uuid on @conn (which may write) set for @to, when it follows
 * its entry (--method host) and is not set so yet; *@changed says whether it was. 0, or
 * -errno with a message.
 */
int pxe_libvirt_host_follow(virConnectPtr conn, const char *uuid, enum pxe_host_state to,
			    bool *changed, struct reipl_error *err);

#endif
