/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libvirt.h - what libvirt knows about a guest and a network, through its API.
 */
#ifndef VIRT_LIBVIRT_H
#define VIRT_LIBVIRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pxe/guest.h"
#include "reipl/reipl_error.h"

/*
 * Look up domain @name at @uri (NULL: libvirt's default) read-only: its UUID, the MAC
 * addresses of its interfaces, its boot order and, where libvirt can say, its QEMU's
 * version. Returns 0 or -errno with libvirt's reason in @err.
 */
int pxe_libvirt_domain(const char *uri, const char *name, struct pxe_domain *d,
		       struct reipl_error *err);

/*
 * The persistent XML of domain @name (or UUID; inactive, with secrets: a connection that
 * may write), malloc'ed, for pxe_libvirt_define. 0 or -errno with libvirt's reason.
 */
int pxe_libvirt_domain_xml(const char *uri, const char *name, char **xml, struct reipl_error *err);

/* Define (replace) a domain from @xml. 0 or -errno with libvirt's reason. */
int pxe_libvirt_define(const char *uri, const char *xml, struct reipl_error *err);

/* Read the boot order and boot settings out of a domain's XML into @d. */
void pxe_libvirt_boot_order(const char *xml, struct pxe_domain *d);

/* "s390-ccw-virtio-10.0" -> 10, 0; false for any other name. */
bool pxe_libvirt_machine_version(const char *machine, unsigned *major, unsigned *minor);

/*
 * The name of the domain with UUID @uuid at @uri, into @name (@len bytes): 0, -ENOENT when
 * libvirt has no such domain, or another -errno when libvirt cannot be asked. One
 * read-only connection per @conn_cache (NULL the first time; pxe_libvirt_release ends it).
 */
int pxe_libvirt_name_of(const char *uri, void **conn_cache, const char *uuid, char *name,
			size_t len);

void pxe_libvirt_release(void *conn_cache);

/* The XML of network @name at @uri, malloc'ed. */
int pxe_libvirt_network_xml(const char *uri, const char *name, char **xml, struct reipl_error *err);

#endif
