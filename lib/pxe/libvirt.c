// SPDX-License-Identifier: GPL-2.0
/*
 * libvirt.c - domain and network look-ups through the libvirt API.
 */
#include <errno.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "libvirt.h"

/* libvirt prints every error to stderr by default; ours are reported through @err. */
static void quiet(void *data, virErrorPtr error)
{
	(void)data;
	(void)error;
}

static virConnectPtr connect_ro(const char *uri, struct reipl_error *err)
{
	virConnectPtr conn;

	virSetErrorFunc(NULL, quiet);
	conn = virConnectOpenReadOnly(uri);
	if (!conn) {
		const char *why = virGetLastErrorMessage();

		reipl_fail(err, -ECONNREFUSED, "cannot connect to libvirt%s%s: %s",
			   uri ? " at " : "", uri ? uri : "", why ? why : "unknown error");
	}
	return conn;
}

static void domain_macs(const char *xml, struct pxe_domain *d)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL, XML_PARSE_NONET);
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

int pxe_libvirt_domain(const char *uri, const char *name, struct pxe_domain *d,
		       struct reipl_error *err)
{
	virConnectPtr conn = connect_ro(uri, err);
	virDomainPtr dom;
	char *xml;
	int rc = 0;

	memset(d, 0, sizeof(*d));
	if (!conn)
		return -ECONNREFUSED;
	dom = virDomainLookupByName(conn, name);
	if (!dom) {
		rc = reipl_fail(err, -ENOENT, "libvirt has no domain named '%.60s'", name);
		goto out;
	}
	if (virDomainGetUUIDString(dom, d->uuid) != 0) {
		rc = reipl_fail(err, -EIO, "cannot read the UUID of domain '%.60s'", name);
	} else {
		xml = virDomainGetXMLDesc(dom, 0);
		if (xml) {
			domain_macs(xml, d);
			free(xml);
		}
	}
	virDomainFree(dom);
out:
	virConnectClose(conn);
	return rc;
}

int pxe_libvirt_network_xml(const char *uri, const char *name, char **xml, struct reipl_error *err)
{
	virConnectPtr conn = connect_ro(uri, err);
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
