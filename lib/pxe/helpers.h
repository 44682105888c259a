/* SPDX-License-Identifier: GPL-2.0 */
/*
 * helpers.h - the helper files local entries boot, under every name they are asked for.
 *
 * The seed's entries name reboot-kernel.img and reboot-initrd.img; Foreman's template
 * kernel-reboot.img and initrd-reboot.img; `pxe local --method payload` the payload under
 * its own name. `pxe setup` puts one helper under all of them, so that any of those
 * entries boots it: the payload (kernel names; a small placeholder as the initrd the
 * firmware wants, which the payload never reads) or Linux (a kernel and the reboot initrd).
 */
#ifndef PXE_HELPERS_H
#define PXE_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

#include "pxe/method.h"
#include "reipl/reipl_error.h"

/* What the payload's entries give the firmware as the initrd it insists on. */
#define PXE_PLACEHOLDER_INITRD                                                                     \
	"reboot-s390x: the payload needs no initrd; this file is for the firmware\n"

enum pxe_helper_source { PXE_FROM_PAYLOAD, PXE_FROM_KERNEL, PXE_FROM_INITRD, PXE_FROM_PLACEHOLDER };

struct pxe_helper_file {
	const char *name; /* in the TFTP root */
	enum pxe_helper_source source;
};

#define PXE_HELPER_FILES_MAX 6

/*
 * The Linux helper's names for a local entry that asks for none: the seed's, or
 * Foreman's when only those are in the root (a root Foreman provisioned).
 */
struct pxe_tree;
void pxe_helper_linux_names(const struct pxe_tree *t, const char **kernel, const char **initrd);

/* The files @method (payload or linux) needs, in the order to write them; returns how many. */
int pxe_helper_files(enum pxe_method method, struct pxe_helper_file *out);

/* What the payload prints first and carries in its image (signature.h) is how
 * pxe_is_payload knows it. */

/* The image carries the payload's signature. */
bool pxe_is_payload(const unsigned char *data, size_t len);

/* The image is in the s390x Linux layout: "S390EP" at 0x10008 (a kernel, or the payload). */
bool pxe_is_s390_image(const unsigned char *data, size_t len);

#endif
