// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_devices.c - reboot-s390x devices: the CCW devices and what they are.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reipl/ccw.h"
#ifndef CLI_REIPL_ONLY
#include "table.h"
#endif

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " devices [--json]\n"
	      "\n"
	      "List the CCW devices with their kinds (from the control unit and device\n"
	      "types, no driver needed), their state, and which one the system was IPLed\n"
	      "from. Disks are the devices a CCW re-IPL can boot.\n"
	      "\n"
	      "Options:\n"
	      " -J, --json  the same table as JSON (keys: see " PROGRAM "(8))\n"
	      " -h, --help  display this help\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

#ifndef CLI_REIPL_ONLY
/* The table's columns and cells are described once, in lib/reipl/ccw.c. */
static int devices_json(const struct reipl_ccwdev *devs, size_t n, const struct reipl_busid *ipl)
{
	struct cli_table *t = cli_table_new("devices", true, reipl_ccw_columns, REIPL_CCW_NCOLS);
	struct reipl_ccw_row row;
	const char *cells[REIPL_CCW_NCOLS];
	size_t i;
	int c;

	for (i = 0; t && i < n; i++) {
		reipl_ccw_cells(&devs[i], ipl, &row);
		for (c = 0; c < REIPL_CCW_NCOLS; c++)
			cells[c] = row.cell[c];
		if (cli_table_row(t, cells))
			break;
	}
	if (!t || i < n) {
		cli_table_free(t);
		return cli_error("devices: out of memory");
	}
	cli_table_print(t);
	return EXIT_SUCCESS;
}
#endif

int cmd_devices(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct reipl_ccwdev *devs;
	struct reipl_busid ipl;
	struct reipl_error err;
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool json = false, has_ipl;
	size_t n;
	int c, rc = EXIT_SUCCESS;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":Jh", longopts)) != -1) {
		switch (c) {
		case 'J':
			json = true;
			break;
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("devices", argv, c);
		}
	}
	if (optind - 1 < argc)
		return cli_error("devices: unexpected argument '%s'", argv[optind - 1]);
#ifdef CLI_REIPL_ONLY
	if (json)
		return cli_no_json("devices");
#endif
	if (reipl_ccw_scan(ctx->sysroot, &devs, &n, &err))
		return cli_error("%s", err.msg);
	has_ipl = reipl_ipl_device(ctx->sysroot, &ipl) == 0;
#ifndef CLI_REIPL_ONLY
	if (json)
		rc = devices_json(devs, n, has_ipl ? &ipl : NULL);
	else
#endif
		reipl_ccw_print(stdout, devs, n, has_ipl ? &ipl : NULL);
	free(devs);
	return rc;
}
