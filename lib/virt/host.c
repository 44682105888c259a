// SPDX-License-Identifier: GPL-2.0
/*
 * host.c - a domain definition that follows its pxelinux entry (--method host; see host.h).
 *
 * While the install entry stands, reboot-s390x's element in <metadata> holds what the
 * admin had for secure IPL (as text: libvirt keeps a metadata element's content as it is,
 * whatever namespaces it would otherwise rewrite); while the local entry stands, the
 * interface's loadparm (the disk boots alone, so the interface has no <boot> to hold it).
 */
#include <errno.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/host.h"

static bool named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static bool in_ns(xmlNodePtr n, const char *href)
{
	return n->ns && n->ns->href && xmlStrcmp(n->ns->href, BAD_CAST href) == 0;
}

/* reboot-s390x's element in <metadata>, or NULL. */
static xmlNodePtr host_element(xmlNodePtr metadata)
{
	xmlNodePtr n;

	for (n = metadata ? metadata->children : NULL; n; n = n->next)
		if (named(n, "host") && in_ns(n, PXE_HOST_NS))
			return n;
	return NULL;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next)
		if (named(n, name))
			return n;
	return NULL;
}

static enum pxe_host_state state_of(xmlNodePtr host)
{
	xmlChar *v = host ? xmlGetProp(host, BAD_CAST "state") : NULL;
	enum pxe_host_state s = !host ? PXE_HOST_NONE
				: v && xmlStrcmp(v, BAD_CAST "install") == 0 ? PXE_HOST_INSTALL
									     : PXE_HOST_LOCAL;

	xmlFree(v);
	return s;
}

const char *pxe_host_state_name(enum pxe_host_state s)
{
	return s == PXE_HOST_INSTALL ? "install" : s == PXE_HOST_LOCAL ? "local" : "none";
}

enum pxe_host_state pxe_host_state_of(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	enum pxe_host_state s = PXE_HOST_NONE;

	if (root && named(root, "domain"))
		s = state_of(host_element(child(root, "metadata")));
	xmlFreeDoc(doc);
	return s;
}

/* The <qemu:commandline> elements of the domain. */
static int commandlines(xmlNodePtr root, xmlNodePtr *out, int max)
{
	xmlNodePtr n;
	int k = 0;

	for (n = root->children; n && k < max; n = n->next)
		if (named(n, "commandline") && in_ns(n, DOMAIN_XML_QEMU_NS))
			out[k++] = n;
	return k;
}

/* A machine property of secure IPL: secure-boot=..., boot-certs.N.path=... */
static bool secure_property(const char *item, size_t len)
{
	return (len >= 11 && strncmp(item, "secure-boot", 11) == 0) ||
	       (len >= 10 && strncmp(item, "boot-certs", 10) == 0);
}

/*
 * Drop the secure-IPL machine properties from @line's <qemu:arg value=...>; an argument
 * left empty goes, with the -machine (-M) before it. True when anything was dropped.
 */
static bool drop_secure_args(xmlNodePtr line)
{
	xmlNodePtr n, prev = NULL, next;
	bool dropped = false;

	for (n = line->children; n; n = next) {
		xmlChar *v = named(n, "arg") ? xmlGetProp(n, BAD_CAST "value") : NULL;
		char *kept, *p, *end;
		size_t used = 0;
		bool any = false;

		next = n->next;
		if (!v) {
			if (n->type == XML_ELEMENT_NODE)
				prev = n;
			continue;
		}
		/* The properties kept are written over the value itself: never longer. */
		kept = (char *)v;
		for (p = kept; *p; p = *end ? end + 1 : end) {
			size_t len;

			end = p + strcspn(p, ",");
			len = (size_t)(end - p);
			if (secure_property(p, len)) {
				any = true;
				continue;
			}
			if (used)
				kept[used++] = ',';
			memmove(kept + used, p, len);
			used += len;
		}
		kept[used] = '\0';
		if (any) {
			dropped = true;
			if (used) {
				xmlSetProp(n, BAD_CAST "value", BAD_CAST kept);
			} else {
				xmlChar *o = prev ? xmlGetProp(prev, BAD_CAST "value") : NULL;

				if (o && (xmlStrcmp(o, BAD_CAST "-machine") == 0 ||
					  xmlStrcmp(o, BAD_CAST "-M") == 0)) {
					xmlUnlinkNode(prev);
					xmlFreeNode(prev);
				}
				xmlFree(o);
				xmlUnlinkNode(n);
				xmlFreeNode(n);
				xmlFree(v);
				continue;
			}
		}
		prev = n;
		xmlFree(v);
	}
	return dropped;
}

/* Whether @n has element children. */
static bool has_elements(xmlNodePtr n)
{
	for (n = n->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/*
 * Secure IPL off: <os><boot-certs> and the secure-boot/boot-certs machine properties go.
 * Before that, what there was is written as text into *@stash (malloc'ed; NULL when there
 * was nothing): a small document <stash><os>boot-certs...</os>commandline...</stash>.
 */
static int secure_off(struct domain_xml *x, char **stash, struct reipl_error *err)
{
	xmlDocPtr keep = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr top = keep ? xmlNewDocNode(keep, NULL, BAD_CAST "stash", NULL) : NULL;
	xmlNodePtr os = top ? xmlNewChild(top, NULL, BAD_CAST "os", NULL) : NULL;
	xmlNodePtr lines[8], n, next;
	xmlChar *text = NULL;
	int nlines, i, size = 0;
	bool any = false;

	*stash = NULL;
	if (!os) {
		xmlFreeDoc(keep);
		return reipl_fail(err, -ENOMEM, "out of memory");
	}
	xmlDocSetRootElement(keep, top);
	for (n = x->os ? x->os->children : NULL; n; n = next) {
		next = n->next;
		if (!named(n, "boot-certs"))
			continue;
		xmlUnlinkNode(n);
		xmlAddChild(os, xmlDocCopyNode(n, keep, 1));
		xmlFreeNode(n);
		any = true;
	}
	nlines = commandlines(x->root, lines, 8);
	for (i = 0; i < nlines; i++) {
		xmlNodePtr copy = xmlDocCopyNode(lines[i], keep, 1);

		if (!drop_secure_args(lines[i])) {
			xmlFreeNode(copy);
			continue;
		}
		any = true;
		xmlAddChild(top, copy);
		if (!has_elements(lines[i])) {
			xmlUnlinkNode(lines[i]);
			xmlFreeNode(lines[i]);
		}
	}
	if (any) {
		xmlReconciliateNs(keep, top);
		xmlDocDumpFormatMemory(keep, &text, &size, 1);
		*stash = text ? strdup((const char *)text) : NULL;
		xmlFree(text);
	}
	xmlFreeDoc(keep);
	return any && !*stash ? reipl_fail(err, -ENOMEM, "out of memory") : 0;
}

/*
 * Add @copy (from the stash's document) to @parent, its namespaces those in scope there:
 * no declaration of its own where the domain has one already (libvirt's own form).
 */
static void use_scope(xmlNodePtr parent, xmlNodePtr n)
{
	xmlNsPtr in;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns && (in = xmlSearchNsByHref(parent->doc, parent, n->ns->href)))
			n->ns = in;
		use_scope(parent, n->children);
	}
}

static void adopt(xmlNodePtr parent, xmlNodePtr copy)
{
	xmlNsPtr *def, ns;

	if (!copy)
		return;
	use_scope(parent, copy);
	for (def = &copy->nsDef; (ns = *def);) {
		if (xmlSearchNsByHref(parent->doc, parent, ns->href)) {
			*def = ns->next;
			ns->next = NULL;
			xmlFreeNs(ns);
		} else {
			def = &ns->next;
		}
	}
	xmlAddChild(parent, copy);
}

/* Put back what secure_off kept: <os><boot-certs>, and the commandlines as they were. */
static int secure_back(struct domain_xml *x, const char *stash, struct reipl_error *err)
{
	xmlDocPtr keep = xmlReadMemory(stash, (int)strlen(stash), "stash.xml", NULL,
				       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					       XML_PARSE_NOBLANKS);
	xmlNodePtr top = keep ? xmlDocGetRootElement(keep) : NULL, n, c;

	if (!top || !named(top, "stash")) {
		xmlFreeDoc(keep);
		return reipl_fail(err, -EINVAL,
				  "the secure IPL settings kept in its <metadata> (%s) cannot be "
				  "read: put them back by hand and remove that element",
				  PXE_HOST_NS);
	}
	for (n = top->children; n; n = n->next) {
		if (named(n, "os") && x->os) {
			for (c = n->children; c; c = c->next)
				if (named(c, "boot-certs"))
					adopt(x->os, xmlDocCopyNode(c, x->doc, 1));
		} else if (named(n, "commandline") && in_ns(n, DOMAIN_XML_QEMU_NS)) {
			xmlNodePtr lines[8];
			int i, k = commandlines(x->root, lines, 8);

			/* The first of them replaces what is left of the domain's own. */
			for (i = 0; i < k; i++) {
				xmlUnlinkNode(lines[i]);
				xmlFreeNode(lines[i]);
			}
			adopt(x->root, xmlDocCopyNode(n, x->doc, 1));
		}
	}
	xmlFreeDoc(keep);
	return 0;
}

/* The element's text content (malloc'ed), or NULL. */
static char *content(xmlNodePtr n)
{
	xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
	char *s = v ? strdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* Put back what the install state had taken away: secure IPL. */
static int leave_install(struct domain_xml *x, xmlNodePtr host, struct reipl_error *err)
{
	xmlNodePtr secure = host ? child(host, "secure") : NULL;
	char *stash = content(secure);
	int rc = 0;

	if (stash && *stash)
		rc = secure_back(x, stash, err);
	free(stash);
	if (rc == 0 && secure) {
		xmlUnlinkNode(secure);
		xmlFreeNode(secure);
	}
	return rc;
}

/*
 * Give the interface back the loadparm the local state kept, in a <boot> that puts it
 * first (both callers make it so: the install state, and boot-order after a release).
 */
static void loadparm_back(struct domain_xml *x, xmlNodePtr host)
{
	xmlChar *lp = host ? xmlGetProp(host, BAD_CAST "loadparm") : NULL;
	xmlNodePtr boot = domain_xml_boot_of(x->net);

	if (lp && !boot && (boot = domain_xml_new_boot(x->net)))
		xmlSetProp(boot, BAD_CAST "order", BAD_CAST "1");
	if (lp && boot)
		xmlSetProp(boot, BAD_CAST "loadparm", lp);
	if (host)
		xmlUnsetProp(host, BAD_CAST "loadparm");
	xmlFree(lp);
}

static xmlNodePtr make_host(struct domain_xml *x)
{
	xmlNsPtr ns;
	xmlNodePtr host;

	if (!x->metadata)
		x->metadata = xmlNewChild(x->root, NULL, BAD_CAST "metadata", NULL);
	host = xmlNewChild(x->metadata, NULL, BAD_CAST "host", NULL);
	ns = xmlNewNs(host, BAD_CAST PXE_HOST_NS, BAD_CAST "reboot-s390x");
	xmlSetNs(host, ns);
	return host;
}

int pxe_host_release(struct domain_xml *x, struct reipl_error *err)
{
	xmlNodePtr host = host_element(x->metadata);
	int rc;

	if (!host)
		return 0;
	if (state_of(host) == PXE_HOST_INSTALL && (rc = leave_install(x, host, err)))
		return rc;
	loadparm_back(x, host);
	xmlUnlinkNode(host);
	xmlFreeNode(host);
	if (!has_elements(x->metadata)) {
		xmlUnlinkNode(x->metadata);
		xmlFreeNode(x->metadata);
		x->metadata = NULL;
	}
	return 0;
}

int pxe_host_xml(const char *xml, enum pxe_host_state to, char **out, bool *changed,
		 struct reipl_error *err)
{
	struct domain_xml x;
	xmlNodePtr host, boot = NULL;
	enum pxe_host_state was;
	char *stash = NULL;
	int rc;

	*out = NULL;
	*changed = false;
	if ((rc = domain_xml_load(xml, &x, err)))
		return rc;
	host = host_element(x.metadata);
	was = state_of(host);
	if (to == PXE_HOST_NONE) {
		rc = pxe_host_release(&x, err);
	} else if (to == PXE_HOST_INSTALL) {
		/* Already for the installer: what the metadata keeps is the admin's, not this. */
		if (was != PXE_HOST_INSTALL)
			rc = secure_off(&x, &stash, err);
		if (rc == 0) {
			if (!host)
				host = make_host(&x);
			loadparm_back(&x, host);
			domain_xml_order(&x, true, NULL);
			xmlSetProp(host, BAD_CAST "state", BAD_CAST "install");
			if (stash)
				xmlNewTextChild(host, host->ns, BAD_CAST "secure", BAD_CAST stash);
		}
	} else {
		if (was == PXE_HOST_INSTALL)
			rc = leave_install(&x, host, err);
		if (rc == 0) {
			xmlChar *lp;

			if (!host)
				host = make_host(&x);
			xmlSetProp(host, BAD_CAST "state", BAD_CAST "local");
			domain_xml_order(&x, false, &boot);
			lp = boot ? xmlGetProp(boot, BAD_CAST "loadparm") : NULL;
			if (lp)
				xmlSetProp(host, BAD_CAST "loadparm", lp);
			xmlFree(lp);
			xmlFreeNode(boot);
		}
	}
	free(stash);
	if (rc) {
		domain_xml_free(&x);
		return rc;
	}
	return domain_xml_finish(&x, out, changed, err);
}
