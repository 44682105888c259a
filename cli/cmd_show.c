// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_show.c - reboot-s390x show: lsreipl, and the same fields as JSON for scripts.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reipl/show.h"
#include "reipl/target.h"
#ifndef CLI_REIPL_ONLY
#include "table.h"
#endif

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " show [--ipl] [--json]\n"
	      "\n"
	      "Show the re-IPL settings (the device the next reboot starts), or with --ipl\n"
	      "the settings of the last IPL, as lsreipl does.\n"
	      "\n"
	      "Options:\n"
	      " -i, --ipl   show the IPL settings\n"
	      " -J, --json  one JSON object of the same fields (keys: see " PROGRAM "(8))\n"
	      " -h, --help  display this help\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

#ifndef CLI_REIPL_ONLY
/* The fields collected, to become one row of a table whose columns are their keys. */
struct show_fields {
	char keys[16][16];
	char values[16][REIPL_SCPDATA_MAX + 2];
	int n;
};

static void collect(void *arg, const char *key, const char *label, const char *value, bool quoted)
{
	struct show_fields *f = arg;

	(void)label, (void)quoted;
	if (f->n == 16)
		return;
	snprintf(f->keys[f->n], sizeof(f->keys[0]), "%s", key);
	snprintf(f->values[f->n], sizeof(f->values[0]), "%s", value);
	f->n++;
}

static int show_json(const struct cli_ctx *ctx, bool ipl)
{
	static struct show_fields f;
	const char *cols[16], *row[16];
	struct reipl_error err;
	struct cli_table *t;
	int i;

	f.n = 0;
	if (reipl_show_each(ctx->sysroot, ipl, collect, &f, &err))
		return cli_error("%s", err.msg);
	for (i = 0; i < f.n; i++)
		cols[i] = f.keys[i], row[i] = f.values[i];
	t = cli_table_new(ipl ? "ipl" : "reipl", true, cols, f.n);
	if (!t || cli_table_row(t, row)) {
		cli_table_free(t);
		return cli_error("show: out of memory");
	}
	cli_table_print(t);
	return EXIT_SUCCESS;
}
#endif

int cmd_show(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ipl", no_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct reipl_error err;
	bool ipl = false, json = false;
	int c;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":iJh", longopts)) != -1) {
		switch (c) {
		case 'i':
			ipl = true;
			break;
		case 'J':
			json = true;
			break;
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("show", argv, c);
		}
	}
	if (optind - 1 < argc)
		return cli_error("show: unexpected argument '%s'", argv[optind - 1]);
	if (json) {
#ifdef CLI_REIPL_ONLY
		return cli_no_json("show");
#else
		return show_json(ctx, ipl);
#endif
	}
	if (reipl_show(ctx->sysroot, ipl, stdout, &err))
		return cli_error("%s", err.msg);
	return EXIT_SUCCESS;
}
