// SPDX-License-Identifier: GPL-2.0
/*
 * network.c - doctor's look at a libvirt network's XML: does it serve the TFTP root, hand
 * out the boot file that makes the firmware look up pxelinux.cfg/, and skip dnsmasq's
 * ping before each offer.
 */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "virt/network.h"

#define DNSMASQ_NS "http://libvirt.org/schemas/network/dnsmasq/1.0"

static char *xpath_string(xmlXPathContextPtr ctx, const char *expr)
{
	xmlXPathObjectPtr res = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	char *value = NULL;

	if (res && res->nodesetval && res->nodesetval->nodeNr > 0) {
		xmlChar *v = xmlNodeGetContent(res->nodesetval->nodeTab[0]);

		if (v)
			value = strdup((const char *)v);
		xmlFree(v);
	}
	xmlXPathFreeObject(res);
	return value;
}

static bool same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

void pxe_doctor_network(const char *root, const char *xml, const char *name,
			struct pxe_findings *out)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "network.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlXPathContextPtr ctx;
	char subject[96], *tftp, *bootp, *noping;

	snprintf(subject, sizeof(subject), "network %.60s", name);
	if (!doc) {
		pxe_findings_add(out, subject, 0, PXE_ERROR, "its XML cannot be parsed");
		return;
	}
	ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, (const xmlChar *)"dnsmasq", (const xmlChar *)DNSMASQ_NS);
	tftp = xpath_string(ctx, "/network/ip/tftp/@root");
	bootp = xpath_string(ctx, "/network/ip/dhcp/bootp/@file");
	noping = xpath_string(ctx, "/network/dnsmasq:options/dnsmasq:option[@value='no-ping']"
				   "/@value");
	if (!tftp)
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "serves no TFTP: add <tftp root='%.80s'/> to its <ip>", root);
	else if (!same_dir(tftp, root))
		pxe_findings_add(out, subject, 0, PXE_ERROR, "serves TFTP from %.80s, not %.80s",
				 tftp, root);
	if (!bootp)
		pxe_findings_add(out, subject, 0, PXE_ERROR,
				 "hands out no boot file: add <bootp file='/'/> to its <dhcp>, so "
				 "the firmware looks up pxelinux.cfg/");
	else if (bootp[0] == '\0' || bootp[strlen(bootp) - 1] != '/')
		pxe_findings_add(
			out, subject, 0, PXE_WARNING,
			"hands out boot file '%.60s': the firmware loads it directly "
			"instead of looking up pxelinux.cfg/ per guest; use <bootp file='/'/>",
			bootp);
	if (!noping)
		pxe_findings_add(
			out, subject, 0, PXE_WARNING,
			"dnsmasq pings each address before offering it, and the firmware's "
			"DHCP gives up meanwhile: 5-7 s lost per boot; add the dnsmasq "
			"option no-ping (xmlns:dnsmasq='" DNSMASQ_NS "')");
	free(tftp);
	free(bootp);
	free(noping);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
}
