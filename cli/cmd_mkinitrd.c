// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mkinitrd.c - reboot-s390x mkinitrd: write the reboot initrd, no dracut needed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "initrd/cpio.h"
#include "reipl/hex.h"

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
	enum { O_INIT = 256, O_SHELL, O_DEFAULT_TARGET, O_COMPRESS, O_FORCE };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "init", required_argument, NULL, O_INIT },
		{ "shell", required_argument, NULL, O_SHELL },
		{ "default-target", required_argument, NULL, O_DEFAULT_TARGET },
		{ "compress", required_argument, NULL, O_COMPRESS },
		{ "force", no_argument, NULL, O_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct initrd_spec spec = { cli_installed_init(), NULL, NULL, INITRD_GZIP, 0, false };
	const char *output = NULL, *epoch = getenv("SOURCE_DATE_EPOCH");
	struct reipl_error err;
	uint64_t mtime;
	int c;

	(void)ctx;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":o:h", longopts)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case O_INIT:
			spec.init = optarg;
			break;
		case O_SHELL:
			spec.shell = optarg;
			break;
		case O_DEFAULT_TARGET:
			spec.default_target = optarg;
			break;
		case O_COMPRESS:
			if (initrd_compress_parse(optarg, &spec.compress))
				return cli_error("mkinitrd: --compress must be gzip, zstd or none, "
						 "not '%s'",
						 optarg);
			break;
		case O_FORCE:
			spec.force = true;
			break;
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("mkinitrd", argv, c);
		}
	}
	if (optind - 1 < argc)
		return cli_error("mkinitrd: unexpected argument '%s' (see '" PROGRAM
				 " mkinitrd --help')",
				 argv[optind - 1]);
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
