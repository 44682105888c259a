/* SPDX-License-Identifier: GPL-2.0 */
/*
 * diag308.h - setting the re-IPL device and re-IPLing with DIAGNOSE 308.
 */
#ifndef PAYLOAD_DIAG308_H
#define PAYLOAD_DIAG308_H

#include <stdbool.h>

#define DIAG308_RC_OK 0x0001

/*
 * Read the current IPL parameter block (subcode 6). When it is a CCW block, store its
 * device in *ssid and *devno and return 0; otherwise return the DIAGNOSE return code
 * (or -1 for a block of another type).
 */
long diag308_current_ccw(unsigned int *ssid, unsigned int *devno);

/*
 * Store a CCW IPL parameter block for ssid/devno with @loadparm (NULL: none; up to 8 of
 * A-Z a-z 0-9 . blank, converted to EBCDIC) with subcode 5. Returns the return code.
 */
long diag308_set_ccw(unsigned int ssid, unsigned int devno, const char *loadparm);

/* Re-IPL from the stored block (subcode 3, "load clear"). Returns only on failure. */
long diag308_reipl(void);

#endif
