// SPDX-License-Identifier: GPL-2.0
/*
 * provision.c - entries and the domain definitions that follow them, written all or none
 * (see provision.h); and a definition set to follow its entry after a flip (for settle.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/host.h"
#include "virt/libvirt.h"
#include "virt/libvirt_conn.h"
#include "virt/provision.h"

struct definition {
	char *old, *new; /* the domain's XML as it was, and as it is to be */
	char *written;	 /* as libvirt keeps it after our definition (NULL: not read) */
	bool changed;
};

static void free_all(struct definition *d, size_t n)
{
	size_t i;

	for (i = 0; d && i < n; i++) {
		free(d[i].old);
		free(d[i].new);
		free(d[i].written);
	}
	free(d);
}

/*
 * Put back the definitions @d[0..@n) that changed, each only while it is still the one we
 * wrote: an admin's definition made since is left as it is, as pxe_plan_put_back leaves a
 * file. How many were not put back; the first reason into @why.
 */
static size_t define_back(const char *uri, const struct pxe_plan *plans, const struct definition *d,
			  size_t n, char *why, size_t len)
{
	struct reipl_error err;
	size_t failed = 0, i;
	char *now;
	int rc;

	for (i = 0; i < n; i++) {
		if (!d[i].changed)
			continue;
		if (!d[i].written)
			rc = reipl_fail(&err, -ESTALE,
					"domain '%.60s' could not be read back after our "
					"definition: left as it is",
					plans[i].given);
		else if ((rc = pxe_libvirt_domain_xml(uri, plans[i].dom.uuid, &now, &err)) == 0) {
			rc = strcmp(now, d[i].written) == 0
				     ? pxe_libvirt_define(uri, d[i].old, &err)
				     : reipl_fail(&err, -ESTALE,
						  "domain '%.60s' changed meanwhile: left as it is",
						  plans[i].given);
			free(now);
		}
		if (rc && failed++ == 0)
			snprintf(why, len, "%s", err.msg);
	}
	return failed;
}

int pxe_provision_write(const char *uri, struct pxe_tree *t, const struct pxe_write_request *r,
			struct pxe_plan *plans, size_t n, struct reipl_error *err)
{
	char what[REIPL_ERROR_MAX], why[REIPL_ERROR_MAX], why_files[REIPL_ERROR_MAX];
	struct reipl_error read_err;
	struct definition *d;
	size_t i, files, doms;
	int rc;

	if ((rc = pxe_plan_all(t, r, plans, n, err)))
		return rc;
	d = calloc(n ? n : 1, sizeof(*d));
	if (!d)
		return reipl_fail(err, -ENOMEM, "out of memory");
	for (i = 0; i < n && rc == 0; i++) {
		struct pxe_plan *p = &plans[i];

		p->host_changed = false;
		if (p->host_to == PXE_HOST_NONE)
			continue;
		if ((rc = pxe_libvirt_domain_xml(uri, p->dom.uuid, &d[i].old, err)) ||
		    (rc = pxe_host_xml(d[i].old, p->host_to, &d[i].new, &d[i].changed, err))) {
			snprintf(what, sizeof(what), "%.200s", err->msg);
			rc = reipl_fail(err, rc, "domain '%.60s': %s", p->given, what);
		}
	}
	if (rc == 0)
		rc = pxe_plan_commit(t, r, plans, n, err);
	for (i = 0; i < n && rc == 0; i++) {
		if (!d[i].changed)
			continue;
		if ((rc = pxe_libvirt_define(uri, d[i].new, err)) == 0) {
			plans[i].host_changed = true;
			/* what a put-back compares with (unread: it is left as it is) */
			pxe_libvirt_domain_xml(uri, plans[i].dom.uuid, &d[i].written, &read_err);
			continue;
		}
		snprintf(what, sizeof(what), "domain '%.60s': %.150s", plans[i].given, err->msg);
		doms = define_back(uri, plans, d, i, why, sizeof(why));
		files = pxe_plan_put_back(t, plans, n, why_files, sizeof(why_files));
		if (doms || files)
			rc = reipl_fail(
				err, rc,
				"%s; %zu definition%s and %zu file%s could not be put back: %s",
				what, doms, doms == 1 ? "" : "s", files, files == 1 ? "" : "s",
				doms ? why : why_files);
		else
			rc = reipl_fail(err, rc,
					"%s; put back the files and definitions written "
					"before it",
					what);
	}
	free_all(d, n);
	return rc;
}

int pxe_libvirt_host_follow(virConnectPtr conn, const char *uuid, enum pxe_host_state to,
			    bool *changed, struct reipl_error *err)
{
	virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid);
	char *xml = NULL, *next = NULL;
	virDomainPtr defined;
	int rc = 0;

	*changed = false;
	if (!dom)
		return reipl_fail(err, -ENOENT, "libvirt has no domain %s", uuid);
	xml = virDomainIsPersistent(dom) == 1
		      ? virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE)
		      : NULL;
	virDomainFree(dom);
	if (!xml || pxe_host_state_of(xml) == PXE_HOST_NONE || pxe_host_state_of(xml) == to) {
		free(xml);
		return 0;
	}
	rc = pxe_host_xml(xml, to, &next, changed, err);
	if (rc == 0 && *changed) {
		defined = virDomainDefineXML(conn, next);
		if (!defined)
			rc = reipl_fail(err, -EIO, "libvirt refused the definition: %s",
					pxe_libvirt_why());
		else
			virDomainFree(defined);
		*changed = rc == 0;
	}
	free(xml);
	free(next);
	return rc;
}
