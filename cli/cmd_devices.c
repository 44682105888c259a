// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_devices.c - reboot-s390x devices: the CCW devices and what they are.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ccw.h"
#include "cli.h"

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " devices\n"
	      "\n"
	      "List the CCW devices with their kinds (from the control unit and device\n"
	      "types, no driver needed), their state, and which one the system was IPLed\n"
	      "from. Disks are the devices a CCW re-IPL can boot.\n"
	      "\n"
	      "Options:\n"
	      " -h, --help  display this help\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

int cmd_devices(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct reipl_ccwdev *devs;
	struct reipl_busid ipl;
	struct reipl_error err;
	size_t n;

	if (argc > 0 && cli_is_help(argv[0])) {
		usage();
		return EXIT_SUCCESS;
	}
	if (argc > 0)
		return cli_error("devices: unexpected argument '%s'", argv[0]);
	if (reipl_ccw_scan(ctx->sysroot, &devs, &n, &err))
		return cli_error("%s", err.msg);
	reipl_ccw_print(stdout, devs, n, reipl_ipl_device(ctx->sysroot, &ipl) == 0 ? &ipl : NULL);
	free(devs);
	return EXIT_SUCCESS;
}
