// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mkinitrd.c - reboot-s390x mkinitrd: write the reboot initrd, no dracut needed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cpio.h"
#include "hex.h"

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " mkinitrd [options] -o <file>\n"
	      "\n"
	      "Write the reboot initrd: a reproducible newc cpio holding the static\n"
	      "reboot-s390x-init as /init. Same inputs, same bytes.\n"
	      "\n"
	      "Options:\n"
	      " -o, --output <file>           the image to write (replaced atomically)\n"
	      "     --init <file>             the static s390x init (default: the one installed\n"
	      "                               with this program, ../lib/reboot-s390x/)\n"
	      "     --default-target <args>   chreipl arguments used when the kernel command\n"
	      "                               line has no rd.chreipl= (default: auto)\n"
	      "     --compress gzip|zstd|none compression (default gzip)\n"
	      "     --shell <file>            a static shell, installed as /bin/sh for rd.shell\n"
	      "     --force                   accept programs that are not static s390x ELF\n"
	      " -h, --help                    display this help\n"
	      "\n"
	      "Entries get owner 0 and the mtime SOURCE_DATE_EPOCH (default 0).\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

int cmd_mkinitrd(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct initrd_spec spec = { cli_installed_init(), NULL, NULL, INITRD_GZIP, 0, false };
	const char *output = NULL, *epoch = getenv("SOURCE_DATE_EPOCH"), *v;
	struct reipl_error err;
	uint64_t mtime;
	int i;

	(void)ctx;
	for (i = 0; i < argc; i++) {
		bool missing = false;

		if (cli_is_help(argv[i])) {
			usage();
			return EXIT_SUCCESS;
		} else if (strcmp(argv[i], "--force") == 0) {
			spec.force = true;
		} else if ((v = cli_option_value("--output", argc, argv, &i, &missing)) ||
			   (v = cli_option_value("-o", argc, argv, &i, &missing))) {
			output = v;
		} else if ((v = cli_option_value("--init", argc, argv, &i, &missing))) {
			spec.init = v;
		} else if ((v = cli_option_value("--shell", argc, argv, &i, &missing))) {
			spec.shell = v;
		} else if ((v = cli_option_value("--default-target", argc, argv, &i, &missing))) {
			spec.default_target = v;
		} else if ((v = cli_option_value("--compress", argc, argv, &i, &missing))) {
			if (initrd_compress_parse(v, &spec.compress))
				return cli_error("mkinitrd: --compress must be gzip, zstd or none, "
						 "not '%s'",
						 v);
		} else if (missing) {
			return cli_error("mkinitrd: option '%s' requires an argument", argv[i]);
		} else {
			return cli_error("mkinitrd: unexpected argument '%s' (see '" PROGRAM
					 " mkinitrd --help')",
					 argv[i]);
		}
	}
	if (!output)
		return cli_error("mkinitrd: no output file given (-o <file>)");
	if (epoch) {
		if (reipl_parse_dec(epoch, INT64_MAX, &mtime))
			return cli_error("mkinitrd: SOURCE_DATE_EPOCH '%s' is not a number of "
					 "seconds",
					 epoch);
		spec.mtime = (int64_t)mtime;
	}
	if (initrd_write(&spec, output, &err))
		return cli_error("mkinitrd: %s", err.msg);
	return EXIT_SUCCESS;
}
