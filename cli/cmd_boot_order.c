// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_boot_order.c - reboot-s390x boot-order: "network, then disk" for libvirt domains.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "virt/domain.h"
#include "virt/libvirt.h"

#define MAX_DOMAINS 64

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " boot-order [--connect <uri>] [--dry-run] <domain>...\n"
	      "\n"
	      "Give each libvirt domain the boot order an s390x guest provisioned through the\n"
	      "network needs: its first interface first, its first disk right after it (what\n"
	      "the fallback method uses on QEMU 9.2 and later). Other devices with a boot order\n"
	      "follow; <os><boot dev> goes (s390x has none); nothing else changes. Every domain\n"
	      "is read and checked before any is changed. It takes effect at the next start.\n"
	      "\n"
	      "Options:\n"
	      "     --connect <uri>   libvirt URI (default: libvirt's)\n"
	      " -n, --dry-run       print the new XML, change nothing\n"
	      " -h, --help          display this help\n"
	      "\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

int cmd_boot_order(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *connect = NULL, *names[MAX_DOMAINS];
	char *xml[MAX_DOMAINS] = { 0 };
	bool changed[MAX_DOMAINS], dry = false;
	enum { O_CONNECT = 256 };
	static const struct option longopts[] = {
		{ "connect", required_argument, NULL, O_CONNECT },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct reipl_error err;
	int i, c, n = 0, rc = EXIT_SUCCESS;

	(void)ctx;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":nh", longopts)) != -1) {
		switch (c) {
		case O_CONNECT:
			connect = optarg;
			break;
		case 'n':
			dry = true;
			break;
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("boot-order", argv, c);
		}
	}
	for (i = optind - 1; i < argc; i++) {
		if (n == MAX_DOMAINS)
			return cli_error("boot-order: more than %d domains", MAX_DOMAINS);
		names[n++] = argv[i];
	}
	if (n == 0)
		return cli_error("boot-order: no domain given");
	/* Everything read and rewritten first: a refusal changes nothing. */
	for (i = 0; i < n && rc == EXIT_SUCCESS; i++) {
		char *old = NULL;

		if (pxe_libvirt_domain_xml(connect, names[i], &old, &err) ||
		    pxe_domain_boot_order_xml(old, &xml[i], &changed[i], &err))
			rc = cli_error("boot-order: domain '%s': %s", names[i], err.msg);
		free(old);
	}
	for (i = 0; i < n && rc == EXIT_SUCCESS; i++) {
		if (dry) {
			fputs(xml[i], stdout);
			continue;
		}
		if (changed[i] && pxe_libvirt_define(connect, xml[i], &err)) {
			rc = cli_error("boot-order: domain '%s': %s", names[i], err.msg);
			break;
		}
		printf("domain %s: boot order network, then disk%s\n", names[i],
		       changed[i] ? " (from its next start)" : " (unchanged)");
	}
	for (i = 0; i < n; i++)
		free(xml[i]);
	return rc;
}
