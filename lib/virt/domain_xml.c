// SPDX-License-Identifier: GPL-2.0
/*
 * domain_xml.c - a libvirt domain's XML as a tree: parsed, its boot devices put in order,
 * written back (see domain_xml.h).
 */
#include <errno.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/domain_xml.h"

static bool named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

xmlNodePtr domain_xml_boot_of(xmlNodePtr dev)
{
	xmlNodePtr c;

	for (c = dev->children; c; c = c->next)
		if (named(c, "boot"))
			return c;
	return NULL;
}

static bool is_disk(xmlNodePtr dev)
{
	xmlChar *kind;
	bool yes;

	if (!named(dev, "disk"))
		return false;
	kind = xmlGetProp(dev, BAD_CAST "device");
	yes = !kind || xmlStrcmp(kind, BAD_CAST "disk") == 0;
	xmlFree(kind);
	return yes;
}

static long order_of(xmlNodePtr dev)
{
	xmlNodePtr boot = domain_xml_boot_of(dev);
	xmlChar *v = boot ? xmlGetProp(boot, BAD_CAST "order") : NULL;
	long order = v ? strtol((const char *)v, NULL, 10) : 0;

	xmlFree(v);
	return order;
}

void domain_xml_free(struct domain_xml *x)
{
	xmlFree(x->before);
	xmlFreeDoc(x->doc);
	memset(x, 0, sizeof(*x));
}

int domain_xml_load(const char *xml, struct domain_xml *x, struct reipl_error *err)
{
	xmlNodePtr n;
	int size, i, j;

	memset(x, 0, sizeof(*x));
	/* (without the blanks between elements, written out indented anew: an element taken
	 * out or put back leaves no trace in the layout) */
	x->doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
			       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				       XML_PARSE_NOBLANKS);
	x->root = x->doc ? xmlDocGetRootElement(x->doc) : NULL;
	if (!x->root || !named(x->root, "domain")) {
		domain_xml_free(x);
		return reipl_fail(err, -EINVAL, "not a libvirt domain's XML");
	}
	xmlDocDumpFormatMemory(x->doc, &x->before, &size, 1);
	for (n = x->root->children; n; n = n->next) {
		if (named(n, "devices"))
			x->devices = n;
		else if (named(n, "os"))
			x->os = n;
		else if (named(n, "metadata"))
			x->metadata = n;
	}
	for (n = x->devices ? x->devices->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!x->net && named(n, "interface"))
			x->net = n;
		else if (!x->disk && is_disk(n))
			x->disk = n;
		else if (domain_xml_boot_of(n) && x->nothers < DOMAIN_XML_OTHERS_MAX)
			x->others[x->nothers++] = n;
	}
	if (!x->net || !x->disk) {
		bool net = x->net != NULL;

		domain_xml_free(x);
		return reipl_fail(err, -EINVAL, "the domain has no %s",
				  !net ? "network interface" : "disk (device='disk')");
	}
	/* Lowest order first; the sort is stable, so equal orders keep the document's. */
	for (i = 1; i < x->nothers; i++)
		for (j = i; j > 0 && order_of(x->others[j - 1]) > order_of(x->others[j]); j--) {
			xmlNodePtr d = x->others[j];

			x->others[j] = x->others[j - 1];
			x->others[j - 1] = d;
		}
	return 0;
}

xmlNodePtr domain_xml_new_boot(xmlNodePtr dev)
{
	xmlNodePtr boot = xmlNewDocNode(dev->doc, NULL, BAD_CAST "boot", NULL), c;

	if (!boot)
		return NULL;
	for (c = dev->children; c; c = c->next)
		if (named(c, "address"))
			return xmlAddPrevSibling(c, boot);
	return xmlAddChild(dev, boot);
}

/* Give @dev <boot order='@order'/>, keeping the attributes its <boot> had. */
static void set_order(xmlNodePtr dev, int order)
{
	xmlNodePtr boot = domain_xml_boot_of(dev);
	char text[16];

	snprintf(text, sizeof(text), "%d", order);
	if (!boot)
		boot = domain_xml_new_boot(dev);
	if (!boot)
		return;
	xmlSetProp(boot, BAD_CAST "order", BAD_CAST text);
}

void domain_xml_order(struct domain_xml *x, bool net_first, xmlNodePtr *net_boot)
{
	xmlNodePtr n, boot;
	int i, next = 1;

	for (n = x->os ? x->os->children : NULL; n;) {
		xmlNodePtr after = n->next;

		if (named(n, "boot")) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		n = after;
	}
	if (net_first) {
		set_order(x->net, next++);
	} else if ((boot = domain_xml_boot_of(x->net))) {
		xmlUnlinkNode(boot);
		xmlUnsetProp(boot, BAD_CAST "order");
		if (net_boot)
			*net_boot = boot;
		else
			xmlFreeNode(boot);
	}
	set_order(x->disk, next++);
	for (i = 0; i < x->nothers; i++)
		set_order(x->others[i], next++);
}

int domain_xml_finish(struct domain_xml *x, char **out, bool *changed, struct reipl_error *err)
{
	xmlChar *text = NULL;
	int size = 0, rc = 0;

	xmlDocDumpFormatMemory(x->doc, &text, &size, 1);
	*out = text ? strdup((const char *)text) : NULL;
	if (!*out)
		rc = reipl_fail(err, -ENOMEM, "out of memory");
	else
		*changed = !x->before || strcmp((const char *)x->before, *out) != 0;
	xmlFree(text);
	domain_xml_free(x);
	return rc;
}
