/* SPDX-License-Identifier: GPL-2.0 */
/*
 * network.h - a libvirt network's XML, checked for network boot: it serves the TFTP root,
 * hands out the boot file that makes the firmware look up pxelinux.cfg/, and skips
 * dnsmasq's ping before each offer.
 */
#ifndef VIRT_NETWORK_H
#define VIRT_NETWORK_H

#include "pxe/lint.h"

/* The findings for network @name (its XML @xml) serving TFTP root @root. */
void pxe_doctor_network(const char *root, const char *xml, const char *name,
			struct pxe_findings *out);

#endif
