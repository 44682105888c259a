// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_pxe_write.c - pxe local, install and remove, and reprovision's install entry: the
 * guests named, resolved through libvirt, handed to the planner (lib/pxe/plan.c), and
 * what was written reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "pxe/guest.h"
#include "virt/libvirt.h"
#include "pxe/method.h"
#include "pxe/plan.h"
#include "pxe/tree.h"
#include "virt/host.h"
#include "virt/provision.h"
#include "cmd_pxe.h"

/* A guest, with a domain name resolved to its UUID (and its MACs, for show). */
static int resolve(const char *command, const char *connect, const char *text,
		   struct pxe_guest *g, struct pxe_domain *dom)
{
	struct reipl_error err;

	memset(dom, 0, sizeof(*dom));
	if (pxe_guest_parse(text, g, &err))
		return cli_error("%s: %s", command, err.msg);
	if (g->kind != PXE_GUEST_NAME)
		return 0;
	if (pxe_libvirt_domain(connect, g->name, dom, &err))
		return cli_error("%s: guest '%s': %s", command, g->name, err.msg);
	g->kind = PXE_GUEST_UUID;
	memcpy(g->uuid, dom->uuid, sizeof(g->uuid));
	return 0;
}

int cmd_pxe_guest(const struct pxe_opts *o, const char *text, struct pxe_guest *g,
		 struct pxe_domain *dom)
{
	return resolve("pxe", o->connect, text, g, dom);
}

void cmd_pxe_put_guest(const char *given, const struct pxe_guest *g)
{
	char who[64];

	pxe_guest_describe(g, who, sizeof(who));
	cli_put_escaped(stdout, given);
	if (strcmp(given, who) != 0)
		printf(" (%s)", who);
}

/* Open the tree (pxe_tree_open). Returns 0, or EXIT_FAILURE after reporting. */
int cmd_pxe_open_tree(const char *command, const char *root, struct pxe_tree *t)
{
	struct reipl_error err;

	if (pxe_tree_open(root, t, &err) == 0)
		return 0;
	return cli_error("%s: %s", command, err.msg);
}

/* What was written for one guest, and what the guest still lacks in the root. */
static void report_entry(const struct pxe_write_request *r, const struct pxe_plan *p)
{
	bool local_too = r->local || r->once;

	printf("pxelinux.cfg/%s: %s%s%s for ", p->name,
	       r->local	 ? "local"
	       : r->once ? "install once, then local"
			 : "install",
	       local_too && r->target ? ", target " : "", local_too && r->target ? r->target : "");
	cmd_pxe_put_guest(p->given, &p->g);
	if (local_too)
		printf(", method %s%s%s%s", pxe_method_name(p->method), p->why[0] ? " (" : "",
		       p->why, p->why[0] ? ")" : "");
	printf("%s\n", p->changed ? "" : " (unchanged)");
	if (p->kernel_missing)
		cli_warn("%s is not in the TFTP root yet", p->kernel);
	if (p->initrd_missing)
		cli_warn("%s is not in the TFTP root yet (see '" PROGRAM " mkinitrd')", p->initrd);
	if (p->host_to != PXE_HOST_NONE) {
		printf("domain ");
		cli_put_escaped(stdout, p->given);
		printf(": %s from its next start%s\n",
		       p->host_to == PXE_HOST_INSTALL
			       ? "boots the network first, secure IPL off,"
			       : "boots its disk alone, secure IPL as it was,",
		       p->host_changed ? "" : " (unchanged)");
	}
	if (p->warn_qemu_9_2)
		cli_warn("QEMU 9.2.x: its firmware's virtio-net boot can fail (fixed in 10.0), and "
			 "the fallback with it: the payload avoids it");
	if (p->warn_fallback)
		cli_warn("this boots the disk only on QEMU 9.2 and later, with the disk right "
			 "after the network in the guest's boot order");
}

int cmd_pxe_write_guests(const char *command, const char *root, const char *connect,
			const struct pxe_write_request *r, const char *const *guests, int n)
{
	static struct pxe_plan plans[PXE_GUESTS_MAX];
	struct reipl_error err;
	enum pxe_method method;
	struct pxe_tree t;
	int rc, i;

	if (n > PXE_GUESTS_MAX)
		return cli_error("%s: at most %d guests at a time", command, PXE_GUESTS_MAX);
	/* (checked again per guest; here, before libvirt is asked about any of them) */
	if (r->method && pxe_method_parse(r->method, &method, &err))
		return cli_error("%s: %s", command, err.msg);
	if (!r->local && (!r->kernel || !r->initrd))
		return cli_error("%s: --kernel and --initrd are required", command);
	for (i = 0; i < n; i++) {
		plans[i].given = guests[i];
		if ((rc = resolve(command, connect, guests[i], &plans[i].g, &plans[i].dom)))
			return rc;
	}
	if (cmd_pxe_open_tree(command, root, &t))
		return EXIT_FAILURE;
	rc = pxe_provision_write(connect, &t, r, plans, (size_t)n, &err);
	pxe_tree_close(&t);
	if (rc)
		return cli_error("%s: %s", command, err.msg);
	for (i = 0; i < n; i++)
		report_entry(r, &plans[i]);
	return EXIT_SUCCESS;
}

/* local and install, for any number of guests: all written, or none. */
int cmd_pxe_write(const struct pxe_opts *o, bool local)
{
	struct pxe_write_request r = {
		.local = local,
		.once = o->once,
		.force = o->force,
		.kernel = o->kernel,
		.initrd = o->initrd,
		.append = o->append,
		.target = o->target,
		.method = o->method,
		.payload = o->payload,
	};
	char command[32];

	snprintf(command, sizeof(command), "pxe %s", o->command);
	return cmd_pxe_write_guests(command, o->root, o->connect, &r, o->guests, o->nguests);
}

/*
 * remove, for any number of guests: all files or none (a guest without a file is no
 * error: nothing to do).
 */
int cmd_pxe_remove(const struct pxe_opts *o)
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
		if ((rc = cmd_pxe_guest(o, o->guests[i], &g, &dom)))
			return rc;
		pxe_guest_file(&g, names[i], sizeof(names[i]));
		list[i] = names[i];
	}
	/* (no pxelinux.cfg/ at all: every guest is without a file) */
	if (cmd_pxe_open_tree("pxe remove", o->root, &t))
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
