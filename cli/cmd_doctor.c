// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_doctor.c - reboot-s390x doctor: check a hypervisor's setup end to end.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "virt/doctor.h"
#include "virt/domain.h"
#include "pxe/helpers.h"
#include "pxe/readfile.h"
#include "virt/libvirt.h"

static void usage(void)
{
	fputs("Usage:\n"
	      " " PROGRAM " doctor [--root <dir>] [--network <name> [--connect <uri>] |\n"
	      "                                    --network-xml <file>] [--init <file>]\n"
	      "                                    [--domain <name>]... [--strict] [--json]\n"
	      "\n"
	      "Check what s390x guests need to provision through the network: the TFTP tree\n"
	      "(as 'pxe check' does), the reboot kernel and initrd, the libvirt network's TFTP\n"
	      "root, boot file and dnsmasq options, SELinux labels, and libvirt domains: boot\n"
	      "order, QEMU version, the local boot methods each can use, the entry its\n"
	      "loadparm selects. Says what to fix.\n"
	      "\n"
	      "Options:\n"
	      "     --root <dir>          the TFTP root (default: $REBOOT_S390X_TFTP_ROOT,\n"
	      "                           else " CLI_TFTP_ROOT ")\n"
	      "     --network <name>      the libvirt network serving it (through libvirt)\n"
	      "     --connect <uri>       libvirt URI (default: libvirt's)\n"
	      "     --network-xml <file>  the network's XML, instead of asking libvirt\n"
	      "     --domain <name>       a libvirt domain to check (repeatable)\n"
	      "     --strict              warnings fail too (exit status 1)\n"
	      " -J, --json                the findings as JSON (keys: see " PROGRAM "(8))\n"
	      "     --init <file>         the reboot-s390x-init the initrd should hold\n"
	      "                           (default: the one installed with this program)\n"
	      " -h, --help                display this help\n"
	      "\n"
	      "Exit status 1 when something must be fixed (errors; with --strict also\n"
	      "warnings), 0 otherwise: fit for cron on a Foreman-managed tree.\n"
	      "For more details see reboot-s390x(8).\n",
	      stdout);
}

int cmd_doctor(const struct cli_ctx *ctx, int argc, char **argv)
{
	enum { O_ROOT = 256, O_NETWORK, O_NETWORK_XML, O_CONNECT, O_INIT, O_DOMAIN, O_STRICT };
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, O_ROOT },
		{ "network", required_argument, NULL, O_NETWORK },
		{ "network-xml", required_argument, NULL, O_NETWORK_XML },
		{ "connect", required_argument, NULL, O_CONNECT },
		{ "init", required_argument, NULL, O_INIT },
		{ "domain", required_argument, NULL, O_DOMAIN },
		{ "strict", no_argument, NULL, O_STRICT },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pxe_doctor_input in = { 0 };
	const char *network = NULL, *xml_file = NULL, *connect = NULL, *root = cli_tftp_root();
	struct pxe_tree t;
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	const char *domains[64];
	struct pxe_domain *doms;
	struct pxe_lint_domain *lint_doms;
	char *xml = NULL;
	int c, i, ndomains = 0, rc;
	bool strict = false, json = false;

	(void)ctx;
	in.reference_init = cli_installed_init();
	in.reference_payload = cli_installed_payload();
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":Jh", longopts)) != -1) {
		switch (c) {
		case O_ROOT:
			root = optarg;
			break;
		case O_NETWORK:
			network = optarg;
			break;
		case O_NETWORK_XML:
			xml_file = optarg;
			break;
		case O_CONNECT:
			connect = optarg;
			break;
		case O_INIT:
			in.reference_init = optarg;
			break;
		case O_DOMAIN:
			if (ndomains == 64)
				return cli_error("doctor: more than 64 domains");
			domains[ndomains++] = optarg;
			break;
		case O_STRICT:
			strict = true;
			break;
		case 'J':
			json = true;
			break;
		case 'h':
			usage();
			return EXIT_SUCCESS;
		default:
			return cli_getopt_fail("doctor", argv, c);
		}
	}
	if (optind - 1 < argc)
		return cli_error("doctor: unexpected argument '%s' (see '" PROGRAM
				 " doctor --help')",
				 argv[optind - 1]);
	if (network && xml_file)
		return cli_error("doctor: give --network or --network-xml, not both");
	if (xml_file) {
		unsigned char *data;
		size_t len;

		/* A regular file of at most 1 MiB: never /dev/zero or a FIFO. */
		if (pxe_read_file(xml_file, 1u << 20, &data, &len, &err))
			return cli_error("doctor: %s", err.msg);
		data[len] = '\0';
		xml = (char *)data;
		in.network_name = xml_file;
	} else if (network) {
		if (pxe_libvirt_network_xml(connect, network, &xml, &err))
			return cli_error("doctor: %s", err.msg);
		in.network_name = network;
	}
	in.network_xml = xml;
	/* The domains first: the tree's files for them are read as their firmware reads them. */
	doms = calloc((size_t)ndomains + 1, sizeof(*doms));
	lint_doms = calloc((size_t)ndomains + 1, sizeof(*lint_doms));
	if (!doms || !lint_doms) {
		free(doms);
		free(lint_doms);
		free(xml);
		return cli_error("doctor: out of memory");
	}
	for (i = 0, rc = 0; rc == 0 && i < ndomains; i++) {
		rc = pxe_libvirt_domain(connect, domains[i], &doms[i], &err);
		lint_doms[i] = (struct pxe_lint_domain){ domains[i], &doms[i] };
	}
	in.domains = lint_doms;
	in.ndomains = ndomains;
	if (rc == 0 && (rc = pxe_tree_open(root, &t, &err)) == 0) {
		rc = pxe_doctor(&t, &in, &f, &err);
		for (i = 0; rc == 0 && i < ndomains; i++)
			pxe_domain_check(domains[i], &doms[i], &t, &f);
		pxe_tree_close(&t);
	}
	free(xml);
	free(doms);
	free(lint_doms);
	if (rc) {
		pxe_findings_free(&f);
		return cli_error("doctor: %s", err.msg);
	}
	if (!json && pxe_findings_errors(&f) == 0 && pxe_findings_warnings(&f) == 0) {
		cli_print_findings(&f);
		printf("Everything looks right.\n");
	}
	rc = json || pxe_findings_errors(&f) || pxe_findings_warnings(&f)
		     ? cli_findings_report(&f, json)
		     : cli_findings_summary(&f);
	if (strict && pxe_findings_warnings(&f))
		rc = EXIT_FAILURE;
	pxe_findings_free(&f);
	return rc;
}
