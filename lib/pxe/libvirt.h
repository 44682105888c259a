/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libvirt.h - what libvirt knows about a guest and a network, through its API.
 */
#ifndef PXE_LIBVIRT_H
#define PXE_LIBVIRT_H

#include <stdint.h>

#include "error.h"

#define PXE_DOMAIN_MACS 8

struct pxe_domain {
	char uuid[37];
	uint8_t macs[PXE_DOMAIN_MACS][6];
	int nmacs;
};

/*
 * Look up domain @name at @uri (NULL: libvirt's default) read-only: its UUID and the MAC
 * addresses of its interfaces. Returns 0 or -errno with libvirt's reason in @err.
 */
int pxe_libvirt_domain(const char *uri, const char *name, struct pxe_domain *d,
		       struct reipl_error *err);

/* The XML of network @name at @uri, malloc'ed. */
int pxe_libvirt_network_xml(const char *uri, const char *name, char **xml, struct reipl_error *err);

#endif
