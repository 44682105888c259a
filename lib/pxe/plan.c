// SPDX-License-Identifier: GPL-2.0
/*
 * plan.c - the entries of `pxe local/install` and `reprovision`, planned for every guest
 * before any is written, then written all or none (see plan.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pxe/entry.h"
#include "pxe/fwgen.h"
#include "pxe/helpers.h"
#include "pxe/once.h"
#include "pxe/plan.h"

static bool helper_asked(const struct pxe_write_request *r)
{
	return r->target || r->kernel || r->initrd || r->append;
}

/* The local method for @p: the one asked for, or auto's choice; the options must fit it. */
static int local_method(const struct pxe_tree *t, const struct pxe_write_request *r,
			struct pxe_plan *p, struct reipl_error *err)
{
	const char *payload = r->payload ? r->payload : PXE_PAYLOAD_FILE;
	const struct pxe_domain *dom = &p->dom;
	struct pxe_method_facts f = { 0 };
	struct reipl_error why;
	int rc;

	p->method = PXE_METHOD_AUTO;
	p->why[0] = '\0';
	if (r->method && (rc = pxe_method_parse(r->method, &p->method, err)))
		return rc;
	if (r->payload && p->method != PXE_METHOD_AUTO && p->method != PXE_METHOD_PAYLOAD)
		return reipl_fail(err, -EINVAL, "--payload is for --method payload, not %s",
				  r->method);
	if (r->payload)
		p->method = PXE_METHOD_PAYLOAD;
	if (p->method == PXE_METHOD_AUTO) {
		f.follows_entry = dom->host != PXE_HOST_NONE;
		f.secure_ipl = dom->ipl_mode != PXE_IPL_NORMAL;
		f.have_domain = p->g.kind == PXE_GUEST_UUID && dom->uuid[0] &&
				pxe_domain_fwgen(dom, &f.gen);
		f.net_then_disk = pxe_domain_disk_after_net(dom);
		f.helper_asked = helper_asked(r);
		f.payload_target =
			pxe_entry_payload_target(r->target, NULL) == 0 && !r->kernel && !r->initrd;
		f.payload_in_root = pxe_check_path("payload", payload, NULL) == 0 &&
				    faccessat(t->rootfd, payload, F_OK, 0) == 0;
		p->method = pxe_method_choose(&f, p->why, sizeof(p->why));
	}
	if (p->method != PXE_METHOD_HOST && dom->host != PXE_HOST_NONE)
		return reipl_fail(err, -EINVAL,
				  "its domain's definition follows its entry (--method host): "
				  "give that, or hand the boot order back first ('reboot-s390x "
				  "boot-order %.60s')",
				  p->given);
	if (p->method == PXE_METHOD_HOST && helper_asked(r))
		return reipl_fail(err, -EINVAL,
				  "--method host writes no entry: the domain boots its disk alone, "
				  "so --target, --kernel, --initrd and --append do not apply");
	if (p->method == PXE_METHOD_FALLBACK && helper_asked(r))
		return reipl_fail(err, -EINVAL,
				  "--method fallback writes no entry: the disk's own boot record "
				  "decides, so --target, --kernel, --initrd and --append do not apply");
	if (p->method == PXE_METHOD_PAYLOAD && (r->kernel || r->initrd))
		return reipl_fail(err, -EINVAL, "the payload replaces --kernel and --initrd");
	if (p->method == PXE_METHOD_PAYLOAD && pxe_entry_payload_target(r->target, &why))
		return reipl_fail(err, -EINVAL, "--target \"%s\": %s", r->target ? r->target : "auto",
				  why.msg);
	return 0;
}

/* The text of @p's local entry (@r->local) or install entry. */
static int compose(const struct pxe_tree *t, const struct pxe_write_request *r,
		   struct pxe_plan *p, struct reipl_error *err)
{
	int rc;

	p->kernel = r->kernel;
	p->initrd = r->initrd;
	p->method = PXE_METHOD_LINUX;
	if (r->local && (rc = local_method(t, r, p, err)))
		return rc;
	if (r->local && p->method == PXE_METHOD_PAYLOAD) {
		p->kernel = r->payload ? r->payload : PXE_PAYLOAD_FILE;
		p->initrd = NULL; /* the payload entry is its own initrd */
	} else if (r->local && p->method == PXE_METHOD_LINUX) {
		pxe_helper_linux_names(t, &p->kernel, &p->initrd);
		p->kernel = r->kernel ? r->kernel : p->kernel;
		p->initrd = r->initrd ? r->initrd : p->initrd;
	}
	if (!r->local)
		return pxe_entry_install(p->kernel, p->initrd, r->append, p->text, sizeof(p->text),
					 err);
	if (p->method == PXE_METHOD_HOST) {
		p->kernel = p->initrd = NULL;
		p->host_to = PXE_HOST_LOCAL;
		return pxe_entry_host(p->text, sizeof(p->text), err);
	}
	if (p->method == PXE_METHOD_FALLBACK) {
		p->kernel = p->initrd = NULL;
		p->warn_fallback = !pxe_domain_disk_after_net(&p->dom);
		p->warn_qemu_9_2 = p->dom.qemu_known && p->dom.qemu_major == 9 &&
				   p->dom.qemu_minor == 2;
		return pxe_entry_fallback(p->text, sizeof(p->text), err);
	}
	if (p->method == PXE_METHOD_PAYLOAD)
		return pxe_entry_payload(p->name, p->kernel, r->target, r->append, p->text,
					 sizeof(p->text), err);
	return pxe_entry_local(r->target, p->kernel, p->initrd, r->append, p->text,
			       sizeof(p->text), err);
}

/*
 * install --once: the install entry, and the local entry it turns into, planned with the
 * local options (--target, --method, --payload; the helper's own files and append).
 */
static int compose_once(const struct pxe_tree *t, const struct pxe_write_request *r,
			struct pxe_plan *p, struct reipl_error *err)
{
	struct pxe_plan later;
	struct pxe_write_request lr = *r, ir = *r;
	char install[PXE_CFG_BUFFER];
	int rc;

	if ((rc = pxe_once_guest_check(&p->g, err)))
		return rc;
	lr.local = true;
	lr.kernel = lr.initrd = lr.append = NULL;
	ir.once = false;
	ir.target = ir.method = ir.payload = NULL;
	later = *p;
	if ((rc = compose(t, &lr, &later, err)) || (rc = compose(t, &ir, p, err)))
		return rc;
	memcpy(install, p->text, sizeof(install));
	p->method = later.method;
	p->host_to = later.method == PXE_METHOD_HOST ? PXE_HOST_INSTALL : PXE_HOST_NONE;
	memcpy(p->why, later.why, sizeof(p->why));
	return pxe_once_compose(install, later.text, p->text, sizeof(p->text), err);
}

/* What @p replaces: none, or a file of ours (any, with @r->force) the firmware can read. */
static int read_old(const struct pxe_tree *t, const struct pxe_write_request *r,
		    struct pxe_plan *p, struct reipl_error *err)
{
	size_t size;
	int rc;

	p->existed = false;
	if (t->cfgfd < 0)
		return 0;
	rc = pxe_tree_read(t, p->name, p->old, sizeof(p->old), &size, err);
	if (rc == -ENOENT)
		return 0;
	if (rc == -ELOOP)
		return reipl_fail(err, rc, "pxelinux.cfg/%s is a symlink: refusing to write through it",
				  p->name);
	if (rc)
		return rc;
	if (size > sizeof(p->old))
		return reipl_fail(err, -EFBIG,
				  "pxelinux.cfg/%s is larger than any file the firmware reads: "
				  "remove it first",
				  p->name);
	if (!r->force && !pxe_entry_is_ours(p->old, size))
		return reipl_fail(err, -EPERM,
				  "pxelinux.cfg/%s was not written by reboot-s390x (Foreman's?): "
				  "--force replaces it",
				  p->name);
	p->existed = true;
	p->old_len = size;
	return 0;
}

/*
 * A plain install (no --once) on a domain that follows its entry, or has secure IPL on, or
 * with --method host: the definition is set for the installer too. Any other method is
 * the local entry's, which a plain install does not write.
 */
static int install_method(const struct pxe_write_request *r, struct pxe_plan *p,
			  struct reipl_error *err)
{
	enum pxe_method m = PXE_METHOD_AUTO;
	int rc;

	if (r->method && (rc = pxe_method_parse(r->method, &m, err)))
		return rc;
	if (m != PXE_METHOD_AUTO && m != PXE_METHOD_HOST)
		return reipl_fail(err, -EINVAL,
				  "--method %s is the local entry's: 'install' takes it with "
				  "--once (without, only host or auto)",
				  r->method);
	if (m == PXE_METHOD_HOST || p->dom.host != PXE_HOST_NONE ||
	    p->dom.ipl_mode != PXE_IPL_NORMAL)
		p->host_to = PXE_HOST_INSTALL;
	return 0;
}

/* --method host changes a domain's definition: there must be one. */
static int host_domain(const struct pxe_plan *p, struct reipl_error *err)
{
	if (!p->dom.uuid[0])
		return reipl_fail(err, -EINVAL,
				  "--method host changes the guest's libvirt domain: name it by "
				  "its domain name, not '%.60s'",
				  p->given);
	if (!p->dom.persistent)
		return reipl_fail(err, -EINVAL,
				  "domain '%.60s' is transient (not defined): --method host "
				  "changes its definition",
				  p->given);
	return 0;
}

int pxe_plan_entry(const struct pxe_tree *t, const struct pxe_write_request *r,
		   struct pxe_plan *p, struct reipl_error *err)
{
	int rc = 0;

	if (p->g.kind == PXE_GUEST_NAME || p->g.kind == PXE_GUEST_IP)
		return reipl_fail(err, -EINVAL, "'%s' is not a guest's file name", p->given);
	pxe_guest_file(&p->g, p->name, sizeof(p->name));
	p->warn_fallback = p->warn_qemu_9_2 = false;
	p->changed = p->kernel_missing = p->initrd_missing = false;
	if (!r->local && (!r->kernel || !r->initrd))
		return reipl_fail(err, -EINVAL, "--kernel and --initrd are required");
	p->host_to = PXE_HOST_NONE;
	if (!r->local && !r->once)
		rc = install_method(r, p, err);
	if (rc == 0)
		rc = !r->local && r->once ? compose_once(t, r, p, err) : compose(t, r, p, err);
	if (rc == 0 && p->host_to != PXE_HOST_NONE)
		rc = host_domain(p, err);
	return rc ? rc : read_old(t, r, p, err);
}

size_t pxe_plan_put_back(const struct pxe_tree *t, const struct pxe_plan *plans, size_t n,
			 char *why, size_t len)
{
	char now[PXE_CFG_BUFFER];
	struct reipl_error err;
	size_t failed = 0, i, size;
	bool changed;

	why[0] = '\0';
	for (i = 0; i < n; i++) {
		const struct pxe_plan *p = &plans[i];
		size_t ours = strlen(p->text);
		int rc;

		if (p->existed)
			rc = pxe_tree_replace(t, p->name, p->text, ours, p->old, p->old_len,
					      &changed, &err);
		else if ((rc = pxe_tree_read(t, p->name, now, sizeof(now), &size, &err)) == 0)
			rc = size == ours && memcmp(now, p->text, ours) == 0
				     ? pxe_tree_remove(t, p->name, &err)
				     : reipl_fail(&err, -ESTALE,
						  "pxelinux.cfg/%s changed meanwhile: left as it is",
						  p->name);
		if (rc && rc != -ENOENT && failed++ == 0)
			snprintf(why, len, "%s", err.msg);
	}
	return failed;
}

int pxe_plan_all(const struct pxe_tree *t, const struct pxe_write_request *r,
		 struct pxe_plan *plans, size_t n, struct reipl_error *err)
{
	size_t i, j;
	int rc;

	for (i = 0; i < n; i++) {
		if ((rc = pxe_plan_entry(t, r, &plans[i], err)))
			return rc;
		for (j = 0; j < i; j++)
			if (strcmp(plans[j].name, plans[i].name) == 0)
				return reipl_fail(err, -EINVAL,
						  "'%s' and '%s' are the same file, pxelinux.cfg/%s",
						  plans[j].given, plans[i].given, plans[i].name);
	}
	return 0;
}

int pxe_plan_write(struct pxe_tree *t, const struct pxe_write_request *r, struct pxe_plan *plans,
		   size_t n, struct reipl_error *err)
{
	int rc = pxe_plan_all(t, r, plans, n, err);

	return rc ? rc : pxe_plan_commit(t, r, plans, n, err);
}

int pxe_plan_commit(struct pxe_tree *t, const struct pxe_write_request *r, struct pxe_plan *plans,
		    size_t n, struct reipl_error *err)
{
	char why[REIPL_ERROR_MAX], what[REIPL_ERROR_MAX];
	size_t i, failed;
	int rc;

	/* Only now, with everything checked, may pxelinux.cfg/ be created and written. */
	if ((rc = pxe_tree_create_cfg(t, err)))
		return rc;
	for (i = 0; i < n; i++) {
		struct pxe_plan *p = &plans[i];

		rc = pxe_tree_write(t, p->name, p->text, strlen(p->text), &p->changed, err);
		if (rc == 0)
			continue;
		if (i == 0)
			return rc;
		snprintf(what, sizeof(what), "%s", err->msg);
		failed = pxe_plan_put_back(t, plans, i, why, sizeof(why));
		if (failed)
			return reipl_fail(err, rc,
					  "%s; %zu of the %zu files written before it could not be "
					  "put back: %s",
					  what, failed, i, why);
		return reipl_fail(err, rc, "%s; put back the %zu file%s written before it", what, i,
				  i == 1 ? "" : "s");
	}
	for (i = 0; i < n && r->local; i++) {
		struct pxe_plan *p = &plans[i];

		p->kernel_missing = p->kernel && faccessat(t->rootfd, p->kernel, F_OK, 0) != 0;
		p->initrd_missing = p->initrd && faccessat(t->rootfd, p->initrd, F_OK, 0) != 0;
	}
	return 0;
}
