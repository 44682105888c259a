/* SPDX-License-Identifier: GPL-2.0 */
/*
 * domain.h - a libvirt domain judged for network provisioning, and its boot order fixed.
 */
#ifndef VIRT_DOMAIN_H
#define VIRT_DOMAIN_H

#include <stdbool.h>

#include "virt/libvirt.h"
#include "pxe/lint.h"
#include "pxe/tree.h"

/*
 * What `doctor --domain` says of domain @name (@d from pxe_libvirt_domain): the interface
 * first in the boot order (else it never asks the network), a disk right after it (for
 * the fallback method), no <os><boot dev> (s390x has none), its QEMU version and firmware
 * generation, the local boot methods it can use, and on QEMU 10.1 and later the entry of
 * its pxelinux file (read from @t, may be NULL) that the interface's loadparm selects.
 */
void pxe_domain_check(const char *name, const struct pxe_domain *d, const struct pxe_tree *t,
		      struct pxe_findings *out);

/*
 * The domain XML @xml with the boot order "network, then disk": its first interface gets
 * <boot order='1'/> (a loadparm it had is kept), its first disk (device='disk') order 2,
 * other devices that had a boot order keep their order after those two, <os><boot dev>
 * goes (libvirt refuses it beside per-device orders). Nothing else changes. *@out is
 * malloc'ed; *@changed says whether it differs. 0, or -EINVAL when the domain has no
 * interface or no disk, with a message.
 */
int pxe_domain_boot_order_xml(const char *xml, char **out, bool *changed, struct reipl_error *err);

#endif
