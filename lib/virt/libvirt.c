// SPDX-License-Identifier: GPL-2.0
/*
 * libvirt.c - domain and network look-ups through the libvirt API.
 */
#include <errno.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxe/guest.h"
#include "virt/libvirt_conn.h"
#include "virt/host.h"
#include "virt/qemu_caps.h"
#include "virt/libvirt.h"

/* libvirt prints every error to stderr by default; ours are reported through @err. */
static void quiet(void *data, virErrorPtr error)
{
	(void)data;
	(void)error;
}

void pxe_libvirt_silence(void)
{
	virSetErrorFunc(NULL, quiet);
}

const char *pxe_libvirt_why(void)
{
	const char *why = virGetLastErrorMessage();

	return why ? why : "unknown error";
}

virConnectPtr pxe_libvirt_connect(const char *uri, bool rw, struct reipl_error *err)
{
	virConnectPtr conn;

	pxe_libvirt_silence();
	conn = rw ? virConnectOpen(uri) : virConnectOpenReadOnly(uri);
	if (!conn)
		reipl_fail(err, -ECONNREFUSED, "cannot connect to libvirt%s%s: %s",
			   uri ? " at " : "", uri ? uri : "", pxe_libvirt_why());
	return conn;
}

static void domain_macs(const char *xml, struct pxe_domain *d)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlXPathContextPtr ctx;
	xmlXPathObjectPtr res;
	int i;

	if (!doc)
		return;
	ctx = xmlXPathNewContext(doc);
	res = ctx ? xmlXPathEvalExpression(
			    (const xmlChar *)"/domain/devices/interface/mac/@address", ctx)
		  : NULL;
	for (i = 0;
	     res && res->nodesetval && i < res->nodesetval->nodeNr && d->nmacs < PXE_DOMAIN_MACS;
	     i++) {
		xmlChar *v = xmlNodeGetContent(res->nodesetval->nodeTab[i]);
		struct pxe_guest g;

		if (v && pxe_guest_parse((const char *)v, &g, NULL) == 0 && g.kind == PXE_GUEST_MAC)
			memcpy(d->macs[d->nmacs++], g.mac, sizeof(g.mac));
		xmlFree(v);
	}
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
}

/* The text of the first node @expr finds, into @buf ("" if none). */
static void xpath_text(xmlXPathContextPtr ctx, const char *expr, char *buf, size_t len)
{
	xmlXPathObjectPtr res = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	xmlChar *v = NULL;

	buf[0] = '\0';
	if (res && res->nodesetval && res->nodesetval->nodeNr > 0)
		v = xmlNodeGetContent(res->nodesetval->nodeTab[0]);
	if (v)
		snprintf(buf, len, "%s", (const char *)v);
	xmlFree(v);
	xmlXPathFreeObject(res);
}

/*
 * Secure IPL as the domain asks QEMU for it: the machine properties secure-boot=on and
 * boot-certs.N.path passed through <qemu:commandline> (what libvirt up to 12.8 allows),
 * or libvirt's own <os><boot-certs> (proposed for 12.9). Certificates alone are audit
 * mode; with secure-boot=on, secure mode.
 */
static enum pxe_ipl_mode ipl_mode(xmlXPathContextPtr ctx)
{
	xmlXPathObjectPtr res = xmlXPathEvalExpression(
		(const xmlChar *)"/domain/*[local-name()='commandline']/*[local-name()='arg']/@value",
		ctx);
	bool certs = false, secure = false;
	int i;

	for (i = 0; res && res->nodesetval && i < res->nodesetval->nodeNr; i++) {
		xmlChar *v = xmlNodeGetContent(res->nodesetval->nodeTab[i]);

		if (v && strstr((const char *)v, "boot-certs"))
			certs = true;
		if (v && strstr((const char *)v, "secure-boot=on"))
			secure = true;
		xmlFree(v);
	}
	xmlXPathFreeObject(res);
	/* (how libvirt will say secure-boot=on is not settled: its certificates alone mean
	 * at least audit mode, which refuses the network just the same) */
	res = xmlXPathEvalExpression((const xmlChar *)"/domain/os/boot-certs", ctx);
	if (res && res->nodesetval && res->nodesetval->nodeNr > 0)
		certs = true;
	xmlXPathFreeObject(res);
	return certs && secure ? PXE_IPL_SECURE : certs ? PXE_IPL_AUDIT : secure ? PXE_IPL_SECURE
									      : PXE_IPL_NORMAL;
}

/* Whether device @dev sits on the PCI bus (<address type='pci'>): virtio-blk-pci. */
static bool pci_address(xmlNodePtr dev)
{
	xmlNodePtr c;
	bool pci = false;

	for (c = dev->children; c; c = c->next) {
		xmlChar *type;

		if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, (const xmlChar *)"address"))
			continue;
		type = xmlGetProp(c, (const xmlChar *)"type");
		pci = type && xmlStrcmp(type, (const xmlChar *)"pci") == 0;
		xmlFree(type);
	}
	return pci;
}

void pxe_libvirt_boot_order(const char *xml, struct pxe_domain *d)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
	xmlXPathObjectPtr res = NULL;
	long first = 0, second = 0;
	xmlNodePtr first_dev = NULL, second_dev = NULL;
	char text[64];
	int i;

	d->net_first = d->disk_second = d->disk_second_pci = d->os_boot_dev = false;
	d->loadparm_order = 0;
	d->loadparm[0] = '\0';
	if (!ctx)
		goto out;
	xpath_text(ctx, "/domain/devices/emulator", d->emulator, sizeof(d->emulator));
	d->ipl_mode = ipl_mode(ctx);
	d->host = pxe_host_state_of(xml);
	xpath_text(ctx, "/domain/os/boot/@dev", text, sizeof(text));
	d->os_boot_dev = text[0] != '\0';
	res = xmlXPathEvalExpression((const xmlChar *)"/domain/devices/*/boot[@order]", ctx);
	for (i = 0; res && res->nodesetval && i < res->nodesetval->nodeNr; i++) {
		xmlNodePtr boot = res->nodesetval->nodeTab[i];
		xmlChar *v = xmlGetProp(boot, (const xmlChar *)"order");
		long order = v ? strtol((const char *)v, NULL, 10) : 0;

		xmlFree(v);
		if (order <= 0)
			continue;
		if (!first || order < first) {
			second = first;
			second_dev = first_dev;
			first = order;
			first_dev = boot->parent;
		} else if (!second || order < second) {
			second = order;
			second_dev = boot->parent;
		}
	}
	if (first_dev && xmlStrcmp(first_dev->name, (const xmlChar *)"interface") == 0) {
		xmlNodePtr c;

		d->net_first = true;
		d->loadparm_order = (int)first;
		for (c = first_dev->children; c; c = c->next) {
			xmlChar *lp;

			if (c->type != XML_ELEMENT_NODE ||
			    xmlStrcmp(c->name, (const xmlChar *)"boot") != 0)
				continue;
			lp = xmlGetProp(c, (const xmlChar *)"loadparm");
			if (lp)
				snprintf(d->loadparm, sizeof(d->loadparm), "%.8s",
					 (const char *)lp);
			xmlFree(lp);
		}
	}
	if (second_dev && xmlStrcmp(second_dev->name, (const xmlChar *)"disk") == 0) {
		xmlChar *dev = xmlGetProp(second_dev, (const xmlChar *)"device");

		d->disk_second = !dev || xmlStrcmp(dev, (const xmlChar *)"disk") == 0;
		xmlFree(dev);
		d->disk_second_pci = d->disk_second && pci_address(second_dev);
	}
out:
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
}

bool pxe_libvirt_machine_version(const char *machine, unsigned *major, unsigned *minor)
{
	static const char prefix[] = "s390-ccw-virtio-";
	unsigned a, b;
	char tail;

	if (strncmp(machine, prefix, sizeof(prefix) - 1) != 0 ||
	    sscanf(machine + sizeof(prefix) - 1, "%u.%u%c", &a, &b, &tail) != 2)
		return false;
	*major = a;
	*minor = b;
	return true;
}

/* Whether @conn's libvirt runs on this host (no host name in its URI). */
static bool local(virConnectPtr conn)
{
	char *uri = virConnectGetURI(conn);
	const char *p = uri ? strstr(uri, "://") : NULL;
	bool yes = p && p[3] == '/';

	free(uri);
	return yes;
}

/*
 * The QEMU behind @emulator: libvirt's domain capabilities name its newest machine type,
 * which carries the QEMU version ("s390-ccw-virtio-10.0"). A domain's own machine type
 * may be older (kept for migration) while the firmware is always the binary's own.
 * libvirt gives domain capabilities only to a connection that may write: without one,
 * the version stays unknown.
 */
static void domain_qemu(virConnectPtr conn, const char *virttype, struct pxe_domain *d)
{
	xmlXPathContextPtr ctx = NULL;
	xmlDocPtr doc = NULL;
	char machine[64];
	char *caps;

	if (!conn)
		return;
	caps = virConnectGetDomainCapabilities(conn, d->emulator[0] ? d->emulator : NULL, "s390x",
					       NULL, virttype, 0);
	if (!caps)
		return;
	doc = xmlReadMemory(caps, (int)strlen(caps), "caps.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ctx = doc ? xmlXPathNewContext(doc) : NULL;
	if (ctx) {
		xpath_text(ctx, "/domainCapabilities/machine", machine, sizeof(machine));
		d->qemu_known =
			pxe_libvirt_machine_version(machine, &d->qemu_major, &d->qemu_minor);
		if (!d->emulator[0])
			xpath_text(ctx, "/domainCapabilities/path", d->emulator,
				   sizeof(d->emulator));
	}
	/* What the binary and its firmware can do, where the binary is this host's own. */
	if (d->emulator[0] && local(conn)) {
		struct pxe_fw_caps c;

		d->fwgen_from_caps = pxe_qemu_caps(d->emulator, &c, NULL) == 0 &&
				     pxe_fwgen_of_caps(&c, &d->fwgen_caps);
		d->fw_pci_boot = d->fwgen_from_caps && c.fw_pci_boot;
	}
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	free(caps);
}

int pxe_libvirt_describe(virConnectPtr conn, virConnectPtr caps, const char *name,
			 struct pxe_domain *d, struct reipl_error *err)
{
	virDomainPtr dom = virDomainLookupByName(conn, name);
	char virttype[16] = "";
	xmlDocPtr doc;
	xmlNodePtr root;
	xmlChar *type;
	char *xml;

	memset(d, 0, sizeof(*d));
	if (!dom)
		dom = virDomainLookupByUUIDString(conn, name);
	if (!dom)
		return reipl_fail(err, -ENOENT, "libvirt has no domain named '%.60s'", name);
	d->persistent = virDomainIsPersistent(dom) == 1;
	if (virDomainGetUUIDString(dom, d->uuid) != 0) {
		virDomainFree(dom);
		return reipl_fail(err, -EIO, "cannot read the UUID of domain '%.60s'", name);
	}
	xml = virDomainGetXMLDesc(dom, 0);
	virDomainFree(dom);
	if (!xml)
		return 0; /* a domain gone meanwhile: its UUID is what there is */
	doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	type = root ? xmlGetProp(root, (const xmlChar *)"type") : NULL;
	if (type)
		snprintf(virttype, sizeof(virttype), "%s", (const char *)type);
	xmlFree(type);
	xmlFreeDoc(doc);
	domain_macs(xml, d);
	pxe_libvirt_boot_order(xml, d);
	domain_qemu(caps, virttype[0] ? virttype : NULL, d);
	free(xml);
	return 0;
}

int pxe_libvirt_domain(const char *uri, const char *name, struct pxe_domain *d,
		       struct reipl_error *err)
{
	virConnectPtr conn = pxe_libvirt_connect(uri, false, err);
	virConnectPtr caps;
	int rc;

	memset(d, 0, sizeof(*d));
	if (!conn)
		return -ECONNREFUSED;
	/* Without the right to write, the QEMU version stays unknown (see domain_qemu). */
	caps = pxe_libvirt_connect(uri, true, NULL);
	rc = pxe_libvirt_describe(conn, caps, name, d, err);
	if (caps)
		virConnectClose(caps);
	virConnectClose(conn);
	return rc;
}

int pxe_libvirt_domain_xml(const char *uri, const char *name, char **xml, struct reipl_error *err)
{
	virConnectPtr conn = pxe_libvirt_connect(uri, true, err);
	virDomainPtr dom;
	int rc = 0;

	*xml = NULL;
	if (!conn)
		return -ECONNREFUSED;
	dom = virDomainLookupByName(conn, name);
	if (!dom)
		dom = virDomainLookupByUUIDString(conn, name);
	if (!dom) {
		rc = reipl_fail(err, -ENOENT, "libvirt has no domain named '%.60s'", name);
	} else {
		*xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
		if (!*xml)
			rc = reipl_fail(err, -EIO, "cannot read the XML of domain '%.60s': %s",
					name, pxe_libvirt_why());
		virDomainFree(dom);
	}
	virConnectClose(conn);
	return rc;
}

int pxe_libvirt_define(const char *uri, const char *xml, struct reipl_error *err)
{
	virConnectPtr conn = pxe_libvirt_connect(uri, true, err);
	virDomainPtr dom;
	int rc = 0;

	if (!conn)
		return -ECONNREFUSED;
	dom = virDomainDefineXML(conn, xml);
	if (!dom) {
		rc = reipl_fail(err, -EIO, "libvirt refused the domain: %s", pxe_libvirt_why());
	} else {
		virDomainFree(dom);
	}
	virConnectClose(conn);
	return rc;
}

int pxe_libvirt_network_xml(const char *uri, const char *name, char **xml, struct reipl_error *err)
{
	virConnectPtr conn = pxe_libvirt_connect(uri, false, err);
	virNetworkPtr net;
	int rc = 0;

	if (!conn)
		return -ECONNREFUSED;
	net = virNetworkLookupByName(conn, name);
	if (!net) {
		rc = reipl_fail(err, -ENOENT, "libvirt has no network named '%.60s'", name);
	} else {
		*xml = virNetworkGetXMLDesc(net, 0);
		if (!*xml)
			rc = reipl_fail(err, -EIO, "cannot read the XML of network '%.60s'", name);
		virNetworkFree(net);
	}
	virConnectClose(conn);
	return rc;
}

int pxe_libvirt_name_of(const char *uri, void **conn_cache, const char *uuid, char *name,
			size_t len)
{
	virDomainPtr dom;
	const char *n;

	if (!*conn_cache)
		*conn_cache = pxe_libvirt_connect(uri, false, NULL);
	if (!*conn_cache)
		return -ECONNREFUSED;
	dom = virDomainLookupByUUIDString(*conn_cache, uuid);
	if (!dom)
		return -ENOENT;
	n = virDomainGetName(dom);
	snprintf(name, len, "%s", n ? n : "");
	virDomainFree(dom);
	return 0;
}

void pxe_libvirt_release(void *conn_cache)
{
	if (conn_cache)
		virConnectClose(conn_cache);
}
