/* SPDX-License-Identifier: GPL-2.0 */
/*
 * host.h - the local boot method "host", for guests that cannot boot from the network
 * (secure IPL): the domain's persistent definition follows its pxelinux entry. For the
 * install entry its interface boots first and secure IPL is off (nothing that comes over
 * the network can carry a signature); for the local entry its disk boots alone, with
 * secure IPL as the admin had it. What the admin had is kept in the domain's <metadata>
 * while the install entry stands, and nothing else in the definition changes. A running
 * guest is never touched: a definition takes effect at its next start.
 */
#ifndef VIRT_HOST_H
#define VIRT_HOST_H

#include <stdbool.h>

#include "pxe/guest.h"
#include "reipl/reipl_error.h"
#include "virt/domain_xml.h"

/* The namespace of reboot-s390x's element in a domain's <metadata>. */
#define PXE_HOST_NS "urn:reboot-s390x:host:1"

/* What the domain XML @xml says: whether it follows its entry, and for which. */
enum pxe_host_state pxe_host_state_of(const char *xml);

/*
 * The domain XML @xml set for @to: PXE_HOST_INSTALL (interface first, disk second, secure
 * IPL off: <os><boot-certs> and the secure-boot/boot-certs machine properties of
 * <qemu:commandline>, kept in the metadata), PXE_HOST_LOCAL (the disk first, no boot
 * entry for the interface, its loadparm kept in the metadata; secure IPL put back), or
 * PXE_HOST_NONE (the domain no longer follows its entry: secure IPL and the interface's
 * loadparm put back, the metadata element gone; the boot order left to the caller).
 * *@out is malloc'ed; *@changed says whether it differs. 0, or -EINVAL with a message
 * (no interface, no disk, a metadata element that cannot be read).
 */
int pxe_host_xml(const char *xml, enum pxe_host_state to, char **out, bool *changed,
		 struct reipl_error *err);

/* pxe_host_xml(PXE_HOST_NONE) on a loaded domain (for boot-order). */
int pxe_host_release(struct domain_xml *x, struct reipl_error *err);

const char *pxe_host_state_name(enum pxe_host_state s);

#endif
