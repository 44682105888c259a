// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_pxe.c - reboot-s390x pxe: per-guest pxelinux.cfg files, as the firmware reads them.
 * This file parses the command line, says which options each subcommand takes (one table
 * serves the checks and every --help), and hands over to cmd_pxe_*.c.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pxe/entry.h"
#include "pxe/helpers.h"
#include "cmd_pxe.h"

/* The subcommands, as bits: which options each takes. */
enum {
	LOCAL = 1u << 0,
	INSTALL = 1u << 1,
	SHOW = 1u << 2,
	SETUP = 1u << 3,
	LIST = 1u << 4,
	REMOVE = 1u << 5,
	CHECK = 1u << 6,
	ALL = (1u << 7) - 1,
};

enum guests { NO_GUEST, ONE_GUEST, GUESTS };

static const struct pxe_command {
	const char *name;
	unsigned bit;
	enum guests guests;
	const char *synopsis; /* lines after "reboot-s390x pxe ", or, from a blank, going on */
	const char *what;
} commands[] = {
	{ "local", LOCAL, GUESTS,
	  "[--root <dir>] local <guest>... [--target <args>]\n"
	  " [--kernel <file>] [--initrd <file>] [--append <args>]\n"
	  "[--root <dir>] local <guest>... --method payload\n"
	  " [--payload <file>] [--target <args>]\n"
	  "[--root <dir>] local <guest>... --method fallback|host\n",
	  "Point the guests at the re-IPL helper: each boots its disk." },
	{ "install", INSTALL, GUESTS,
	  "[--root <dir>] install <guest>... --kernel <file>\n"
	  " --initrd <file> [--append <args>] [--method host] [--once\n"
	  " [--target <args>] [--method <how>] [--payload <file>]]\n",
	  "Point the guests at an installer; with --once only until it ends\n"
	  "('" PROGRAM " watch' then writes the local entry)." },
	{ "show", SHOW, ONE_GUEST,
	  "[--root <dir>] show <guest> [--mac <mac>] [--uuid <uuid>]\n"
	  " [--ip <addr>] [--loadparm <lp>] [--firmware <gen>] [--secure-ipl]\n"
	  " [--json]\n",
	  "What each firmware generation does for the guest: the names it asks\n"
	  "for, the file it gets, the entry it boots." },
	{ "setup", SETUP, NO_GUEST,
	  "[--root <dir>] setup [--method payload] [--payload <file>]\n"
	  "[--root <dir>] setup --method linux --kernel <file>\n"
	  " [--init <file>]\n",
	  "Put the helper into the root under the seed's and Foreman's names:\n"
	  "the payload (the default) or a Linux kernel and the reboot initrd." },
	{ "list", LIST, NO_GUEST, "[--root <dir>] list [--json]\n",
	  "The files in pxelinux.cfg/: for whom, and what each boots." },
	{ "remove", REMOVE, GUESTS, "[--root <dir>] remove <guest>...\n",
	  "Remove the guests' files; a guest without one is no error." },
	{ "check", CHECK, NO_GUEST,
	  "[--root <dir>] check [--firmware <gen>] [--secure-ipl] [--strict]\n"
	  " [--json]\n",
	  "Read every file as the firmware would: file:line: error|warning:\n"
	  "message. Exit status 1 on errors (--strict: on warnings too)." },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

enum {
	O_ROOT = 256,
	O_CONNECT,
	O_TARGET,
	O_KERNEL,
	O_INITRD,
	O_APPEND,
	O_PAYLOAD,
	O_METHOD,
	O_INIT,
	O_ONCE,
	O_STRICT,
	O_MAC,
	O_UUID,
	O_IP,
	O_LOADPARM,
	O_FIRMWARE,
	O_SECURE_IPL,
};

/*
 * Every option: where it is taken (@commands; of those, @once_only only with --once) and
 * what it means there. A help text may differ per subcommand: the first of @help whose
 * commands hold the subcommand is the one shown.
 */
static const struct pxe_option {
	int val;
	const char *name;
	const char *arg;
	size_t field; /* offsetof the value in struct pxe_opts, for those with an argument */
	unsigned commands, once_only;
	struct {
		unsigned commands;
		const char *text;
	} help[3];
} options[] = {
	{ O_ROOT,
	  "root",
	  "<dir>",
	  offsetof(struct pxe_opts, root),
	  ALL,
	  0,
	  { { ALL,
	      "the TFTP root (default: $REBOOT_S390X_TFTP_ROOT, else\n" CLI_TFTP_ROOT ")" } } },
	{ O_CONNECT,
	  "connect",
	  "<uri>",
	  offsetof(struct pxe_opts, connect),
	  LOCAL | INSTALL | SHOW | LIST | REMOVE,
	  0,
	  { { ALL, "libvirt URI for domain names (default: libvirt's)" } } },
	{ 'f',
	  "force",
	  NULL,
	  0,
	  LOCAL | INSTALL,
	  0,
	  { { ALL, "replace a file " PROGRAM " did not write" } } },
	{ O_ONCE,
	  "once",
	  NULL,
	  0,
	  INSTALL,
	  0,
	  { { ALL, "turn local when the installer reboots or shuts the guest\n"
		   "down ('" PROGRAM " watch'); --target, --method and\n"
		   "--payload then say how, as for 'local'" } } },
	{ O_TARGET,
	  "target",
	  "<args>",
	  offsetof(struct pxe_opts, target),
	  LOCAL | INSTALL,
	  INSTALL,
	  { { ALL, "chreipl arguments for the helper (default: its own)" } } },
	{ O_METHOD,
	  "method",
	  "<how>",
	  offsetof(struct pxe_opts, method),
	  LOCAL | INSTALL | SETUP,
	  0,
	  { { LOCAL | INSTALL, "how the guest gets to its disk: fallback (a file\n"
			       "with no entry; QEMU >= 9.2 with the disk next in the\n"
			       "boot order), payload (the re-IPL payload, ccw\n"
			       "targets), linux (kernel and reboot initrd, every\n"
			       "target), host (the libvirt domain's definition\n"
			       "follows the entry: the installer from the network\n"
			       "with secure IPL off, then the disk alone with secure\n"
			       "IPL as it was; from the next start) or auto (the\n"
			       "default: host for a domain with secure IPL or one\n"
			       "that follows its entry, fallback where the domain\n"
			       "allows it, else the payload where it can, else\n"
			       "linux); a plain install takes host or auto" },
	    { SETUP, "payload (the default) or linux" } } },
	{ O_PAYLOAD,
	  "payload",
	  "<file>",
	  offsetof(struct pxe_opts, payload),
	  LOCAL | INSTALL | SETUP,
	  INSTALL,
	  { { LOCAL | INSTALL, "the payload, relative to the root (default\n" PXE_PAYLOAD_FILE
			       "); implies --method payload" },
	    { SETUP, "the payload to copy (default: the installed one)" } } },
	{ O_KERNEL,
	  "kernel",
	  "<file>",
	  offsetof(struct pxe_opts, kernel),
	  LOCAL | INSTALL | SETUP,
	  0,
	  { { LOCAL, "the helper's kernel, relative to the root (default\n" PXE_SEED_KERNEL
		     ", or " PXE_FOREMAN_KERNEL " when only\nthat one exists)" },
	    { INSTALL, "the installer's kernel, relative to the root" },
	    { SETUP, "the s390x kernel to copy (--method linux)" } } },
	{ O_INITRD,
	  "initrd",
	  "<file>",
	  offsetof(struct pxe_opts, initrd),
	  LOCAL | INSTALL,
	  0,
	  { { LOCAL,
	      "the helper's initrd, likewise (" PXE_SEED_INITRD "\nor " PXE_FOREMAN_INITRD ")" },
	    { INSTALL, "the installer's initrd, relative to the root" } } },
	{ O_APPEND,
	  "append",
	  "<args>",
	  offsetof(struct pxe_opts, append),
	  LOCAL | INSTALL,
	  0,
	  { { LOCAL, "kernel arguments after rd.chreipl= (default\n\"" PXE_LOCAL_APPEND "\")" },
	    { INSTALL, "the installer's kernel arguments" } } },
	{ O_INIT,
	  "init",
	  "<file>",
	  offsetof(struct pxe_opts, init),
	  SETUP,
	  0,
	  { { ALL, "the static init for the initrd (default: the installed\none)" } } },
	{ O_MAC,
	  "mac",
	  "<mac>",
	  offsetof(struct pxe_opts, mac),
	  SHOW,
	  0,
	  { { ALL, "the guest's MAC address too" } } },
	{ O_UUID,
	  "uuid",
	  "<uuid>",
	  offsetof(struct pxe_opts, uuid),
	  SHOW,
	  0,
	  { { ALL, "the guest's UUID too" } } },
	{ O_IP,
	  "ip",
	  "<addr>",
	  offsetof(struct pxe_opts, ip),
	  SHOW,
	  0,
	  { { ALL, "the guest's IPv4 address (its hex names are tried)" } } },
	{ O_LOADPARM,
	  "loadparm",
	  "<lp>",
	  offsetof(struct pxe_opts, loadparm),
	  SHOW,
	  0,
	  { { ALL, "the interface's loadparm (selects the entry on 10.1)" } } },
	{ O_FIRMWARE,
	  "firmware",
	  "<gen>",
	  offsetof(struct pxe_opts, firmware),
	  SHOW | CHECK,
	  0,
	  { { ALL, "only this firmware generation: 7.2 (QEMU up to 9.1),\n"
		   "9.2 (9.2 to 10.0), 10.1 (10.1 on), a QEMU version, or\n"
		   "the path of a qemu-system-s390x (the generation its\n"
		   "firmware has, read from it) (default: all three)" } } },
	{ O_SECURE_IPL,
	  "secure-ipl",
	  NULL,
	  0,
	  SHOW | CHECK,
	  0,
	  { { ALL, "a guest with secure IPL on (QEMU 11.2; a domain's\nown settings are read from libvirt)" } } },
	{ O_STRICT, "strict", NULL, 0, CHECK, 0, { { ALL, "warnings fail too (exit status 1)" } } },
	{ 'J',
	  "json",
	  NULL,
	  0,
	  SHOW | LIST | CHECK,
	  0,
	  { { ALL, "JSON (keys: see " PROGRAM "(8))" } } },
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

static const struct pxe_command *command_named(const char *name)
{
	size_t k;

	for (k = 0; name && k < NCOMMANDS; k++)
		if (strcmp(commands[k].name, name) == 0)
			return &commands[k];
	return NULL;
}

/* Print @text indented by @indent columns from its second line on. */
static void put_indented(const char *text, int indent)
{
	for (; *text; text++) {
		putchar(*text);
		if (*text == '\n')
			printf("%*s", indent, "");
	}
}

/* "-f, --force" or "    --root <dir>", as util-linux lines its options up. */
static void put_option(int val, const char *name, const char *arg, const char *text)
{
	char left[40];

	if (val < 256)
		snprintf(left, sizeof(left), "-%c, --%s%s%s", val, name, arg ? " " : "",
			 arg ? arg : "");
	else
		snprintf(left, sizeof(left), "    --%s%s%s", name, arg ? " " : "", arg ? arg : "");
	printf(" %-22s ", left);
	put_indented(text, 24);
	putchar('\n');
}

static void put_synopsis(const struct pxe_command *c)
{
	const char *line = c->synopsis, *end;

	for (; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (*line == ' ')
			printf("%*s%.*s\n", (int)sizeof(" " PROGRAM " pxe") - 1, "",
			       (int)(end - line), line);
		else
			printf(" " PROGRAM " pxe %.*s\n", (int)(end - line), line);
	}
}

/* pxe --help: every subcommand in brief; pxe CMD --help: that one with its options. */
static void usage(const struct pxe_command *c)
{
	size_t k, h;

	fputs("Usage:\n", stdout);
	for (k = 0; k < NCOMMANDS; k++)
		if (!c || c == &commands[k])
			put_synopsis(&commands[k]);
	if (!c) {
		fputs("\nManage the pxelinux.cfg/ files an s390x guest's network firmware reads.\n"
		      "A guest is a MAC address (any spelling), a UUID, \"default\", or a libvirt\n"
		      "domain name (written as its UUID, which the firmware tries first).\n"
		      "\nCommands:\n",
		      stdout);
		for (k = 0; k < NCOMMANDS; k++) {
			printf(" %-8s ", commands[k].name);
			put_indented(commands[k].what, 10);
			putchar('\n');
		}
		fputs("\nOptions:\n", stdout);
		put_option(options[0].val, options[0].name, options[0].arg,
			   options[0].help[0].text);
		put_option('h', "help", NULL, "display this help, or a command's with its options");
		fputs("\nSee '" PROGRAM
		      " pxe <command> --help' for a command's options, and\n" PROGRAM "(8).\n",
		      stdout);
		return;
	}
	putchar('\n');
	put_indented(c->what, 0);
	fputs("\n\nOptions:\n", stdout);
	for (k = 0; k < NOPTIONS; k++) {
		if (!(options[k].commands & c->bit))
			continue;
		for (h = 0; !(options[k].help[h].commands & c->bit); h++)
			;
		put_option(options[k].val, options[k].name, options[k].arg,
			   options[k].help[h].text);
	}
	put_option('h', "help", NULL, "display this help");
	if (c->guests == GUESTS)
		fputs("\nEvery guest's entry is checked before any file is written.\n", stdout);
	fputs("\nFor more details see " PROGRAM "(8).\n", stdout);
}

/* "'local', 'install --once' and 'setup'": where @opt is taken. */
static void where(const struct pxe_option *opt, char *buf, size_t len)
{
	size_t k, n = 0, at = 0, total = 0;

	for (k = 0; k < NCOMMANDS; k++)
		total += (opt->commands & commands[k].bit) != 0;
	buf[0] = '\0';
	for (k = 0; k < NCOMMANDS && at < len; k++) {
		if (!(opt->commands & commands[k].bit))
			continue;
		n++;
		at += (size_t)snprintf(buf + at, len - at, "%s'%s%s'",
				       n == 1	    ? ""
				       : n == total ? " and "
						    : ", ",
				       commands[k].name,
				       opt->once_only & commands[k].bit ? " --once" : "");
	}
}

/* Each option given must be one @c takes; then the guests it takes. */
static int allow(const struct pxe_command *c, const struct pxe_opts *o, const bool *given)
{
	char list[120];
	size_t k;

	for (k = 0; k < NOPTIONS; k++) {
		const struct pxe_option *opt = &options[k];

		if (!given[k])
			continue;
		if ((opt->commands & c->bit) && !((opt->once_only & c->bit) && !o->once))
			continue;
		where(opt, list, sizeof(list));
		return cli_error("pxe %s: --%s is only for %s", c->name, opt->name, list);
	}
	if (c->guests != NO_GUEST && !o->guest)
		return cli_error("pxe %s: no guest given", c->name);
	if (c->guests == NO_GUEST && o->guest)
		return cli_error("pxe %s: unexpected argument '%s'", c->name, o->guest);
	if (c->guests == ONE_GUEST && o->nguests > 1)
		return cli_error("pxe %s: one guest at a time ('%s' is a second)", c->name,
				 o->guests[1]);
	return 0;
}

/*
 * getopt_long, as every command parses: options anywhere ("--append -h" is a value),
 * "--" ends them. The first operand is the subcommand, the rest are guests.
 */
static int parse(int argc, char **argv, struct pxe_opts *o, bool *given, bool *help)
{
	struct option longopts[NOPTIONS + 2];
	size_t k;
	int c, i;

	for (k = 0; k < NOPTIONS; k++)
		longopts[k] = (struct option){ options[k].name,
					       options[k].arg ? required_argument : no_argument,
					       NULL, options[k].val };
	longopts[k++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[k] = (struct option){ NULL, 0, NULL, 0 };
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":fJh", longopts)) != -1) {
		if (c == 'h') {
			*help = true;
			continue;
		}
		for (k = 0; k < NOPTIONS && options[k].val != c; k++)
			;
		if (k == NOPTIONS)
			return cli_getopt_fail("pxe", argv, c);
		given[k] = true;
		if (options[k].arg)
			*(const char **)((char *)o + options[k].field) = optarg;
		o->force |= c == 'f';
		o->json |= c == 'J';
		o->once |= c == O_ONCE;
		o->strict |= c == O_STRICT;
		o->secure_ipl |= c == O_SECURE_IPL;
	}
	for (i = optind - 1; i < argc; i++) {
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

int cmd_pxe(const struct cli_ctx *ctx, int argc, char **argv)
{
	const struct pxe_command *c;
	bool given[NOPTIONS] = { false }, help = false;
	struct pxe_opts o = { 0 };
	int rc;

	(void)ctx;
	if ((rc = parse(argc, argv, &o, given, &help)))
		return rc;
	c = command_named(o.command);
	if (o.command && !c)
		return cli_error("pxe: unknown command '%s' (see '" PROGRAM " pxe --help')",
				 o.command);
	if (help) {
		usage(c);
		return EXIT_SUCCESS;
	}
	if (!c)
		return cli_error("pxe: no command given (see '" PROGRAM " pxe --help')");
	if ((rc = allow(c, &o, given)))
		return rc;
	if (!o.root)
		o.root = cli_tftp_root();
	switch (c->bit) {
	case LOCAL:
		return cmd_pxe_write(&o, true);
	case INSTALL:
		return cmd_pxe_write(&o, false);
	case SHOW:
		return cmd_pxe_show(&o);
	case SETUP:
		return cmd_pxe_setup(&o);
	case LIST:
		return cmd_pxe_list(&o);
	case REMOVE:
		return cmd_pxe_remove(&o);
	default:
		return cmd_pxe_check(&o);
	}
}
