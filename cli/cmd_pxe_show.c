// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_pxe_show.c - pxe show, list and check: what the firmware reads, for one guest (every
 * generation's lookup and entry), for the whole tree, and what it would get wrong.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>

#include "cli.h"
#include "pxe/entry.h"
#include "pxe/fwgen.h"
#include "pxe/guest.h"
#include "virt/libvirt.h"
#include "pxe/lint.h"
#include "pxe/lookup.h"
#include "pxe/method.h"
#include "pxe/once.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"
#include "virt/qemu_caps.h"
#include "cmd_pxe.h"
#include "table.h"

/* The generations to report: the one --firmware names, or all. */
static int generations(const struct pxe_opts *o, enum pxe_fwgen *gens, int *n)
{
	struct reipl_error err;
	int i;

	if (o->firmware && strchr(o->firmware, '/')) {
		struct pxe_fw_caps c;

		if (pxe_qemu_caps(o->firmware, &c, &err))
			return cli_error("pxe %s: %s", o->command, err.msg);
		if (!pxe_fwgen_of_caps(&c, &gens[0]))
			return cli_error("pxe %s: %s: no s390-ccw.img in its data directories "
					 "('-L help')",
					 o->command, o->firmware);
		*n = 1;
		return 0;
	}
	if (o->firmware) {
		if (pxe_fwgen_parse(o->firmware, &gens[0], &err))
			return cli_error("pxe %s: %s", o->command, err.msg);
		*n = 1;
		return 0;
	}
	for (i = 0; i < PXE_FWGEN_COUNT; i++)
		gens[i] = (enum pxe_fwgen)i;
	*n = PXE_FWGEN_COUNT;
	return 0;
}

/* What the firmware knows of the guest: what it was named by, and --mac/--uuid/--ip. */
static int identity(const struct pxe_opts *o, const struct pxe_guest *g,
		    const struct pxe_domain *dom, struct pxe_ident *id)
{
	struct reipl_error err;
	struct pxe_guest extra;
	struct in_addr addr;

	memset(id, 0, sizeof(*id));
	if (g->kind == PXE_GUEST_MAC) {
		id->has_mac = true;
		memcpy(id->mac, g->mac, 6);
	} else if (g->kind == PXE_GUEST_UUID) {
		id->has_uuid = true;
		memcpy(id->uuid, g->uuid, sizeof(id->uuid));
		/* A domain's first interface is the one that boots in our setups. */
		if (dom->nmacs > 0) {
			id->has_mac = true;
			memcpy(id->mac, dom->macs[0], 6);
		}
	}
	if (o->mac) {
		if (pxe_guest_parse(o->mac, &extra, &err) || extra.kind != PXE_GUEST_MAC)
			return cli_error("pxe show: --mac '%s' is not a MAC address", o->mac);
		id->has_mac = true;
		memcpy(id->mac, extra.mac, 6);
	}
	if (o->uuid) {
		if (pxe_guest_parse(o->uuid, &extra, &err) || extra.kind != PXE_GUEST_UUID)
			return cli_error("pxe show: --uuid '%s' is not a UUID", o->uuid);
		id->has_uuid = true;
		memcpy(id->uuid, extra.uuid, sizeof(id->uuid));
	}
	if (o->ip) {
		if (inet_pton(AF_INET, o->ip, &addr) != 1)
			return cli_error("pxe show: --ip '%s' is not an IPv4 address", o->ip);
		id->has_ip = true;
		id->ip = ntohl(addr.s_addr);
	}
	if (o->loadparm && strlen(o->loadparm) > 8)
		return cli_error("pxe show: --loadparm '%s' is longer than 8 characters",
				 o->loadparm);
	id->loadparm = o->loadparm;
	/* A domain's own secure-IPL settings, as libvirt has them; or as asked. */
	id->ipl_mode = o->secure_ipl ? PXE_IPL_SECURE : dom->ipl_mode;
	return 0;
}

static void show_lookup(const struct pxe_lookup *l)
{
	int i;

	for (i = 0; i < l->nsteps; i++) {
		const struct pxe_step *s = &l->steps[i];

		printf("%-10s pxelinux.cfg/%s: %s%s%s\n", i ? "" : "Lookup:", s->name,
		       pxe_step_state_name(s->state), s->state == PXE_STEP_SKIPPED ? ", " : "",
		       s->state == PXE_STEP_SKIPPED ? s->why : "");
	}
	if (l->used >= 0)
		printf("File:      pxelinux.cfg/%s\n", l->steps[l->used].name);
	else
		printf("File:      none\n");
}

static void show_outcome(const struct pxe_lookup *l, const enum pxe_fwgen *gens, int n)
{
	const struct pxe_entry *e = l->entry >= 0 ? &l->cfg.entries[l->entry] : NULL;
	struct pxe_summary sum;
	char result[400];
	int i;

	printf("Firmware: ");
	for (i = 0; i < n; i++)
		printf(" %s (%s)%s", pxe_fwgen_info(gens[i])->name, pxe_fwgen_info(gens[i])->qemus,
		       i + 1 < n ? "," : "\n");
	pxe_lookup_result(l, result, sizeof(result));
	printf("Result:    %s\n", result);
	if (e) {
		pxe_summarize(&l->cfg, &sum);
		printf("Entry:     '%s' (%d of %d%s)\n", e->label, l->entry + 1, l->cfg.count,
		       l->entry == l->cfg.def ? ", the default" : ", chosen by the loadparm");
		if (l->entry == l->cfg.def)
			printf("Boots:     %s%s%s%s%s\n", pxe_role_name(sum.role),
			       sum.role == PXE_ROLE_LOCAL ? " by " : "",
			       sum.role == PXE_ROLE_LOCAL ? pxe_method_name(sum.method) : "",
			       sum.role == PXE_ROLE_LOCAL ? ", target " : "",
			       sum.role == PXE_ROLE_LOCAL ? sum.target : "");
		printf("Kernel:    %s\n", e->kernel ? e->kernel : "(none)");
		printf("Initrd:    %s\n", e->initrd ? e->initrd : "(none)");
		printf("Append:    %s\n", e->append ? e->append : "(none)");
	}
	for (i = 0; i < l->cfg.nnotes && l->used >= 0; i++) {
		const struct pxe_note *note = &l->cfg.notes[i];

		printf("%s:%s line %d: %s\n", note->severity == PXE_ERROR ? "Error" : "Warning",
		       note->severity == PXE_ERROR ? "    " : "  ", note->line, note->msg);
	}
}

/* One row per generation, each whole: scripts need no grouping to undo. */
static int show_json(const char *guest, const struct pxe_lookup *looks, const enum pxe_fwgen *gens,
		     int n)
{
	static const char *const cols[] = { "GUEST",  "FIRMWARE", "QEMU",   "LOOKUP", "FILE",
					    "RESULT", "ENTRY",	  "BOOTS",  "METHOD", "TARGET",
					    "KERNEL", "INITRD",	  "APPEND", "NOTES" };
	struct cli_table *t = cli_table_new("firmware", true, cols, 14);
	int i, j, rc = 0;

	if (t)
		cli_table_list(t, 3), cli_table_list(t, 13);
	for (i = 0; t && !rc && i < n; i++) {
		const struct pxe_lookup *l = &looks[i];
		const struct pxe_entry *e = l->entry >= 0 ? &l->cfg.entries[l->entry] : NULL;
		char lookup[PXE_LOOKUP_STEPS * 200] = "", notes[4096] = "", file[80] = "";
		char result[400];
		struct pxe_summary sum;
		const char *row[14];
		size_t len = 0;

		for (j = 0; j < l->nsteps && len < sizeof(lookup); j++)
			len += (size_t)snprintf(
				lookup + len, sizeof(lookup) - len, "%s%s: %s%s%s", j ? "\n" : "",
				l->steps[j].name, pxe_step_state_name(l->steps[j].state),
				l->steps[j].state == PXE_STEP_SKIPPED ? ", " : "",
				l->steps[j].state == PXE_STEP_SKIPPED ? l->steps[j].why : "");
		for (len = 0, j = 0; l->used >= 0 && j < l->cfg.nnotes && len < sizeof(notes); j++)
			len += (size_t)snprintf(notes + len, sizeof(notes) - len,
						"%s%s: line %d: %s", j ? "\n" : "",
						l->cfg.notes[j].severity == PXE_ERROR ? "error"
										      : "warning",
						l->cfg.notes[j].line, l->cfg.notes[j].msg);
		if (l->used >= 0)
			snprintf(file, sizeof(file), "pxelinux.cfg/%.60s", l->steps[l->used].name);
		pxe_lookup_result(l, result, sizeof(result));
		pxe_summarize(&l->cfg, &sum);
		row[0] = guest;
		row[1] = pxe_fwgen_info(gens[i])->name;
		row[2] = pxe_fwgen_info(gens[i])->qemus;
		row[3] = lookup;
		row[4] = file;
		row[5] = result;
		row[6] = e ? e->label : NULL;
		/* What the entry boots is known for the default; a loadparm's pick is its own. */
		row[7] = e && l->entry == l->cfg.def ? pxe_role_name(sum.role) : NULL;
		row[8] = e && l->entry == l->cfg.def && sum.role == PXE_ROLE_LOCAL
				 ? pxe_method_name(sum.method)
				 : NULL;
		row[9] = row[8] ? sum.target : NULL;
		row[10] = e ? e->kernel : NULL;
		row[11] = e ? e->initrd : NULL;
		row[12] = e ? e->append : NULL;
		row[13] = notes;
		rc = cli_table_row(t, row);
	}
	if (!t || rc) {
		cli_table_free(t);
		return cli_error("pxe show: out of memory");
	}
	cli_table_print(t);
	return EXIT_SUCCESS;
}

int cmd_pxe_show(const struct pxe_opts *o)
{
	static struct pxe_lookup looks[PXE_FWGEN_COUNT];
	enum pxe_fwgen gens[PXE_FWGEN_COUNT], group[PXE_FWGEN_COUNT];
	bool done[PXE_FWGEN_COUNT] = { false };
	struct pxe_domain dom;
	struct reipl_error err;
	struct pxe_ident id;
	struct pxe_guest g;
	struct pxe_tree t;
	int n, i, j, k, rc;

	if ((rc = generations(o, gens, &n)) || (rc = cmd_pxe_guest(o, o->guest, &g, &dom)) ||
	    (rc = identity(o, &g, &dom, &id)) || (rc = cmd_pxe_open_tree("pxe", o->root, &t)))
		return rc;
	for (i = 0; i < n; i++) {
		if (pxe_lookup(&t, &id, gens[i], &looks[i], &err)) {
			pxe_tree_close(&t);
			return cli_error("pxe show: %s", err.msg);
		}
	}
	pxe_tree_close(&t);
	if (o->json)
		return show_json(o->guest, looks, gens, n);
	printf("Guest:     ");
	cmd_pxe_put_guest(o->guest, &g);
	putchar('\n');
	/* Which names exist and which are skipped is the same for every generation. */
	show_lookup(&looks[0]);
	if (!id.has_uuid)
		printf("           (a pxelinux.cfg/<uuid> file, where one exists, comes first)\n");
	if (!id.has_ip)
		printf("           (the IP address names come before default: see --ip)\n");
	/* Generations that end the same way are shown together. */
	for (i = 0; i < n; i++) {
		if (done[i])
			continue;
		for (k = 0, j = i; j < n; j++) {
			if (!done[j] && pxe_lookup_same(&looks[i], &looks[j])) {
				done[j] = true;
				group[k++] = gens[j];
			}
		}
		show_outcome(&looks[i], group, k);
	}
	return EXIT_SUCCESS;
}

int cmd_pxe_list(const struct pxe_opts *o)
{
	static const char *const cols[] = {
		"FILE", "GUEST", "DOMAIN", "BOOTS", "METHOD", "TARGET"
	};
	static struct pxe_cfg cfg;
	void *conn = NULL;
	bool ask_libvirt = true, fetched;
	struct cli_table *table;
	enum pxe_once_state once = PXE_ONCE_NONE;
	struct pxe_summary sum;
	struct reipl_error err;
	struct pxe_guest g;
	struct pxe_tree t;
	char **names, who[64], why[128];
	size_t n, i;
	int rc;

	if ((rc = cmd_pxe_open_tree("pxe", o->root, &t)))
		return rc;
	if (pxe_tree_list(&t, &names, &n, &err)) {
		pxe_tree_close(&t);
		return cli_error("pxe list: %s", err.msg);
	}
	table = cli_table_new("entries", o->json, cols, 6);
	for (i = 0; table && i < n; i++) {
		char file[80], domain[256] = "";
		const char *row[6];

		snprintf(file, sizeof(file), "pxelinux.cfg/%.60s", names[i]);
		fetched = pxe_guest_from_file(names[i], &g, why, sizeof(why)) == 0;
		if (fetched)
			pxe_guest_describe(&g, who, sizeof(who));
		else
			snprintf(who, sizeof(who), "(never fetched)");
		/* The domain behind a UUID file, where libvirt can say (asked once). */
		if (ask_libvirt && fetched && g.kind == PXE_GUEST_UUID &&
		    pxe_libvirt_name_of(o->connect, &conn, g.uuid, domain, sizeof(domain)) ==
			    -ECONNREFUSED)
			ask_libvirt = false;
		row[0] = file;
		row[1] = who;
		row[2] = domain[0] ? domain : "-";
		if (pxe_lookup_file(&t, names[i], PXE_FW_7_2, &cfg, &once, NULL) != 0) {
			row[3] = "unreadable", row[4] = row[5] = "-";
		} else {
			pxe_summarize(&cfg, &sum);
			row[3] = once != PXE_ONCE_NONE ? pxe_once_state_name(once)
						       : pxe_role_name(sum.role);
			row[4] = sum.role == PXE_ROLE_LOCAL ? pxe_method_name(sum.method) : "-";
			row[5] = sum.role == PXE_ROLE_LOCAL ? sum.target : "-";
		}
		if (cli_table_row(table, row))
			break;
	}
	pxe_libvirt_release(conn);
	pxe_tree_free_list(names, n);
	pxe_tree_close(&t);
	/* A partial list would hide files: nothing rather than some. */
	if (!table || i < n) {
		cli_table_free(table);
		return cli_error("pxe list: out of memory");
	}
	cli_table_print(table);
	return EXIT_SUCCESS;
}

int cmd_pxe_check(const struct pxe_opts *o)
{
	enum pxe_fwgen gens[PXE_FWGEN_COUNT];
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	struct pxe_tree t;
	int rc, n;

	if ((rc = generations(o, gens, &n)))
		return rc;
	if (cmd_pxe_open_tree("pxe check", o->root, &t))
		return EXIT_FAILURE;
	rc = pxe_lint(&t, gens, n, &f, &err);
	if (rc == 0 && o->secure_ipl)
		pxe_lint_secure_ipl("pxelinux.cfg", &f);
	pxe_tree_close(&t);
	if (rc) {
		pxe_findings_free(&f);
		return cli_error("pxe check: %s", err.msg);
	}
	rc = cli_findings_report(&f, o->json);
	if (o->strict && pxe_findings_warnings(&f))
		rc = EXIT_FAILURE;
	pxe_findings_free(&f);
	return rc;
}
