// SPDX-License-Identifier: GPL-2.0
/*
 * helpers.c - which helper file goes under which name (see helpers.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pxe/entry.h"
#include "pxe/helpers.h"
#include "pxe/tree.h"
#include "reipl/signature.h"

void pxe_helper_linux_names(const struct pxe_tree *t, const char **kernel, const char **initrd)
{
	bool seed = faccessat(t->rootfd, PXE_SEED_KERNEL, F_OK, 0) == 0 ||
		    faccessat(t->rootfd, PXE_SEED_INITRD, F_OK, 0) == 0;
	bool foreman = faccessat(t->rootfd, PXE_FOREMAN_KERNEL, F_OK, 0) == 0 ||
		       faccessat(t->rootfd, PXE_FOREMAN_INITRD, F_OK, 0) == 0;

	*kernel = foreman && !seed ? PXE_FOREMAN_KERNEL : PXE_SEED_KERNEL;
	*initrd = foreman && !seed ? PXE_FOREMAN_INITRD : PXE_SEED_INITRD;
}

int pxe_helper_files(enum pxe_method method, struct pxe_helper_file *out)
{
	int n = 0;

	if (method == PXE_METHOD_PAYLOAD) {
		out[n++] = (struct pxe_helper_file){ PXE_PAYLOAD_FILE, PXE_FROM_PAYLOAD };
		out[n++] = (struct pxe_helper_file){ PXE_SEED_KERNEL, PXE_FROM_PAYLOAD };
		out[n++] = (struct pxe_helper_file){ PXE_FOREMAN_KERNEL, PXE_FROM_PAYLOAD };
		out[n++] = (struct pxe_helper_file){ PXE_SEED_INITRD, PXE_FROM_PLACEHOLDER };
		out[n++] = (struct pxe_helper_file){ PXE_FOREMAN_INITRD, PXE_FROM_PLACEHOLDER };
	} else if (method == PXE_METHOD_LINUX) {
		out[n++] = (struct pxe_helper_file){ PXE_SEED_KERNEL, PXE_FROM_KERNEL };
		out[n++] = (struct pxe_helper_file){ PXE_FOREMAN_KERNEL, PXE_FROM_KERNEL };
		out[n++] = (struct pxe_helper_file){ PXE_SEED_INITRD, PXE_FROM_INITRD };
		out[n++] = (struct pxe_helper_file){ PXE_FOREMAN_INITRD, PXE_FROM_INITRD };
	}
	return n;
}

bool pxe_is_payload(const unsigned char *data, size_t len)
{
	return memmem(data, len, REIPL_PAYLOAD_SIGNATURE, strlen(REIPL_PAYLOAD_SIGNATURE)) != NULL;
}

bool pxe_is_s390_image(const unsigned char *data, size_t len)
{
	return len >= 0x10008 + 6 && memcmp(data + 0x10008, "S390EP", 6) == 0;
}
