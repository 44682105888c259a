// SPDX-License-Identifier: GPL-2.0
/*
 * pxecmd_write.c - pxe local, install and remove: every guest's entry is worked out and
 * checked before any file is written, and a failed write puts back what was there.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "pxe/entry.h"
#include "pxe/fwgen.h"
#include "pxe/guest.h"
#include "pxe/helpers.h"
#include "pxe/libvirt.h"
#include "pxe/method.h"
#include "pxe/once.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"
#include "pxecmd.h"

/* A guest, with a domain name resolved to its UUID (and its MACs, for show). */
int pxecmd_guest(const struct pxe_opts *o, const char *text, struct pxe_guest *g,
		 struct pxe_domain *dom)
{
	struct reipl_error err;

	memset(dom, 0, sizeof(*dom));
	if (pxe_guest_parse(text, g, &err))
		return cli_error("pxe: %s", err.msg);
	if (g->kind != PXE_GUEST_NAME)
		return 0;
	if (pxe_libvirt_domain(o->connect, g->name, dom, &err))
		return cli_error("pxe: guest '%s': %s", g->name, err.msg);
	g->kind = PXE_GUEST_UUID;
	memcpy(g->uuid, dom->uuid, sizeof(g->uuid));
	return 0;
}

void pxecmd_put_guest(const char *given, const struct pxe_guest *g)
{
	char who[64];

	pxe_guest_describe(g, who, sizeof(who));
	cli_put_escaped(stdout, given);
	if (strcmp(given, who) != 0)
		printf(" (%s)", who);
}

/*
 * Open the tree; a missing pxelinux.cfg/ is fine when @create (it is made later, after
 * everything was checked). Returns 0, or EXIT_FAILURE after reporting.
 */
int pxecmd_open_tree(const struct pxe_opts *o, bool create, struct pxe_tree *t)
{
	struct reipl_error err;
	int rc = pxe_tree_open(o->root, false, t, &err);

	if (rc == 0 || (rc == -ENOENT && create && t->rootfd >= 0))
		return 0;
	pxe_tree_close(t);
	return cli_error("pxe: %s", err.msg);
}

/*
 * The local method for this guest: the one asked for, or auto's choice. Checks that the
 * options fit it. Returns 0, or EXIT_FAILURE after reporting.
 */
static int local_method(const struct pxe_opts *o, const struct pxe_tree *t,
			const struct pxe_guest *g, const struct pxe_domain *dom, enum pxe_method *m,
			char *why, size_t len)
{
	struct pxe_method_facts f = { 0 };
	struct reipl_error err;
	const char *payload = o->payload ? o->payload : PXE_PAYLOAD_FILE;

	*m = PXE_METHOD_AUTO;
	why[0] = '\0';
	if (o->method && pxe_method_parse(o->method, m, &err))
		return cli_error("pxe %s: %s", o->command, err.msg);
	if (o->payload && *m != PXE_METHOD_AUTO && *m != PXE_METHOD_PAYLOAD)
		return cli_error("pxe %s: --payload is for --method payload, not %s", o->command,
				 o->method);
	if (o->payload)
		*m = PXE_METHOD_PAYLOAD;
	if (*m == PXE_METHOD_AUTO) {
		f.have_domain = g->kind == PXE_GUEST_UUID && dom->uuid[0] && dom->qemu_known;
		if (f.have_domain)
			f.gen = pxe_fwgen_of_qemu(dom->qemu_major, dom->qemu_minor);
		f.net_then_disk = dom->net_first && dom->disk_second;
		f.helper_asked = o->target || o->kernel || o->initrd || o->append;
		f.payload_target =
			pxe_entry_payload_target(o->target, NULL) == 0 && !o->kernel && !o->initrd;
		f.payload_in_root = pxe_check_path("payload", payload, NULL) == 0 &&
				    faccessat(t->rootfd, payload, F_OK, 0) == 0;
		*m = pxe_method_choose(&f, why, len);
	}
	if (*m == PXE_METHOD_FALLBACK && (o->target || o->kernel || o->initrd || o->append))
		return cli_error("pxe %s: --method fallback writes no entry: the disk's own boot "
				 "record decides, so --target, --kernel, --initrd and --append do "
				 "not apply",
				 o->command);
	if (*m == PXE_METHOD_PAYLOAD && (o->kernel || o->initrd))
		return cli_error("pxe %s: the payload replaces --kernel and --initrd", o->command);
	if (*m == PXE_METHOD_PAYLOAD && pxe_entry_payload_target(o->target, &err))
		return cli_error("pxe %s: --target \"%s\": %s", o->command,
				 o->target ? o->target : "auto", err.msg);
	return 0;
}

/* One guest's entry, worked out before anything is written. */
struct planned {
	const char *guest;
	struct pxe_guest g; /* as the firmware knows it */
	char name[64], why[160];
	const char *kernel, *initrd;
	enum pxe_method method;
	bool warn_fallback;
	char text[PXE_CFG_BUFFER]; /* an install-once file holds two entries */
	/* What was there, to put back when a later write fails. */
	bool existed;
	char old[PXE_CFG_BUFFER];
	size_t old_len;
};

static int plan_entry(const struct pxe_opts *o, bool local, const struct pxe_tree *t,
		      const char *guest, struct planned *p);

/*
 * install --once: the install entry, and the local entry it turns into, planned with the
 * local options (--target, --method, --payload; the helper's own files and append).
 */
static int plan_once(const struct pxe_opts *o, const struct pxe_tree *t, const char *guest,
		     struct planned *p)
{
	static struct planned later;
	struct pxe_opts lo = *o, io = *o;
	struct reipl_error err;
	char install[PXE_FILE_MAX];
	int rc;

	lo.kernel = lo.initrd = lo.append = NULL;
	io.once = false;
	io.target = io.method = io.payload = NULL;
	if ((rc = plan_entry(&lo, true, t, guest, &later)) ||
	    (rc = plan_entry(&io, false, t, guest, p)))
		return rc;
	if (pxe_once_guest_check(&p->g, &err))
		return cli_error("pxe install: %s", err.msg);
	memcpy(install, p->text, sizeof(install));
	p->method = later.method;
	memcpy(p->why, later.why, sizeof(p->why));
	if (pxe_once_compose(install, later.text, p->text, sizeof(p->text), &err))
		return cli_error("pxe install: %s", err.msg);
	return 0;
}

static int plan_entry(const struct pxe_opts *o, bool local, const struct pxe_tree *t,
		      const char *guest, struct planned *p)
{
	struct pxe_domain dom;
	struct reipl_error err;
	struct pxe_guest g;
	size_t size;
	int rc;

	memset(p, 0, sizeof(*p));
	p->guest = guest;
	p->kernel = o->kernel;
	p->initrd = o->initrd;
	p->method = PXE_METHOD_LINUX;
	if ((rc = pxecmd_guest(o, guest, &g, &dom)))
		return rc;
	if (local && local_method(o, t, &g, &dom, &p->method, p->why, sizeof(p->why)))
		return EXIT_FAILURE;
	pxe_guest_file(&g, p->name, sizeof(p->name));
	p->g = g;
	if (local && p->method == PXE_METHOD_PAYLOAD) {
		p->kernel = o->payload ? o->payload : PXE_PAYLOAD_FILE;
	} else if (local && p->method == PXE_METHOD_LINUX) {
		pxe_helper_linux_names(t, &p->kernel, &p->initrd);
		p->kernel = o->kernel ? o->kernel : p->kernel;
		p->initrd = o->initrd ? o->initrd : p->initrd;
	}
	if (!local && o->once)
		return plan_once(o, t, guest, p);
	if (!local)
		rc = pxe_entry_install(p->kernel, p->initrd, o->append, p->text, sizeof(p->text),
				       &err);
	else if (p->method == PXE_METHOD_FALLBACK)
		rc = pxe_entry_fallback(p->text, sizeof(p->text), &err);
	else if (p->method == PXE_METHOD_PAYLOAD)
		rc = pxe_entry_payload(p->name, p->kernel, o->target, o->append, p->text,
				       sizeof(p->text), &err);
	else
		rc = pxe_entry_local(o->target, p->kernel, p->initrd, o->append, p->text,
				     sizeof(p->text), &err);
	if (rc)
		return cli_error("pxe %s: %s", o->command, err.msg);
	p->warn_fallback = p->method == PXE_METHOD_FALLBACK && !(dom.net_first && dom.disk_second);
	rc = t->cfgfd < 0 ? -ENOENT
			  : pxe_tree_read(t, p->name, p->old, sizeof(p->old), &size, &err);
	if (rc == 0) {
		p->existed = true;
		p->old_len = size < sizeof(p->old) ? size : sizeof(p->old);
		if (size > sizeof(p->old))
			return cli_error("pxe %s: pxelinux.cfg/%s is larger than any file the "
					 "firmware reads: remove it first",
					 o->command, p->name);
		if (!o->force && !pxe_entry_is_ours(p->old, p->old_len))
			return cli_error("pxe %s: pxelinux.cfg/%s was not written by " PROGRAM
					 " (Foreman's?): --force replaces it",
					 o->command, p->name);
	} else if (rc == -ELOOP) {
		return cli_error(
			"pxe %s: pxelinux.cfg/%s is a symlink: refusing to write through it",
			o->command, p->name);
	} else if (rc != -ENOENT) {
		return cli_error("pxe %s: %s", o->command, err.msg);
	}
	return 0;
}

/* What was written for one guest, and what the guest still lacks in the root. */
static void report_entry(const struct pxe_opts *o, bool local, const struct pxe_tree *t,
			 const struct planned *p, bool changed)
{
	printf("pxelinux.cfg/%s: %s%s%s for ", p->name,
	       local	 ? "local"
	       : o->once ? "install once, then local"
			 : "install",
	       (local || o->once) && o->target ? ", target " : "",
	       (local || o->once) && o->target ? o->target : "");
	pxecmd_put_guest(p->guest, &p->g);
	if (local || o->once)
		printf(", method %s%s%s%s", pxe_method_name(p->method), p->why[0] ? " (" : "",
		       p->why, p->why[0] ? ")" : "");
	printf("%s\n", changed ? "" : " (unchanged)");
	if (local && p->method != PXE_METHOD_FALLBACK &&
	    faccessat(t->rootfd, p->kernel, F_OK, 0) != 0)
		cli_warn("%s is not in the TFTP root yet", p->kernel);
	/* A payload entry's initrd is the entry itself. */
	if (local && p->method == PXE_METHOD_LINUX && faccessat(t->rootfd, p->initrd, F_OK, 0) != 0)
		cli_warn("%s is not in the TFTP root yet (see '" PROGRAM " mkinitrd')", p->initrd);
	if (p->warn_fallback)
		cli_warn("this boots the disk only on QEMU 9.2 and later, with the disk right "
			 "after the network in the guest's boot order");
}

/* Put back the files of @plans[0..@n) as they were before this call. */
static void restore(const struct pxe_tree *t, const struct planned *plans, int n)
{
	struct reipl_error err;
	bool changed;
	int i;

	for (i = 0; i < n; i++) {
		int rc = plans[i].existed ? pxe_tree_write(t, plans[i].name, plans[i].old,
							   plans[i].old_len, &changed, &err)
					  : pxe_tree_remove(t, plans[i].name, &err);

		fprintf(stderr, PROGRAM ": %s pxelinux.cfg/%s%s%s\n",
			rc ? "could not put back" : "put back", plans[i].name, rc ? ": " : "",
			rc ? err.msg : "");
	}
}

/*
 * local and install, for any number of guests: every guest's entry is worked out and
 * checked first; only then are the files written. A failed write puts back the ones
 * written before it.
 */
int pxecmd_write(const struct pxe_opts *o, bool local)
{
	static struct planned plans[PXE_GUESTS_MAX];
	struct reipl_error err;
	enum pxe_method method;
	struct pxe_tree t;
	bool changed[PXE_GUESTS_MAX];
	int rc, i;

	/* (checked again per guest; here, before libvirt is asked about any of them) */
	if (o->method && pxe_method_parse(o->method, &method, &err))
		return cli_error("pxe %s: %s", o->command, err.msg);
	if (!local && (!o->kernel || !o->initrd))
		return cli_error("pxe install: --kernel and --initrd are required");
	if (pxecmd_open_tree(o, true, &t))
		return EXIT_FAILURE;
	for (i = 0; i < o->nguests; i++) {
		int j;

		if ((rc = plan_entry(o, local, &t, o->guests[i], &plans[i]))) {
			pxe_tree_close(&t);
			return rc;
		}
		for (j = 0; j < i; j++)
			if (strcmp(plans[j].name, plans[i].name) == 0) {
				pxe_tree_close(&t);
				return cli_error("pxe %s: '%s' and '%s' are the same file, "
						 "pxelinux.cfg/%s",
						 o->command, o->guests[j], o->guests[i],
						 plans[i].name);
			}
	}
	/* Only now, with everything checked, may pxelinux.cfg/ be created and written. */
	if (pxe_tree_create_cfg(&t, &err)) {
		pxe_tree_close(&t);
		return cli_error("pxe %s: %s", o->command, err.msg);
	}
	for (i = 0; i < o->nguests; i++) {
		if (pxe_tree_write(&t, plans[i].name, plans[i].text, strlen(plans[i].text),
				   &changed[i], &err)) {
			cli_error("pxe %s: %s", o->command, err.msg);
			restore(&t, plans, i);
			pxe_tree_close(&t);
			return EXIT_FAILURE;
		}
	}
	for (i = 0; i < o->nguests; i++)
		report_entry(o, local, &t, &plans[i], changed[i]);
	pxe_tree_close(&t);
	return EXIT_SUCCESS;
}

/*
 * remove, for any number of guests: all files or none (a guest without a file is no
 * error: nothing to do).
 */
int pxecmd_remove(const struct pxe_opts *o)
{
	char names[PXE_GUESTS_MAX][64];
	const char *list[PXE_GUESTS_MAX];
	bool removed[PXE_GUESTS_MAX];
	struct pxe_domain dom;
	struct reipl_error err;
	struct pxe_guest g;
	struct pxe_tree t;
	int rc, i;

	for (i = 0; i < o->nguests; i++) {
		if ((rc = pxecmd_guest(o, o->guests[i], &g, &dom)))
			return rc;
		pxe_guest_file(&g, names[i], sizeof(names[i]));
		list[i] = names[i];
	}
	/* (no pxelinux.cfg/ at all: every guest is without a file) */
	if (pxecmd_open_tree(o, true, &t))
		return EXIT_FAILURE;
	rc = pxe_tree_remove_all(&t, list, (size_t)o->nguests, removed, &err);
	pxe_tree_close(&t);
	if (rc)
		return cli_error("pxe remove: %s", err.msg);
	for (i = 0; i < o->nguests; i++)
		printf("pxelinux.cfg/%s: %s\n", names[i],
		       removed[i] ? "removed" : "not there, nothing to remove");
	return EXIT_SUCCESS;
}
