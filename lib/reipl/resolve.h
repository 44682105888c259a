/* SPDX-License-Identifier: GPL-2.0 */
/*
 * resolve.h - from what the user wrote to a concrete target on this system.
 */
#ifndef REIPL_RESOLVE_H
#define REIPL_RESOLVE_H

#include "reipl/target.h"

/*
 * Detect the type of a bus-ID or path target, pick the disk for "auto", resolve a
 * "node" to the device behind it, and check that the device exists as chreipl does
 * (skipped by -f; detection and auto need the device and are never skipped). Reads
 * only; writes nothing. Returns 0 or a negative errno with a message in @err.
 */
int reipl_resolve(const char *root, struct reipl_target *t, struct reipl_error *err);

/*
 * The helper's extra rule: a ccw target must be a disk (virtio-blk, virtio-scsi, DASD),
 * because re-IPLing the network card only boots the network again, forever. -f allows it.
 */
int reipl_require_disk(const char *root, const struct reipl_target *t, struct reipl_error *err);

#endif
