/* SPDX-License-Identifier: GPL-2.0 */
/*
 * provision.h - the entries of `pxe local/install` and `reprovision` written together with
 * what their domains' definitions need (--method host, lib/virt/host.h): every file and
 * every definition worked out and checked first, then all written, or none.
 */
#ifndef VIRT_PROVISION_H
#define VIRT_PROVISION_H

#include <stddef.h>

#include "pxe/plan.h"
#include "pxe/tree.h"
#include "reipl/reipl_error.h"

/*
 * Plan @plans[0..@n) (pxe_plan_all), read and rewrite the definition of each domain that
 * follows its entry (libvirt at @uri), write the files (pxe_plan_commit), then define the
 * domains. When a definition is refused, the ones defined before it and every file are
 * put back, each only while it is still what was written (an admin's write made meanwhile
 * is left as it is), and the message says so. 0 or -errno with a message.
 */
int pxe_provision_write(const char *uri, struct pxe_tree *t, const struct pxe_write_request *r,
			struct pxe_plan *plans, size_t n, struct reipl_error *err);

#endif
