/* SPDX-License-Identifier: GPL-2.0 */
/*
 * setup.h - `pxe setup`: one helper (the payload, or a kernel and the reboot initrd) read
 * and checked, then put into a TFTP root under every name an entry asks for, all or none.
 */
#ifndef PXE_SETUP_H
#define PXE_SETUP_H

#include <stdbool.h>

#include "pxe/helpers.h"
#include "pxe/method.h"
#include "pxe/tree.h"
#include "reipl/reipl_error.h"

struct pxe_setup_request {
	enum pxe_method method; /* PXE_METHOD_PAYLOAD or PXE_METHOD_LINUX */
	const char *payload;	/* payload: the image to copy */
	const char *kernel;	/* linux: the s390x kernel to copy */
	const char *init;	/* linux: the static s390x init of the reboot initrd */
};

/* What pxe_setup put into the root: each file, and whether it changed. */
struct pxe_setup_result {
	struct pxe_helper_file files[PXE_HELPER_FILES_MAX];
	bool changed[PXE_HELPER_FILES_MAX];
	int n;
};

/*
 * Read and check the helper @r names (the payload's signature, an s390x kernel's layout;
 * the reboot initrd built from @r->init), then put all its files into the root of @t, or
 * none. 0 or -errno with a message; nothing is written unless every check passed.
 */
int pxe_setup(const struct pxe_tree *t, const struct pxe_setup_request *r,
	      struct pxe_setup_result *out, struct reipl_error *err);

#endif
