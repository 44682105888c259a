// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_pxe.c - reboot-s390x pxe: per-guest pxelinux.cfg files, as the firmware reads them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>

#include "cli.h"
#include "table.h"
#include "entry.h"
#include "fwgen.h"
#include "guest.h"
#include "helpers.h"
#include "cpio.h"
#include "libvirt.h"
#include "lint.h"
#include "lookup.h"
#include "method.h"
#include "once.h"
#include "pxecfg.h"
#include "tree.h"

#define PXE_GUESTS_MAX 64
/* Where the seed and most distributions keep the TFTP tree. */
#define PXE_DEFAULT_ROOT "/var/lib/tftpboot"

struct pxe_opts {
	const char *root;
	const char *connect;
	const char *target;
	const char *kernel;
	const char *initrd;
	const char *append;
	const char *payload;
	const char *guest; /* the first of guests[] */
	const char *guests[PXE_GUESTS_MAX];
	int nguests;
	const char *command;
	bool force; /* local, install: replace a file reboot-s390x did not write */
	bool once;  /* install: turn local when the installer is done */
	bool help;
	bool strict;	      /* check: warnings fail too */
	bool json;	      /* list, check: JSON instead of lines */
	const char *mac;      /* show: the guest's MAC, besides what the guest names */
	const char *uuid;     /* show: the guest's UUID, likewise */
	const char *ip;	      /* show: the guest's IPv4 address */
	const char *loadparm; /* show: the interface's loadparm */
	const char *firmware; /* show, check: one generation instead of all */
	const char *method;   /* local: auto, fallback, payload, linux; setup: payload, linux */
	const char *init;     /* setup --method linux: the init of the initrd */
};

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM
	      " pxe [--root <dir>] local <guest>... [--target <args>] [--kernel <file>]\n"
	      "                                  [--initrd <file>] [--append <args>]\n"
	      " " PROGRAM " pxe --root <dir> local <guest> --method payload [--payload <file>]\n"
	      "                                  [--target <args>]\n"
	      " " PROGRAM " pxe --root <dir> local <guest> --method fallback\n"
	      " " PROGRAM " pxe --root <dir> install <guest> --kernel <file> --initrd <file>\n"
	      "                                  [--append <args>] [--once [local options]]\n"
	      " " PROGRAM " pxe --root <dir> show <guest> [--mac <mac>] [--uuid <uuid>]\n"
	      "                                  [--ip <addr>] [--loadparm <lp>] [--firmware "
	      "<gen>]\n"
	      " " PROGRAM " pxe --root <dir> setup [--method payload] [--payload <file>]\n"
	      " " PROGRAM " pxe --root <dir> setup --method linux --kernel <file> [--init <file>]\n"
	      " " PROGRAM " pxe --root <dir> list\n"
	      " " PROGRAM " pxe --root <dir> remove <guest>\n"
	      " " PROGRAM " pxe --root <dir> check [--firmware <gen>]\n"
	      "\n"
	      "Manage the pxelinux.cfg/ files an s390x guest's network firmware reads: \"local\"\n"
	      "boots the re-IPL helper (the guest starts its disk), \"install\" an installer.\n"
	      "A guest is a MAC address (any spelling), a UUID, \"default\", or a libvirt\n"
	      "domain name (written as its UUID, which the firmware tries first).\n"
	      "\n"
	      "Options:\n"
	      "     --root <dir>       the TFTP root (default: $REBOOT_S390X_TFTP_ROOT, else\n"
	      "                        " PXE_DEFAULT_ROOT ")\n"
	      " -f, --force            local, install: replace a file " PROGRAM " did not write\n"
	      "     --once             install: turn local when the installer reboots or shuts\n"
	      "                        the guest down ('" PROGRAM " watch'); --target, --method\n"
	      "                        and --payload then say how\n"
	      "     --init <file>      setup: the static init for the initrd (default: the\n"
	      "                        installed one)\n"
	      "     --strict           check: warnings fail too (exit status 1)\n"
	      " -J, --json             list, show, check: JSON (keys: see " PROGRAM "(8))\n"
	      "     --connect <uri>    libvirt URI for domain names (default: libvirt's)\n"
	      "     --target <args>    chreipl arguments for the helper (default: its own)\n"
	      "     --kernel <file>    kernel, relative to the root (local: " PXE_SEED_KERNEL ",\n"
	      "                        or " PXE_FOREMAN_KERNEL " when only that one exists)\n"
	      "     --initrd <file>    initrd, likewise (" PXE_SEED_INITRD " or " PXE_FOREMAN_INITRD
	      ")\n"
	      "     --append <args>    kernel arguments (local: after rd.chreipl=; default\n"
	      "                        \"" PXE_LOCAL_APPEND "\")\n"
	      "     --method <how>     local: how the guest gets to its disk: fallback (a file\n"
	      "                        with no entry; QEMU >= 9.2 with the disk next in the boot\n"
	      "                        order), payload (the re-IPL payload, ccw targets), linux\n"
	      "                        (kernel and reboot initrd, every target) or auto (the\n"
	      "                        default: fallback where the domain allows it, else the\n"
	      "                        payload where it can, else linux)\n"
	      "     --payload <file>   the payload, relative to the root (default\n"
	      "                        " PXE_PAYLOAD_FILE "); implies --method payload\n"
	      "     --mac <mac>        show: the guest's MAC address too\n"
	      "     --uuid <uuid>      show: the guest's UUID too\n"
	      "     --ip <addr>        show: the guest's IPv4 address (its hex names are tried)\n"
	      "     --loadparm <lp>    show: the interface's loadparm (selects the entry on 10.1)\n"
	      "     --firmware <gen>   show, check: only this firmware generation: 7.2 (QEMU up\n"
	      "                        to 9.1), 9.2 (9.2 to 10.0), 10.1 (10.1 on) or a QEMU\n"
	      "                        version (default: all three)\n"
	      " -h, --help             display this help\n"
	      "\n"
	      "setup puts the helper into the root under the seed's and Foreman's names: the\n"
	      "payload (default; --payload is the file to copy, default the installed one)\n"
	      "or a Linux kernel (--kernel, a file to copy) and the reboot initrd.\n"
	      "local, install and remove take several guests; every entry is checked before\n"
	      "any file is written. 'check' reports file:line: error|warning: message, and\n"
	      "exits 1 on errors (with --strict also on warnings), 0 otherwise.\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

static int parse(int argc, char **argv, struct pxe_opts *o)
{
	static const struct {
		const char *name;
		size_t offset;
	} valued[] = {
		{ "--root", offsetof(struct pxe_opts, root) },
		{ "--connect", offsetof(struct pxe_opts, connect) },
		{ "--target", offsetof(struct pxe_opts, target) },
		{ "--kernel", offsetof(struct pxe_opts, kernel) },
		{ "--initrd", offsetof(struct pxe_opts, initrd) },
		{ "--append", offsetof(struct pxe_opts, append) },
		{ "--payload", offsetof(struct pxe_opts, payload) },
		{ "--mac", offsetof(struct pxe_opts, mac) },
		{ "--uuid", offsetof(struct pxe_opts, uuid) },
		{ "--ip", offsetof(struct pxe_opts, ip) },
		{ "--loadparm", offsetof(struct pxe_opts, loadparm) },
		{ "--firmware", offsetof(struct pxe_opts, firmware) },
		{ "--method", offsetof(struct pxe_opts, method) },
		{ "--init", offsetof(struct pxe_opts, init) },
	};
	int i;
	size_t k;

	for (i = 0; i < argc; i++) {
		bool missing = false, known = false;

		for (k = 0; k < sizeof(valued) / sizeof(valued[0]) && !known; k++) {
			const char *v = cli_option_value(valued[k].name, argc, argv, &i, &missing);

			if (missing)
				return cli_error("pxe: option '%s' requires an argument", argv[i]);
			if (v) {
				*(const char **)((char *)o + valued[k].offset) = v;
				known = true;
			}
		}
		if (known)
			continue;
		if (strcmp(argv[i], "--force") == 0 || strcmp(argv[i], "-f") == 0) {
			o->force = true;
			continue;
		}
		if (strcmp(argv[i], "--strict") == 0) {
			o->strict = true;
			continue;
		}
		/* After the valued options: "--append -h" is a value, not a request for help. */
		if (cli_is_help(argv[i])) {
			o->help = true;
			continue;
		}
		if (strcmp(argv[i], "--once") == 0) {
			o->once = true;
			continue;
		}
		if (strcmp(argv[i], "--json") == 0 || strcmp(argv[i], "-J") == 0) {
			o->json = true;
			continue;
		}
		if (argv[i][0] == '-')
			return cli_error("pxe: unknown option '%s' (see '" PROGRAM " pxe --help')",
					 argv[i]);
		if (!o->command)
			o->command = argv[i];
		else if (o->nguests < PXE_GUESTS_MAX)
			o->guests[o->nguests++] = argv[i];
		else
			return cli_error("pxe: more than %d guests in one call", PXE_GUESTS_MAX);
	}
	o->guest = o->nguests ? o->guests[0] : NULL;
	return 0;
}

/* Allow only the options that make sense for the command. */
static int allow(const struct pxe_opts *o, bool target, bool files, bool append, bool guest)
{
	if (o->once && strcmp(o->command, "install") != 0)
		return cli_error("pxe %s: --once is only for 'install'", o->command);
	if (!target && o->target)
		return cli_error("pxe %s: --target is only for 'local' (and 'install --once')",
				 o->command);
	if (!target && o->payload)
		return cli_error("pxe %s: --payload is only for 'local' (and 'install --once')",
				 o->command);
	if (!target && o->method)
		return cli_error("pxe %s: --method is only for 'local' (and 'install --once')",
				 o->command);
	if (o->payload && (o->kernel || o->initrd) && !o->once)
		return cli_error("pxe %s: --payload replaces --kernel and --initrd", o->command);
	if (!files && (o->kernel || o->initrd))
		return cli_error("pxe %s: --kernel and --initrd are only for 'local' and 'install'",
				 o->command);
	if (!append && o->append)
		return cli_error("pxe %s: --append is only for 'local' and 'install'", o->command);
	if (strcmp(o->command, "show") != 0 && (o->mac || o->uuid || o->ip || o->loadparm))
		return cli_error("pxe %s: --mac, --uuid, --ip and --loadparm are only for 'show'",
				 o->command);
	if (o->firmware && strcmp(o->command, "show") != 0 && strcmp(o->command, "check") != 0)
		return cli_error("pxe %s: --firmware is only for 'show' and 'check'", o->command);
	if (guest && !o->guest)
		return cli_error("pxe %s: no guest given", o->command);
	if (!guest && o->guest)
		return cli_error("pxe %s: unexpected argument '%s'", o->command, o->guest);
	if (o->nguests > 1 && strcmp(o->command, "show") == 0)
		return cli_error("pxe show: one guest at a time ('%s' is a second)", o->guests[1]);
	if (o->force && strcmp(o->command, "local") != 0 && strcmp(o->command, "install") != 0)
		return cli_error("pxe %s: --force is only for 'local' and 'install'", o->command);
	if (o->init)
		return cli_error("pxe %s: --init is only for 'setup'", o->command);
	if (o->json && strcmp(o->command, "list") != 0 && strcmp(o->command, "check") != 0 &&
	    strcmp(o->command, "show") != 0)
		return cli_error("pxe %s: --json is for 'list', 'show' and 'check'", o->command);
	if (o->strict && strcmp(o->command, "check") != 0)
		return cli_error("pxe %s: --strict is only for 'check'", o->command);
	return 0;
}

/* A guest, with a domain name resolved to its UUID (and its MACs, for show). */
static int resolve_guest(const struct pxe_opts *o, const char *text, struct pxe_guest *g,
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

/*
 * Open the tree; a missing pxelinux.cfg/ is fine when @create (it is made later, after
 * everything was checked). Returns 0, or EXIT_FAILURE after reporting.
 */
static int open_tree(const struct pxe_opts *o, bool create, struct pxe_tree *t)
{
	struct reipl_error err;
	int rc = pxe_tree_open(o->root, false, t, &err);

	if (rc == 0 || (rc == -ENOENT && create && t->rootfd >= 0))
		return 0;
	pxe_tree_close(t);
	return cli_error("pxe: %s", err.msg);
}

/* The seed's file names, or Foreman's when only those exist in the root. */
static void default_files(const struct pxe_tree *t, const struct pxe_opts *o, const char **kernel,
			  const char **initrd)
{
	bool seed = faccessat(t->rootfd, PXE_SEED_KERNEL, F_OK, 0) == 0 ||
		    faccessat(t->rootfd, PXE_SEED_INITRD, F_OK, 0) == 0;
	bool foreman = faccessat(t->rootfd, PXE_FOREMAN_KERNEL, F_OK, 0) == 0 ||
		       faccessat(t->rootfd, PXE_FOREMAN_INITRD, F_OK, 0) == 0;
	bool use_foreman = foreman && !seed;

	*kernel = o->kernel ? o->kernel : use_foreman ? PXE_FOREMAN_KERNEL : PXE_SEED_KERNEL;
	*initrd = o->initrd ? o->initrd : use_foreman ? PXE_FOREMAN_INITRD : PXE_SEED_INITRD;
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
		return cli_error("pxe local: %s", err.msg);
	if (o->payload && *m != PXE_METHOD_AUTO && *m != PXE_METHOD_PAYLOAD)
		return cli_error("pxe local: --payload is for --method payload, not %s", o->method);
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
		return cli_error(
			"pxe local: --method fallback writes no entry: the disk's own boot "
			"record decides, so --target, --kernel, --initrd and --append do "
			"not apply");
	if (*m == PXE_METHOD_PAYLOAD && (o->kernel || o->initrd))
		return cli_error("pxe local: the payload replaces --kernel and --initrd");
	if (*m == PXE_METHOD_PAYLOAD && pxe_entry_payload_target(o->target, &err))
		return cli_error("pxe local: --target \"%s\": %s", o->target ? o->target : "auto",
				 err.msg);
	return 0;
}

/* One guest's entry, worked out before anything is written. */
struct planned {
	const char *guest;
	char name[64], who[64], why[160], self[96];
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
	lo.command = "local";
	io.once = false;
	io.target = io.method = io.payload = NULL;
	if ((rc = plan_entry(&lo, true, t, guest, &later)) ||
	    (rc = plan_entry(&io, false, t, guest, p)))
		return rc;
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
	if ((rc = resolve_guest(o, guest, &g, &dom)))
		return rc;
	if (local && local_method(o, t, &g, &dom, &p->method, p->why, sizeof(p->why)))
		return EXIT_FAILURE;
	pxe_guest_file(&g, p->name, sizeof(p->name));
	pxe_guest_describe(&g, p->who, sizeof(p->who));
	if (local && p->method == PXE_METHOD_PAYLOAD) {
		/*
		 * The firmware needs an initrd line; the entry's own file is the smallest
		 * thing that is always there. The payload reads only rd.chreipl=.
		 */
		strcpy(p->self, "pxelinux.cfg/");
		strncat(p->self, p->name, sizeof(p->self) - sizeof("pxelinux.cfg/"));
		p->kernel = o->payload ? o->payload : PXE_PAYLOAD_FILE;
		p->initrd = p->self;
	} else if (local && p->method == PXE_METHOD_LINUX) {
		default_files(t, o, &p->kernel, &p->initrd);
	}
	if (!local && o->once)
		return plan_once(o, t, guest, p);
	if (!local)
		rc = pxe_entry_install(p->kernel, p->initrd, o->append, p->text, sizeof(p->text),
				       &err);
	else if (p->method == PXE_METHOD_FALLBACK)
		rc = pxe_entry_fallback(p->text, sizeof(p->text), &err);
	else
		rc = pxe_entry_local(
			p->method == PXE_METHOD_PAYLOAD && !o->target ? "auto" : o->target,
			p->kernel, p->initrd, o->append, p->text, sizeof(p->text), &err);
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

static void report_entry(const struct pxe_opts *o, bool local, const struct planned *p,
			 bool changed)
{
	bool named = strcmp(p->guest, p->who) != 0;

	printf("pxelinux.cfg/%s: %s%s%s for %s%s%s%s", p->name,
	       local	 ? "local"
	       : o->once ? "install once, then local"
			 : "install",
	       (local || o->once) && o->target ? ", target " : "",
	       (local || o->once) && o->target ? o->target : "", p->guest, named ? " (" : "",
	       named ? p->who : "", named ? ")" : "");
	if (local || o->once)
		printf(", method %s%s%s%s", pxe_method_name(p->method), p->why[0] ? " (" : "",
		       p->why, p->why[0] ? ")" : "");
	printf("%s\n", changed ? "" : " (unchanged)");
	if (local && p->method != PXE_METHOD_FALLBACK) {
		char path[4200];

		snprintf(path, sizeof(path), "%s/%s", o->root, p->kernel);
		if (access(path, F_OK) != 0)
			fprintf(stderr, PROGRAM ": warning: %s is not in the TFTP root yet\n",
				p->kernel);
		/* A payload entry's initrd is the entry itself. */
		snprintf(path, sizeof(path), "%s/%s", o->root, p->initrd);
		if (p->method == PXE_METHOD_LINUX && access(path, F_OK) != 0)
			fprintf(stderr,
				PROGRAM ": warning: %s is not in the TFTP root yet (see '" PROGRAM
					" mkinitrd')\n",
				p->initrd);
	}
	if (p->warn_fallback)
		fprintf(stderr,
			PROGRAM ": warning: this boots the disk only on QEMU 9.2 and later, with "
				"the disk right after the network in the guest's boot order\n");
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
static int write_entries(const struct pxe_opts *o, bool local)
{
	static struct planned plans[PXE_GUESTS_MAX];
	struct reipl_error err;
	enum pxe_method method;
	struct pxe_tree t;
	bool changed[PXE_GUESTS_MAX];
	int rc, i;

	if ((rc = allow(o, local || o->once, true, true, true)))
		return rc;
	if (o->method && pxe_method_parse(o->method, &method, &err))
		return cli_error("pxe local: %s", err.msg);
	if (!local && (!o->kernel || !o->initrd))
		return cli_error("pxe install: --kernel and --initrd are required");
	if (open_tree(o, true, &t))
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
	pxe_tree_close(&t);
	/* Only now, with everything checked, may pxelinux.cfg/ be created and written. */
	if (pxe_tree_open(o->root, true, &t, &err)) {
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
	pxe_tree_close(&t);
	for (i = 0; i < o->nguests; i++)
		report_entry(o, local, &plans[i], changed[i]);
	return EXIT_SUCCESS;
}

/* remove, for any number of guests; a guest without a file is no error (nothing to do). */
static int do_remove(const struct pxe_opts *o)
{
	char names[PXE_GUESTS_MAX][64];
	struct pxe_domain dom;
	struct reipl_error err;
	struct pxe_guest g;
	struct pxe_tree t;
	int rc, i;

	if ((rc = allow(o, false, false, false, true)))
		return rc;
	for (i = 0; i < o->nguests; i++) {
		if ((rc = resolve_guest(o, o->guests[i], &g, &dom)))
			return rc;
		pxe_guest_file(&g, names[i], sizeof(names[i]));
	}
	rc = pxe_tree_open(o->root, false, &t, &err);
	if (rc == -ENOENT && t.rootfd >= 0) {
		for (i = 0; i < o->nguests; i++)
			printf("pxelinux.cfg/%s: not there, nothing to remove\n", names[i]);
		pxe_tree_close(&t);
		return EXIT_SUCCESS;
	}
	if (rc) {
		pxe_tree_close(&t);
		return cli_error("pxe: %s", err.msg);
	}
	for (i = 0; i < o->nguests; i++) {
		rc = pxe_tree_remove(&t, names[i], &err);
		if (rc == -ENOENT) {
			printf("pxelinux.cfg/%s: not there, nothing to remove\n", names[i]);
		} else if (rc) {
			pxe_tree_close(&t);
			return cli_error("pxe remove: %s", err.msg);
		} else {
			printf("pxelinux.cfg/%s: removed\n", names[i]);
		}
	}
	pxe_tree_close(&t);
	return EXIT_SUCCESS;
}

/* Read and parse pxelinux.cfg/@name; -ENOENT when there is no such file. */
static int load(const struct pxe_tree *t, const char *name, struct pxe_cfg *cfg,
		enum pxe_once_state *once)
{
	static char data[PXE_CFG_BUFFER];
	size_t size;
	int rc = pxe_tree_read(t, name, data, sizeof(data), &size, NULL);

	if (rc)
		return rc;
	if (once)
		*once = pxe_once_state(data, size < sizeof(data) ? size : sizeof(data));
	pxe_cfg_parse(data, size < sizeof(data) ? size : sizeof(data), size, PXE_FW_7_2, cfg);
	return 0;
}

/* The generations to report: the one --firmware names, or all. */
static int generations(const struct pxe_opts *o, enum pxe_fwgen *gens, int *n)
{
	struct reipl_error err;
	int i;

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
	return 0;
}

static void show_lookup(const struct pxe_lookup *l)
{
	static const char *const state[] = { "absent", "skipped", "used", "not asked" };
	int i;

	for (i = 0; i < l->nsteps; i++) {
		const struct pxe_step *s = &l->steps[i];

		printf("%-10s pxelinux.cfg/%s: %s%s%s\n", i ? "" : "Lookup:", s->name,
		       state[s->state], s->state == PXE_STEP_SKIPPED ? ", " : "",
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
	static const char *const state[] = { "absent", "skipped", "used", "not asked" };
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
				l->steps[j].name, state[l->steps[j].state],
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
	if (!t || rc)
		return cli_error("pxe show: out of memory");
	cli_table_print(t);
	return EXIT_SUCCESS;
}

static int do_show(const struct pxe_opts *o)
{
	static struct pxe_lookup looks[PXE_FWGEN_COUNT];
	enum pxe_fwgen gens[PXE_FWGEN_COUNT], group[PXE_FWGEN_COUNT];
	bool done[PXE_FWGEN_COUNT] = { false };
	struct pxe_domain dom;
	struct reipl_error err;
	struct pxe_ident id;
	struct pxe_guest g;
	struct pxe_tree t;
	char who[64];
	int n, i, j, k, rc;

	if ((rc = allow(o, false, false, false, true)) || (rc = generations(o, gens, &n)) ||
	    (rc = resolve_guest(o, o->guest, &g, &dom)) || (rc = identity(o, &g, &dom, &id)) ||
	    (rc = open_tree(o, false, &t)))
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
	pxe_guest_describe(&g, who, sizeof(who));
	printf("Guest:     %s%s%s%s\n", o->guest, strcmp(o->guest, who) ? " (" : "",
	       strcmp(o->guest, who) ? who : "", strcmp(o->guest, who) ? ")" : "");
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

static int do_list(const struct pxe_opts *o)
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

	if ((rc = allow(o, false, false, false, false)) || (rc = open_tree(o, false, &t)))
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
		if (load(&t, names[i], &cfg, &once) != 0) {
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
	if (!table)
		return cli_error("pxe list: out of memory");
	cli_table_print(table);
	return EXIT_SUCCESS;
}

static int do_check(const struct pxe_opts *o)
{
	enum pxe_fwgen gens[PXE_FWGEN_COUNT];
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	int rc, n;

	if ((rc = allow(o, false, false, false, false)) || (rc = generations(o, gens, &n)))
		return rc;
	if (pxe_lint(o->root, gens, n, &f, &err)) {
		pxe_findings_free(&f);
		return cli_error("pxe check: %s", err.msg);
	}
	rc = cli_findings_report(&f, o->json);
	if (o->strict && pxe_findings_warnings(&f))
		rc = EXIT_FAILURE;
	pxe_findings_free(&f);
	return rc;
}

/* pxe setup: the helper files, read and checked first, then written, each atomically. */
static int do_setup(const struct pxe_opts *o)
{
	struct pxe_helper_file files[PXE_HELPER_FILES_MAX];
	unsigned char *payload = NULL, *kernel = NULL, *initrd = NULL;
	size_t payload_len = 0, kernel_len = 0, initrd_len = 0;
	enum pxe_method method = PXE_METHOD_PAYLOAD;
	struct reipl_error err;
	struct pxe_tree t;
	int n, i, rc = EXIT_FAILURE;

	if (o->nguests || o->target || o->initrd || o->append || o->mac || o->uuid || o->ip ||
	    o->loadparm || o->firmware || o->force || o->strict)
		return cli_error("pxe setup: takes only --method, --payload, --kernel and --init");
	if (o->method && (pxe_method_parse(o->method, &method, &err) ||
			  (method != PXE_METHOD_PAYLOAD && method != PXE_METHOD_LINUX)))
		return cli_error("pxe setup: --method is payload or linux, not '%s'", o->method);
	if (method == PXE_METHOD_PAYLOAD) {
		const char *src = o->payload ? o->payload : cli_installed_payload();

		if (o->kernel || o->init)
			return cli_error("pxe setup: --kernel and --init are for --method linux");
		if (pxe_helper_read(src, 1u << 20, &payload, &payload_len, &err))
			return cli_error("pxe setup: %s", err.msg);
		if (!pxe_is_payload(payload, payload_len) ||
		    !pxe_is_s390_image(payload, payload_len)) {
			free(payload);
			return cli_error("pxe setup: %s is not the reboot-s390x payload", src);
		}
	} else {
		struct initrd_spec spec = { 0 };
		char tmp[] = "/tmp/reboot-s390x-setup.XXXXXX";
		int fd;

		if (!o->kernel)
			return cli_error("pxe setup: --method linux needs --kernel <file>, an "
					 "s390x kernel to copy");
		if (o->payload)
			return cli_error("pxe setup: --payload is for --method payload");
		if (pxe_helper_read(o->kernel, 64u << 20, &kernel, &kernel_len, &err))
			return cli_error("pxe setup: %s", err.msg);
		if (!pxe_is_s390_image(kernel, kernel_len)) {
			free(kernel);
			return cli_error("pxe setup: %s does not look like an s390x kernel (no "
					 "S390EP at 0x10008)",
					 o->kernel);
		}
		fd = mkstemp(tmp);
		if (fd >= 0)
			close(fd);
		spec.init = o->init ? o->init : cli_installed_init();
		if (fd < 0 || initrd_write(&spec, tmp, &err) ||
		    pxe_helper_read(tmp, 64u << 20, &initrd, &initrd_len, &err)) {
			unlink(tmp);
			free(kernel);
			return cli_error("pxe setup: %s", fd < 0 ? strerror(errno) : err.msg);
		}
		unlink(tmp);
	}
	if (pxe_tree_open(o->root, false, &t, &err) && t.rootfd < 0) {
		pxe_tree_close(&t);
		free(payload), free(kernel), free(initrd);
		return cli_error("pxe setup: %s", err.msg);
	}
	n = pxe_helper_files(method, files);
	for (i = 0; i < n; i++) {
		const char *data = files[i].source == PXE_FROM_PAYLOAD	? (const char *)payload
				   : files[i].source == PXE_FROM_KERNEL ? (const char *)kernel
				   : files[i].source == PXE_FROM_INITRD ? (const char *)initrd
									: PXE_PLACEHOLDER_INITRD;
		size_t len = files[i].source == PXE_FROM_PAYLOAD  ? payload_len
			     : files[i].source == PXE_FROM_KERNEL ? kernel_len
			     : files[i].source == PXE_FROM_INITRD ? initrd_len
								  : strlen(PXE_PLACEHOLDER_INITRD);
		static const char *const what[] = { "the payload", "the kernel",
						    "the reboot initrd",
						    "a placeholder initrd for the payload" };
		bool changed;

		if (pxe_tree_put(&t, files[i].name, data, len, &changed, &err)) {
			cli_error("pxe setup: %s", err.msg);
			goto out;
		}
		printf("%s: %s%s\n", files[i].name, what[files[i].source],
		       changed ? "" : " (unchanged)");
	}
	rc = EXIT_SUCCESS;
out:
	pxe_tree_close(&t);
	free(payload), free(kernel), free(initrd);
	return rc;
}

int cmd_pxe(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct pxe_opts o = { 0 };
	int rc;

	(void)ctx;
	if ((rc = parse(argc, argv, &o)))
		return rc;
	if (o.help) {
		usage();
		return EXIT_SUCCESS;
	}
	if (!o.command)
		return cli_error("pxe: no command given (see '" PROGRAM " pxe --help')");
	if (!o.root)
		o.root = getenv("REBOOT_S390X_TFTP_ROOT");
	if (!o.root || !*o.root)
		o.root = PXE_DEFAULT_ROOT;
	if (strcmp(o.command, "local") == 0)
		return write_entries(&o, true);
	if (strcmp(o.command, "install") == 0)
		return write_entries(&o, false);
	if (strcmp(o.command, "remove") == 0)
		return do_remove(&o);
	if (strcmp(o.command, "show") == 0)
		return do_show(&o);
	if (strcmp(o.command, "list") == 0)
		return do_list(&o);
	if (strcmp(o.command, "check") == 0)
		return do_check(&o);
	if (strcmp(o.command, "setup") == 0)
		return do_setup(&o);
	return cli_error("pxe: unknown command '%s' (see '" PROGRAM " pxe --help')", o.command);
}
