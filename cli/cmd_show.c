// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_show.c - reboot-s390x show: lsreipl.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "show.h"

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " show [--ipl]\n"
	      "\n"
	      "Show the re-IPL settings (the device the next reboot starts), or with --ipl\n"
	      "the settings of the last IPL, as lsreipl does.\n"
	      "\n"
	      "Options:\n"
	      " -i, --ipl   show the IPL settings\n"
	      " -h, --help  display this help\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

int cmd_show(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct reipl_error err;
	bool ipl = false;
	int i;

	for (i = 0; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			usage();
			return EXIT_SUCCESS;
		}
		if (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "--ipl") == 0)
			ipl = true;
		else
			return cli_error("show: unexpected argument '%s'", argv[i]);
	}
	if (reipl_show(ctx->sysroot, ipl, stdout, &err))
		return cli_error("%s", err.msg);
	return EXIT_SUCCESS;
}
