// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_set.c - reboot-s390x set: chreipl.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reipl/plan.h"
#include "reipl/resolve.h"
#include "reipl/show.h"

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " set [--dry-run] [ccw] <device> [-L <loadparm>] [-p <parms>] [-c 0|1]\n"
	      " " PROGRAM
	      " set [--dry-run] eckd <device> [-b <prog>] [--brchr <c,h,r>] [-L ..] [-p ..]\n"
	      " " PROGRAM
	      " set [--dry-run] [fcp] <device> <wwpn> <lun> [-b <prog>] [-L ..] [-p ..]\n"
	      " " PROGRAM
	      " set [--dry-run] nvme <fid> [<nsid>] [-b <prog>] [-L ..] [-p ..] [-c 0|1]\n"
	      " " PROGRAM " set [--dry-run] nss <name> [-p <parms>]\n"
	      " " PROGRAM " set [--dry-run] [node] <device node or directory>\n"
	      " " PROGRAM " set [--dry-run] auto [-L ..] [-c 0|1]\n"
	      "\n"
	      "Set the target of the next re-IPL (reboot), with chreipl's syntax. Without a\n"
	      "keyword the target is detected from the bus-ID or path. \"auto\" is the\n"
	      "lowest-numbered CCW disk that is not the IPL device. Long options may be\n"
	      "shortened to any unique prefix (--dev, --load), as with chreipl.\n"
	      "\n"
	      "Options:\n"
	      "     --dry-run            show the writes, make none\n"
	      " -d, --device <busid>     CCW device (ccw, eckd, fcp)\n"
	      " -w, --wwpn <wwpn>        WWPN (fcp)\n"
	      " -l, --lun <lun>          LUN (fcp)\n"
	      " -i, --fid <fid>          PCI function ID (nvme)\n"
	      " -s, --nsid <nsid>        namespace ID, decimal (nvme; default 1)\n"
	      " -n, --name <name>        NSS name (nss)\n"
	      " -b, --bootprog <n>       boot program selector (eckd, fcp, nvme)\n"
	      "     --brchr <c,h,r>|auto boot record location (eckd)\n"
	      " -L, --loadparm <parm>    load parameter, up to 8 of A-Z a-z 0-9 . and blank\n"
	      " -p, --bootparms <parms>  boot parameters for the next boot\n"
	      " -c, --clear <0|1>        clear memory at re-IPL (default: 1 where offered)\n"
	      " -f, --force              do not check that the device exists\n"
	      " -h, --help               display this help\n"
	      " -v, --version            display version\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

static void print_plan(const struct reipl_plan *plan)
{
	int i;

	printf("Would write, in this order:\n");
	for (i = 0; i < plan->count; i++) {
		const struct reipl_write *w = &plan->writes[i];
		size_t len = w->len;

		if (len > 0 && w->value[len - 1] == '\n')
			len--;
		printf("  /sys/firmware/%-20s \"%.*s\"%s\n", w->attr, (int)len, w->value,
		       w->optional ? " (reset, as chreipl does)" : "");
	}
}

int cmd_set(const struct cli_ctx *ctx, int argc, char **argv)
{
	static struct reipl_plan plan;
	struct reipl_target target;
	struct reipl_error err;
	bool dry_run = false;
	int rc, i, n = 0;

	/* --dry-run is ours, not chreipl's: take it from anywhere before "--". */
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[n++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = true;
		else
			argv[n++] = argv[i];
	}
	argc = n;
	if (argc == 0)
		return cli_error("set: no target given (see '" PROGRAM " set --help')");
	if ((rc = reipl_args_parse(argc, argv, &target, &err)))
		return cli_error("%s", err.msg);
	/* As chreipl: -h or -v wherever they stand, when nothing before them was wrong. */
	if (target.opts & REIPL_OPT_HELP) {
		usage();
		return EXIT_SUCCESS;
	}
	if (target.opts & REIPL_OPT_VERSION) {
		printf(PROGRAM " set (chreipl) " VERSION "\n");
		return EXIT_SUCCESS;
	}
	if ((rc = reipl_resolve(ctx->sysroot, &target, &err)) ||
	    (rc = reipl_plan_build(ctx->sysroot, &target, &plan, &err)))
		return cli_error("%s", err.msg);
	if (dry_run) {
		print_plan(&plan);
		return EXIT_SUCCESS;
	}
	if (reipl_plan_apply(ctx->sysroot, &plan, &err))
		return cli_error("%s", err.msg);
	if (reipl_show(ctx->sysroot, false, stdout, &err))
		return cli_error("%s", err.msg);
	return EXIT_SUCCESS;
}
