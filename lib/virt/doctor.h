/* SPDX-License-Identifier: GPL-2.0 */
/*
 * doctor.h - a hypervisor's provisioning setup, checked end to end.
 */
#ifndef VIRT_DOCTOR_H
#define VIRT_DOCTOR_H

#include "pxe/lint.h"

struct pxe_doctor_input {
	const char *network_xml;       /* the libvirt network's XML, or NULL: not checked */
	const char *network_name;      /* how to call it in findings */
	const char *reference_init;    /* the init this tool installs, or NULL */
	const char *reference_payload; /* the payload this tool installs, or NULL */
	/* The domains asked about: their files are read as their own firmware reads them. */
	const struct pxe_lint_domain *domains;
	int ndomains;
};

/*
 * Everything `pxe check` finds, and: the reboot kernel looks like an s390x kernel
 * (S390EP at 0x10008); the reboot initrd holds a static reboot-s390x-init, the one this
 * tool installs; a payload entry's payload is the one this tool installs; the network
 * serves @root over TFTP with <bootp file='/'/> and dnsmasq's no-ping; SELinux labels
 * match the policy where SELinux is on.
 */
struct pxe_tree;
int pxe_doctor(const struct pxe_tree *t, const struct pxe_doctor_input *in,
	       struct pxe_findings *out, struct reipl_error *err);


#endif
