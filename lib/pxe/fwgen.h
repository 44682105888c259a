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
#include <stddef.h>

#include "reipl/reipl_error.h"

enum pxe_fwgen { PXE_FW_7_2, PXE_FW_9_2, PXE_FW_10_1 };

#define PXE_FWGEN_COUNT 3

/*
 * QEMU 11.2's secure IPL, by the s390-ccw-virtio machine's properties: normal (neither),
 * audit (boot-certs only: signatures checked, failures only warned of), secure
 * (secure-boot=on and boot-certs). In audit and secure mode the firmware walks the whole
 * boot order before any boot and stops at a network device ("Virtio net boot device does
 * not support secure boot!"): no pxelinux file is read, no other device tried (read from
 * the secure-IPL series' pc-bios/s390-ccw/main.c; tests/e2e/secure-ipl.sh waits for a
 * lane to boot it).
 */
enum pxe_ipl_mode { PXE_IPL_NORMAL, PXE_IPL_AUDIT, PXE_IPL_SECURE };

/* "normal", "audit", "secure". */
const char *pxe_ipl_mode_name(enum pxe_ipl_mode mode);

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

/*
 * What a QEMU binary and its s390x firmware say they can do: distributions backport
 * (RHEL's qemu-kvm has the fallback under an older version number), so the generation is
 * read from these, the version number only where they cannot be had.
 */
struct pxe_fw_caps {
	bool net_loadparm;  /* virtio-net-ccw has a loadparm property: per-device boot order */
	bool firmware_read; /* the firmware image (s390-ccw.img) was read */
	bool fw_fallback;   /* it can fall back from the network ("Failed to IPL from this
			       network!"): 9.2's boot order series */
	bool fw_menu;	    /* it has the pxelinux.cfg boot menu, and the loadparm selects the
			       entry ("s390-ccw pxelinux.cfg boot menu:"): 10.1 */
	bool secure_boot;   /* the machine has the secure-boot property (secure IPL, 11.2) */
	bool fw_pci_boot;   /* it can IPL a PCI device (virtio-blk-pci), in the boot order
			       too ("Cannot boot PCI device type"): QEMU 10.0's cannot
			       ("Unsupported IPLB"), 11.1's can (both booted) */
};

/*
 * Read @c from the output of `QEMU -device virtio-net-ccw,help` (@device_help) and
 * `QEMU -machine s390-ccw-virtio,help` (@machine_help), either may be NULL, and the
 * firmware image's bytes (@firmware, @len; NULL when it could not be read).
 */
void pxe_fw_caps_read(const char *device_help, const char *machine_help, const void *firmware,
		      size_t len, struct pxe_fw_caps *c);

/*
 * The generation @c shows: 10.1 with the boot menu, 9.2 with the fallback, else 7.2.
 * False when the firmware was not read (the version number must do).
 */
bool pxe_fwgen_of_caps(const struct pxe_fw_caps *c, enum pxe_fwgen *gen);

#endif
