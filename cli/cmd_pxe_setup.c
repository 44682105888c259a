// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_pxe_setup.c - pxe setup: its options, the helper installed with this program as the
 * default, and what lib/pxe/setup.c put into the root.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "pxe/setup.h"
#include "cmd_pxe.h"

int cmd_pxe_setup(const struct pxe_opts *o)
{
	static const char *const what[] = { "the payload", "the kernel", "the reboot initrd",
					    "a placeholder initrd for the payload" };
	struct pxe_setup_request r = { .method = PXE_METHOD_PAYLOAD };
	struct pxe_setup_result done;
	struct reipl_error err;
	struct pxe_tree t;
	int i, rc;

	if (o->method && (pxe_method_parse(o->method, &r.method, &err) ||
			  (r.method != PXE_METHOD_PAYLOAD && r.method != PXE_METHOD_LINUX)))
		return cli_error("pxe setup: --method is payload or linux, not '%s'", o->method);
	if (r.method == PXE_METHOD_PAYLOAD && (o->kernel || o->init))
		return cli_error("pxe setup: --kernel and --init are for --method linux");
	if (r.method == PXE_METHOD_LINUX && !o->kernel)
		return cli_error("pxe setup: --method linux needs --kernel <file>, an s390x "
				 "kernel to copy");
	if (r.method == PXE_METHOD_LINUX && o->payload)
		return cli_error("pxe setup: --payload is for --method payload");
	r.payload = o->payload ? o->payload : cli_installed_payload();
	r.kernel = o->kernel;
	r.init = o->init ? o->init : cli_installed_init();
	/* (the helper files go into the root itself: pxelinux.cfg/ need not be there) */
	if (cmd_pxe_open_tree("pxe setup", o->root, &t))
		return EXIT_FAILURE;
	rc = pxe_setup(&t, &r, &done, &err);
	pxe_tree_close(&t);
	if (rc)
		return cli_error("pxe setup: %s", err.msg);
	for (i = 0; i < done.n; i++)
		printf("%s: %s%s\n", done.files[i].name, what[done.files[i].source],
		       done.changed[i] ? "" : " (unchanged)");
	return EXIT_SUCCESS;
}
