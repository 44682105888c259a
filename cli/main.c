// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - reboot-s390x: global options and dispatch to a subcommand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(const struct cli_ctx *ctx, int argc, char **argv);
} commands[] = {
	{ "set", cmd_set },
	{ "show", cmd_show },
	{ "devices", cmd_devices },
/* The static s390x build for a test guest (tests/e2e/kernel-sysfs.sh): re-IPL commands only. */
#ifndef CLI_REIPL_ONLY
	{ "mkinitrd", cmd_mkinitrd },
	{ "pxe", cmd_pxe },
	{ "doctor", cmd_doctor },
	{ "boot-order", cmd_boot_order },
	{ "reprovision", cmd_reprovision },
	{ "watch", cmd_watch },
#endif
};

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " [options] <command> [<args>]\n"
	      "\n"
	      "Set and show the re-IPL (reboot) target of an s390x system, the way chreipl\n"
	      "and lsreipl do, on the live system or on a copy of its /sys and /proc.\n"
	      "\n"
	      "Commands:\n"
	      " set [--dry-run] <target> [<args>]  set the re-IPL target (chreipl syntax)\n"
	      " show [--ipl]                       show the re-IPL (or IPL) settings\n"
	      " devices                            list CCW devices with their kinds\n"
	      " mkinitrd [options] -o <file>       write the reboot initrd\n"
	      " pxe --root <dir> <command> ...     per-guest pxelinux.cfg files; check them\n"
	      " doctor --root <dir> [options]      check a hypervisor's provisioning setup\n"
	      " boot-order <domain>...             libvirt domains: network, then disk\n"
	      " reprovision <domain> [options]     install a domain again, then boot its disk\n"
	      " watch [options]                    turn install-once entries local when done\n"
	      "\n"
	      "Options:\n"
	      "     --sysroot <dir>  read and write /sys and /proc below <dir>\n"
	      " -h, --help           display this help\n"
	      " -V, --version        display version\n"
	      "\n"
	      "Run '" PROGRAM " <command> --help' for a command's options.\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { "/" };
	struct stat st;
	size_t k;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i];

		if (cli_is_help(arg)) {
			usage();
			return cli_close_stdout(EXIT_SUCCESS);
		}
		if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
			printf(PROGRAM " " VERSION "\n");
			return cli_close_stdout(EXIT_SUCCESS);
		}
		if (strcmp(arg, "--sysroot") == 0) {
			if (++i == argc)
				return cli_error("option '--sysroot' requires a directory");
			ctx.sysroot = argv[i];
		} else if (strncmp(arg, "--sysroot=", 10) == 0) {
			ctx.sysroot = arg + 10;
		} else {
			return cli_error("unknown option '%s' (see '" PROGRAM " --help')", arg);
		}
	}
	if (i == argc)
		return cli_error("no command given (see '" PROGRAM " --help')");
	if (stat(ctx.sysroot, &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_error("sysroot '%s' is not a directory", ctx.sysroot);
	for (k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(argv[i], commands[k].name) == 0)
			return cli_close_stdout(commands[k].run(&ctx, argc - i - 1, argv + i + 1));
	return cli_error("unknown command '%s' (see '" PROGRAM " --help')", argv[i]);
}
