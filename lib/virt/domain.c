// SPDX-License-Identifier: GPL-2.0
/*
 * domain.c - a libvirt domain's provisioning settings: checked, and the boot order set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/domain.h"
#include "virt/domain_xml.h"
#include "virt/host.h"
#include "pxe/fwgen.h"
#include "pxe/lookup.h"

/* What the loadparm's pick in @l means for the guest. */
static void add_selection(const char *subject, const struct pxe_domain *d,
			  const struct pxe_lookup *l, struct pxe_findings *out)
{
	if (l->outcome == PXE_OUT_LOADPARM_RANGE)
		pxe_findings_add(
			out, subject, 0, PXE_ERROR,
			"the interface's loadparm '%s' names an entry pxelinux.cfg/%s does "
			"not have (%d): the guest stops",
			d->loadparm, l->steps[l->used].name, l->cfg.count);
	else if (l->outcome == PXE_OUT_MENU)
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "the interface's loadparm PROMPT shows a menu and waits on the "
				 "console: an unattended boot never ends");
	else if (l->entry >= 0)
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "the interface's loadparm '%s' selects entry '%s' of "
				 "pxelinux.cfg/%s",
				 d->loadparm, l->cfg.entries[l->entry].label,
				 l->steps[l->used].name);
}

/* The entry the interface's loadparm picks in the guest's own file. */
static void check_loadparm(const char *subject, const struct pxe_domain *d,
			   const struct pxe_tree *t, enum pxe_fwgen gen, struct pxe_findings *out)
{
	struct pxe_lookup *l;
	struct pxe_ident id = { 0 };

	if (!pxe_fwgen_info(gen)->loadparm_selects) {
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "the interface's loadparm '%s' selects nothing before QEMU 10.1: "
				 "the file's default entry boots",
				 d->loadparm);
		return;
	}
	if (!t)
		return;
	id.has_uuid = true;
	memcpy(id.uuid, d->uuid, sizeof(id.uuid));
	if (d->nmacs > 0) {
		id.has_mac = true;
		memcpy(id.mac, d->macs[0], 6);
	}
	id.loadparm = d->loadparm;
	l = malloc(sizeof(*l)); /* a parsed file: too big for a stack frame of its own */
	if (!l) {
		out->lost = true;
		return;
	}
	if (pxe_lookup(t, &id, gen, l, NULL) == 0)
		add_selection(subject, d, l, out);
	free(l);
}

void pxe_domain_check(const char *name, const struct pxe_domain *d, const struct pxe_tree *t,
		      struct pxe_findings *out)
{
	enum pxe_fwgen gen = PXE_FW_7_2;
	char subject[96];
	bool fallback, known;

	snprintf(subject, sizeof(subject), "domain %.80s", name);
	if (d->host != PXE_HOST_NONE)
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "its definition follows its entry (--method host), set now for "
				 "the %s entry",
				 d->host == PXE_HOST_INSTALL ? "install" : "local");
	/* Secure IPL refuses a network device anywhere in the boot order, before any boot. */
	if (d->ipl_mode != PXE_IPL_NORMAL && d->net_first) {
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "secure IPL (%s mode) with an interface in its boot order: its "
				 "firmware refuses the network device before any boot (\"Virtio net "
				 "boot device does not support secure boot!\") and the guest stops "
				 "(--method host provisions it)",
				 pxe_ipl_mode_name(d->ipl_mode));
		return;
	}
	if (d->ipl_mode != PXE_IPL_NORMAL) {
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "secure IPL (%s mode): it boots its disk alone and never reads a "
				 "pxelinux file; --method host provisions it (secure IPL off for "
				 "the installer only)",
				 pxe_ipl_mode_name(d->ipl_mode));
		return;
	}
	if (d->os_boot_dev)
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "<os><boot dev=.../> is not supported for s390x guests: give the "
				 "devices <boot order='N'/> ('reboot-s390x boot-order %.60s')",
				 name);
	if (!d->net_first)
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "no interface comes first in its boot order: the guest never asks "
				 "the network ('reboot-s390x boot-order %.60s')",
				 name);
	known = pxe_domain_fwgen(d, &gen);
	if (known) {
		char qemu[32] = "its QEMU";

		if (d->qemu_known)
			snprintf(qemu, sizeof(qemu), "QEMU %u.%u", d->qemu_major, d->qemu_minor);
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "%s: network firmware generation %s (%s; %s)", qemu,
				 pxe_fwgen_info(gen)->name,
				 d->fwgen_from_caps ? "from what its QEMU and firmware can do"
						    : "from its version number",
				 pxe_fwgen_info(gen)->fallback
					 ? "a failed network boot falls back to the next device"
					 : "a failed network boot stops the guest");
		if (d->fwgen_from_caps && d->qemu_known &&
		    pxe_fwgen_of_qemu(d->qemu_major, d->qemu_minor) != gen)
			pxe_findings_add(out, subject, 0, PXE_NOTE,
					 "its version number alone would say generation %s: a "
					 "backport (what the firmware can do wins)",
					 pxe_fwgen_info(pxe_fwgen_of_qemu(d->qemu_major,
									  d->qemu_minor))->name);
		/* QEMU 10.0's "Fix boot problem with virtio-net devices" came after 9.2. */
		if (pxe_fwgen_info(gen)->fallback && d->qemu_known && d->qemu_major == 9 &&
		    d->qemu_minor == 2 && d->net_first)
			pxe_findings_add(out, subject, 0, PXE_WARNING,
					 "QEMU 9.2.x: its firmware's virtio-net boot can fail (fixed "
					 "in 10.0, \"Fix boot problem with virtio-net devices\"), and "
					 "the fallback with it: prefer the payload there");
	} else {
		pxe_findings_add(
			out, subject, 0, PXE_WARNING,
			"libvirt does not say which QEMU runs it: 'fallback' is not offered");
	}
	fallback = pxe_domain_falls_back(d);
	if (d->net_first && d->disk_second_pci && known && pxe_fwgen_info(gen)->fallback) {
		if (pxe_domain_disk_after_net(d))
			pxe_findings_add(out, subject, 0, PXE_NOTE,
					 "the disk after the interface is a PCI device: its "
					 "firmware can IPL one, and falls back to it");
		else
			pxe_findings_add(
				out, subject, 0, PXE_WARNING,
				"the disk after the interface is a PCI device (virtio-blk-pci), "
				"which %s: no fallback (QEMU 10.0's says \"Unsupported IPLB\" and "
				"stops); give the disk a CCW address",
				d->fwgen_from_caps ? "its firmware cannot IPL"
						   : "its firmware may not IPL (its QEMU could not "
						     "be asked)");
	}
	if (d->net_first && !d->disk_second && known && pxe_fwgen_info(gen)->fallback)
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "no disk right after the interface in its boot order: no "
				 "fallback ('reboot-s390x boot-order %.60s' sets it)",
				 name);
	if (d->net_first)
		pxe_findings_add(out, subject, 0, PXE_NOTE, "local boot methods it can use: %s",
				 fallback ? "fallback, payload, linux" : "payload, linux");
	if (d->net_first && d->loadparm[0])
		check_loadparm(subject, d, t, gen, out);
}

int pxe_domain_boot_order_xml(const char *xml, char **out, bool *changed, struct reipl_error *err)
{
	struct pxe_domain now;
	struct domain_xml x;
	int rc;

	*out = NULL;
	*changed = false;
	if ((rc = domain_xml_load(xml, &x, err)))
		return rc;
	/* A domain that followed its entry (--method host) is handed back first: its secure
	 * IPL as the admin had it, which must then be off for a network boot. */
	if ((rc = pxe_host_release(&x, err))) {
		domain_xml_free(&x);
		return rc;
	}
	domain_xml_order(&x, true, NULL);
	rc = domain_xml_finish(&x, out, changed, err);
	if (rc == 0)
		pxe_libvirt_boot_order(*out, &now);
	if (rc == 0 && now.ipl_mode != PXE_IPL_NORMAL) {
		free(*out);
		*out = NULL;
		*changed = false;
		return reipl_fail(err, -EINVAL,
				  "secure IPL is on, and it refuses a network device in the boot "
				  "order: provision it with --method host");
	}
	return rc;
}
