/* SPDX-License-Identifier: GPL-2.0 */
/*
 * css.h - the channel subsystem: which CCW devices exist, and what they are.
 */
#ifndef PAYLOAD_CSS_H
#define PAYLOAD_CSS_H

#include <stdbool.h>
#include <stddef.h>

#include "ccw_kind.h"

struct css_device {
	unsigned int ssid;
	unsigned int devno;
	bool sensed;			/* SENSE ID answered */
	struct reipl_ccw_ident ident;
};

/*
 * Find the devices in every subchannel set (sets 1-3 after enabling the multiple-
 * subchannel-set facility, where the machine has it) with STORE SUBCHANNEL, and ask
 * each for its SENSE ID. Fills at most @max entries, in subchannel order; returns
 * the number found.
 */
size_t css_scan(struct css_device *devs, size_t max);

#endif
