/* SPDX-License-Identifier: GPL-2.0 */
/*
 * busid.h - CCW bus-IDs ("0.0.0002"): parsing as chreipl accepts them, strictly.
 *
 * Freestanding: the payload's build includes this header (-nostdinc); it may include
 * only GCC's own headers (stdbool.h, stdint.h, stddef.h) and other freestanding headers.
 */
#ifndef REIPL_BUSID_H
#define REIPL_BUSID_H

#include <stdbool.h>

/* "ff.3.ffff" and a NUL fit in 10 bytes; keep room. */
#define REIPL_BUSID_LEN 16

struct reipl_busid {
	unsigned int cssid;
	unsigned int ssid;
	unsigned int devno;
};

/*
 * Parse @s as chreipl does: "C.S.DDDD" (cssid 1-2 hex digits, ssid 1, devno 1-4) or a
 * bare devno of 1-4 hex digits; at most 9 characters; any case. Unlike chreipl, only
 * hex digits are accepted (no "0x", no sign). Returns 0 or -EINVAL.
 */
int reipl_busid_parse(const char *s, struct reipl_busid *id);

/* Write the normalised form, "%x.%x.%04x" (lower case), into @buf. */
void reipl_busid_format(const struct reipl_busid *id, char buf[REIPL_BUSID_LEN]);

/* Order by cssid, ssid, devno: negative, 0 or positive. */
int reipl_busid_cmp(const struct reipl_busid *a, const struct reipl_busid *b);

bool reipl_busid_equal(const struct reipl_busid *a, const struct reipl_busid *b);

#endif
