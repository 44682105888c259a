/* SPDX-License-Identifier: GPL-2.0 */
/*
 * domain_xml.h - a libvirt domain's XML as a tree, for the rewrites of lib/virt (boot-order,
 * --method host): parsed, its boot devices found and put in order, written back. Only
 * what a rewrite means to change changes; libvirt puts the text in its own form anyway.
 */
#ifndef VIRT_DOMAIN_XML_H
#define VIRT_DOMAIN_XML_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "reipl/reipl_error.h"

/* libvirt's namespace for <qemu:commandline>. */
#define DOMAIN_XML_QEMU_NS "http://libvirt.org/schemas/domain/qemu/1.0"

/* The elements a rewrite of the boot order works on. */
#define DOMAIN_XML_OTHERS_MAX 64

struct domain_xml {
	xmlDocPtr doc;
	xmlChar *before; /* the document as parsed, written out: what "changed" compares to */
	xmlNodePtr root, os, devices, metadata;
	xmlNodePtr net, disk; /* the first interface, the first disk (device='disk') */
	/* the other devices with a <boot order>, lowest order first */
	xmlNodePtr others[DOMAIN_XML_OTHERS_MAX];
	int nothers;
};

/*
 * Parse @xml into @x and find its parts; the domain must have an interface and a disk.
 * 0, or -EINVAL (freed already) with a message.
 */
int domain_xml_load(const char *xml, struct domain_xml *x, struct reipl_error *err);

/*
 * Put the boot order in place: with @net_first the interface 1 and the disk 2, else the
 * disk 1 and no <boot> in the interface (its attributes other than the order are handed
 * back in @net_boot when that is not NULL: the caller keeps them); the other devices keep
 * their relative order after those. <os><boot dev> goes (libvirt refuses it beside
 * per-device orders).
 */
void domain_xml_order(struct domain_xml *x, bool net_first, xmlNodePtr *net_boot);

/* A new <boot> for @dev, where libvirt writes it (before <address>); NULL without memory. */
xmlNodePtr domain_xml_new_boot(xmlNodePtr dev);

/* @dev's <boot> child, or NULL. */
xmlNodePtr domain_xml_boot_of(xmlNodePtr dev);

/*
 * Write @x out into *@out (malloc'ed), *@changed whether it differs from what was parsed,
 * and free @x. 0 or -ENOMEM with a message.
 */
int domain_xml_finish(struct domain_xml *x, char **out, bool *changed, struct reipl_error *err);

/* Free @x without writing it. */
void domain_xml_free(struct domain_xml *x);

#endif
