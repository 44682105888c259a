/* SPDX-License-Identifier: GPL-2.0 */
/*
 * css.h - the channel subsystem: which CCW devices exist, and what they are.
 */
#ifndef PAYLOAD_CSS_H
#define PAYLOAD_CSS_H

#include <stddef.h>

#include "reipl/ccw_kind.h"

/*
 * Find the devices in every subchannel set (sets 1-3 after enabling the multiple-
 * subchannel-set facility, where the machine has it) with STORE SUBCHANNEL, and ask
 * each for its SENSE ID. Fills at most @max entries, in subchannel order; returns
 * the number found. A device that does not answer SENSE ID has the kind "(no SENSE ID)"
 * and is no disk.
 */
size_t css_scan(struct reipl_ccwdev *devs, size_t max);

#endif
