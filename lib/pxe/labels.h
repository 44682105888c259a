/* SPDX-License-Identifier: GPL-2.0 */
/*
 * labels.h - the SELinux labels of the files in pxelinux.cfg/, against the policy.
 */
#ifndef PXE_LABELS_H
#define PXE_LABELS_H

#include "pxe/lint.h"
#include "pxe/tree.h"

/* Files whose SELinux context is not the one the policy wants; nothing where SELinux is
 * off. */
void pxe_labels_check(const struct pxe_tree *t, struct pxe_findings *out);

#endif
