/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ccw.h - CCW devices as sysfs shows them, and the device the system was IPLed from.
 */
#ifndef REIPL_CCW_H
#define REIPL_CCW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "reipl/busid.h"
#include "reipl/ccw_kind.h"
#include "reipl/reipl_error.h"

/*
 * Read /sys/bus/ccw/devices/<busid> into @dev. Returns 0, -ENOENT when there is no such
 * device, or -EINVAL when its cutype cannot be read.
 */
int reipl_ccw_get(const char *root, const struct reipl_busid *id, struct reipl_ccwdev *dev);

/*
 * Every CCW device, sorted by bus-ID, in a malloc'ed array the caller frees. A missing
 * /sys/bus/ccw is an error (-ENOENT with a message): this is not an s390 system.
 */
int reipl_ccw_scan(const char *root, struct reipl_ccwdev **devs, size_t *count,
		   struct reipl_error *err);

/* The CCW device the running system was IPLed from: 0, or -ENOENT when it was not CCW. */
int reipl_ipl_device(const char *root, struct reipl_busid *id);

/*
 * The device table, described once: its column names and one row's cells, for the
 * printer below (libc only, also in the init) and the CLI's libsmartcols table and JSON.
 */
#define REIPL_CCW_NCOLS 7
extern const char *const reipl_ccw_columns[REIPL_CCW_NCOLS];
struct reipl_ccw_row {
	char cell[REIPL_CCW_NCOLS][40];
};
void reipl_ccw_cells(const struct reipl_ccwdev *d, const struct reipl_busid *ipl,
		     struct reipl_ccw_row *row);

/* Print the device table (as `reboot-s390x devices` and the helper's report show it). */
void reipl_ccw_print(FILE *out, const struct reipl_ccwdev *devs, size_t count,
		     const struct reipl_busid *ipl);

#endif
