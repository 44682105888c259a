/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fwgen.h - the generations of QEMU's s390x network firmware, and what sets them apart.
 *
 * Each generation is named after the first QEMU release that behaves that way; every
 * fact below was seen by booting QEMU 7.2, 10.0 and 11.1 (tests/e2e/firmware-model.sh):
 *   7.2   up to QEMU 9.1: one boot device; a failed network boot stops the guest.
 *   9.2   QEMU 9.2 to 10.0 (and RHEL 9.6's backport): a failed network boot falls back
 *         to the next device in boot order ("Failed to IPL from this network!").
 *   10.1  QEMU 10.1 on: as 9.2, and the interface's loadparm picks the pxelinux entry
 *         ("1" the first, ...), "PROMPT" shows a menu and waits, 31 entries are read.
 */
#ifndef PXE_FWGEN_H
#define PXE_FWGEN_H

#include <stdbool.h>

#include "reipl/reipl_error.h"

enum pxe_fwgen { PXE_FW_7_2, PXE_FW_9_2, PXE_FW_10_1 };

#define PXE_FWGEN_COUNT 3

struct pxe_fwgen_info {
	const char *name;      /* "7.2", "9.2", "10.1" */
	const char *qemus;     /* "QEMU up to 9.1", ... */
	int max_entries;       /* labels read before the parser stops */
	bool fallback;	       /* a failed network boot IPLs the next boot device */
	bool loadparm_selects; /* the interface's loadparm chooses the entry */
};

const struct pxe_fwgen_info *pxe_fwgen_info(enum pxe_fwgen gen);

/*
 * "7.2", "9.2" or "10.1", or any QEMU version "MAJOR.MINOR[.PATCH]" (mapped to the
 * generation it has). 0, or -EINVAL with a message.
 */
int pxe_fwgen_parse(const char *text, enum pxe_fwgen *gen, struct reipl_error *err);

/* The generation of QEMU MAJOR.MINOR. */
enum pxe_fwgen pxe_fwgen_of_qemu(unsigned major, unsigned minor);

#endif
