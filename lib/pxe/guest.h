/* SPDX-License-Identifier: GPL-2.0 */
/*
 * guest.h - who a pxelinux.cfg file is for, and the file names the firmware asks for.
 */
#ifndef PXE_GUEST_H
#define PXE_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pxe/fwgen.h"
#include "reipl/reipl_error.h"

enum pxe_guest_kind {
	PXE_GUEST_DEFAULT,
	PXE_GUEST_MAC,
	PXE_GUEST_UUID,
	PXE_GUEST_IP,	/* hex IPv4 prefix files: only classified, never written */
	PXE_GUEST_NAME, /* a libvirt domain name, still to be resolved */
};

#define PXE_NAME_MAX 64

struct pxe_guest {
	enum pxe_guest_kind kind;
	uint8_t mac[6];
	char uuid[37];		 /* lower case, with dashes */
	char name[PXE_NAME_MAX]; /* libvirt domain name */
};

/*
 * What libvirt says of a guest's domain (lib/virt fills it in; the rules here read it).
 */
#define PXE_DOMAIN_MACS 8

/* A domain whose definition follows its pxelinux entry (--method host), and for which. */
enum pxe_host_state { PXE_HOST_NONE, PXE_HOST_INSTALL, PXE_HOST_LOCAL };

struct pxe_domain {
	char uuid[37];
	uint8_t macs[PXE_DOMAIN_MACS][6];
	int nmacs;
	/* Its boot order: the devices with <boot order='N'/>, lowest first. */
	bool net_first;	    /* an interface comes first */
	bool disk_second;   /* and a disk (device='disk') right after it */
	bool disk_second_pci; /* that disk is a PCI device (<address type='pci'>) */
	bool os_boot_dev;   /* <os><boot dev=.../>: not supported on s390x */
	int loadparm_order; /* the boot order of the interface with the lowest, or 0 */
	char loadparm[9];   /* that interface's <boot loadparm=...>, or "" */
	/* Its QEMU: from the domain capabilities of its emulator (newest machine type). */
	bool qemu_known;
	unsigned qemu_major, qemu_minor;
	char emulator[256];
	/* Its firmware's generation as its QEMU binary and firmware image show it (asked
	 * only of a binary on this host, lib/virt/qemu_caps.h); else the version decides. */
	bool fwgen_from_caps;
	enum pxe_fwgen fwgen_caps;
	bool fw_pci_boot; /* (with fwgen_from_caps) it can IPL a PCI disk */
	/* Its secure IPL (QEMU 11.2): libvirt's <os><boot-certs>, or the machine properties
	 * secure-boot/boot-certs given through <qemu:commandline>. */
	enum pxe_ipl_mode ipl_mode;
	/* Its definition follows its entry (reboot-s390x's element in its <metadata>). */
	enum pxe_host_state host;
	bool persistent; /* defined, not only running: a definition can be changed */
};

/*
 * The generation of @d's firmware: from its capabilities where they were read, else from
 * its QEMU's version. False when neither is known.
 */
bool pxe_domain_fwgen(const struct pxe_domain *d, enum pxe_fwgen *gen);

/*
 * Whether @d's boot order is the interface, then a disk its firmware can IPL: a CCW disk,
 * or a PCI one where the firmware can IPL PCI devices (only known from its capabilities).
 */
bool pxe_domain_disk_after_net(const struct pxe_domain *d);

/* Whether @d's firmware falls back from the network to that disk (and has the fallback). */
bool pxe_domain_falls_back(const struct pxe_domain *d);

/* Whether @g is domain @d: its UUID, or the MAC of one of its interfaces. */
bool pxe_domain_is(const struct pxe_domain *d, const struct pxe_guest *g);

/*
 * Read what a user typed: "default"; a MAC as 52:54:00:12:34:56, 52-54-00-12-34-56,
 * 525400123456 or 5254.0012.3456, any case; a UUID with or without dashes, any case;
 * else a libvirt domain name. Hex-and-separator strings that are neither MAC nor UUID,
 * and names libvirt cannot have, are refused (-EINVAL with a message).
 */
int pxe_guest_parse(const char *text, struct pxe_guest *g, struct reipl_error *err);

/* The file name the firmware fetches for @g: "default", "01-52-54-00-12-34-56", the UUID. */
void pxe_guest_file(const struct pxe_guest *g, char *buf, size_t len);

/* A person's spelling: "default", "52:54:00:12:34:56", the UUID, "C0A87A" (IP prefix). */
void pxe_guest_describe(const struct pxe_guest *g, char *buf, size_t len);

/*
 * Classify a name in pxelinux.cfg/ the way the firmware's lookups would hit it. Returns 0
 * for a name it fetches (filling @g), or -ENOENT with the reason it is never fetched
 * ("00- prefix", "upper case", ...) in @why.
 */
int pxe_guest_from_file(const char *name, struct pxe_guest *g, char *why, size_t len);

#endif
