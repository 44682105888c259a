// SPDX-License-Identifier: GPL-2.0
/*
 * domain.c - a libvirt domain's provisioning settings: checked, and the boot order set.
 */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/domain.h"
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
	bool fallback;

	snprintf(subject, sizeof(subject), "domain %.80s", name);
	/* Secure IPL refuses a network device anywhere in the boot order, before any boot. */
	if (d->ipl_mode != PXE_IPL_NORMAL && d->net_first) {
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "secure IPL (%s mode) with an interface in its boot order: its "
				 "firmware refuses the network device before any boot (\"Virtio net "
				 "boot device does not support secure boot!\") and the guest stops",
				 pxe_ipl_mode_name(d->ipl_mode));
		return;
	}
	if (d->ipl_mode != PXE_IPL_NORMAL) {
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "secure IPL (%s mode): it boots its disk alone and never reads a "
				 "pxelinux file; network provisioning needs secure IPL off for the "
				 "installer",
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
	if (d->qemu_known) {
		gen = pxe_fwgen_of_qemu(d->qemu_major, d->qemu_minor);
		pxe_findings_add(out, subject, 0, PXE_NOTE,
				 "QEMU %u.%u: network firmware generation %s (%s)", d->qemu_major,
				 d->qemu_minor, pxe_fwgen_info(gen)->name,
				 pxe_fwgen_info(gen)->fallback
					 ? "a failed network boot falls back to the next device"
					 : "a failed network boot stops the guest");
	} else {
		pxe_findings_add(
			out, subject, 0, PXE_WARNING,
			"libvirt does not say which QEMU runs it: 'fallback' is not offered");
	}
	fallback = d->qemu_known && pxe_fwgen_info(gen)->fallback && d->net_first && d->disk_second;
	if (d->net_first && !d->disk_second && d->qemu_known && pxe_fwgen_info(gen)->fallback)
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

/* The element's <boot> child, or NULL. */
static xmlNodePtr boot_child(xmlNodePtr dev)
{
	xmlNodePtr c;

	for (c = dev->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST "boot") == 0)
			return c;
	return NULL;
}

static bool is_disk(xmlNodePtr dev)
{
	xmlChar *kind;
	bool yes;

	if (xmlStrcmp(dev->name, BAD_CAST "disk") != 0)
		return false;
	kind = xmlGetProp(dev, BAD_CAST "device");
	yes = !kind || xmlStrcmp(kind, BAD_CAST "disk") == 0;
	xmlFree(kind);
	return yes;
}

/* Give @dev <boot order='@order'/>, keeping the attributes its <boot> had. */
static void set_order(xmlNodePtr dev, int order)
{
	xmlNodePtr boot = boot_child(dev);
	char text[16];

	snprintf(text, sizeof(text), "%d", order);
	if (!boot)
		boot = xmlNewChild(dev, NULL, BAD_CAST "boot", NULL);
	xmlSetProp(boot, BAD_CAST "order", BAD_CAST text);
}

int pxe_domain_boot_order_xml(const char *xml, char **out, bool *changed, struct reipl_error *err)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL, n, devices = NULL, os = NULL;
	xmlNodePtr net = NULL, disk = NULL, others[64];
	long orders[64];
	int nothers = 0, i, j, rc = 0;
	xmlChar *text = NULL, *before = NULL;
	int size = 0;

	*out = NULL;
	*changed = false;
	if (doc)
		xmlDocDumpFormatMemory(doc, &before, &size, 0);
	if (!root || xmlStrcmp(root->name, BAD_CAST "domain") != 0) {
		rc = reipl_fail(err, -EINVAL, "not a libvirt domain's XML");
		goto done;
	}
	for (n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, BAD_CAST "devices") == 0)
			devices = n;
		else if (xmlStrcmp(n->name, BAD_CAST "os") == 0)
			os = n;
	}
	for (n = devices ? devices->children : NULL; n; n = n->next) {
		xmlNodePtr boot;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!net && xmlStrcmp(n->name, BAD_CAST "interface") == 0) {
			net = n;
			continue;
		}
		if (!disk && is_disk(n)) {
			disk = n;
			continue;
		}
		boot = boot_child(n);
		if (boot && nothers < 64) {
			xmlChar *v = xmlGetProp(boot, BAD_CAST "order");

			orders[nothers] = v ? strtol((const char *)v, NULL, 10) : 0;
			others[nothers++] = n;
			xmlFree(v);
		}
	}
	if (!net || !disk) {
		rc = reipl_fail(err, -EINVAL, "the domain has no %s",
				!net ? "network interface" : "disk (device='disk')");
		goto done;
	}
	/* <os><boot dev='...'/> cannot stand beside per-device boot orders. */
	for (n = os ? os->children : NULL; n;) {
		xmlNodePtr next = n->next;

		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST "boot") == 0) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		n = next;
	}
	set_order(net, 1);
	set_order(disk, 2);
	/* The rest keep their relative order, from 3 on. */
	for (i = 1; i < nothers; i++)
		for (j = i; j > 0 && orders[j - 1] > orders[j]; j--) {
			long o = orders[j];
			xmlNodePtr d = others[j];

			orders[j] = orders[j - 1];
			others[j] = others[j - 1];
			orders[j - 1] = o;
			others[j - 1] = d;
		}
	for (i = 0; i < nothers; i++)
		set_order(others[i], 3 + i);
	xmlDocDumpFormatMemory(doc, &text, &size, 0);
	*out = text ? strdup((const char *)text) : NULL;
	if (!*out)
		rc = reipl_fail(err, -ENOMEM, "out of memory");
	else
		*changed = !before || strcmp((const char *)before, *out) != 0;
done:
	xmlFree(before);
	xmlFree(text);
	xmlFreeDoc(doc);
	return rc;
}
