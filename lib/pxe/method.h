/* SPDX-License-Identifier: GPL-2.0 */
/*
 * method.h - the ways a guest's pxelinux file can send it to its disk, and the choice.
 *
 *   fallback  a file with no entry: QEMU 9.2 and later fail the network boot and IPL the
 *             next device in the boot order. Needs the disk right after the network in
 *             the domain's boot order; boots whatever the disk's own boot record says;
 *             survives a TFTP outage (no file at all falls back too). Nothing to serve.
 *   payload   the freestanding re-IPL payload (~66 KB, tens of milliseconds): ccw and
 *             auto targets; needs nothing in the domain.
 *   linux     a Linux kernel and the reboot initrd (the seed's way, ~3 s): every target
 *             chreipl knows; needs nothing in the domain.
 *   host      the domain's libvirt definition follows the entry (lib/virt/host.h): the
 *             local entry's guest boots its disk alone, never asking the network. For
 *             guests that cannot boot from the network at all (secure IPL); needs a
 *             defined libvirt domain, and takes effect at its next start.
 */
#ifndef PXE_METHOD_H
#define PXE_METHOD_H

#include <stdbool.h>
#include <stddef.h>

#include "pxe/fwgen.h"
#include "reipl/reipl_error.h"

enum pxe_method {
	PXE_METHOD_AUTO,
	PXE_METHOD_FALLBACK,
	PXE_METHOD_PAYLOAD,
	PXE_METHOD_LINUX,
	PXE_METHOD_HOST,
};

/* The payload's file name in the TFTP root when none is given. */
#define PXE_PAYLOAD_FILE "reboot-s390x-payload.img"

/* "auto", "fallback", "payload", "linux", "host": 0 or -EINVAL with a message. */
int pxe_method_parse(const char *text, enum pxe_method *m, struct reipl_error *err);

const char *pxe_method_name(enum pxe_method m);

/* What is known about a guest when a method is chosen for it. */
struct pxe_method_facts {
	bool have_domain;     /* libvirt told us about the domain and its QEMU */
	bool helper_asked;    /* --target, --kernel, --initrd or --append: a helper's */
	enum pxe_fwgen gen;   /* its QEMU's firmware generation (with have_domain) */
	bool net_then_disk;   /* the boot order is an interface, then a disk */
	bool payload_target;  /* the target is one the payload can do */
	bool payload_in_root; /* the payload file is in the TFTP root */
	bool follows_entry;   /* its definition follows its entry already (host) */
	bool secure_ipl;      /* secure IPL (secure or audit mode): no network boot */
};

/*
 * auto: host for a domain whose definition follows its entry, or that has secure IPL on
 * (nothing else boots it); fallback where the domain's QEMU has it and its boot order is network, then disk,
 * unless options for a helper were given; else the payload for targets it can do, when it
 * is in the TFTP root; else Linux.
 * Returns the method and says why in @why.
 */
enum pxe_method pxe_method_choose(const struct pxe_method_facts *f, char *why, size_t len);

#endif
