// SPDX-License-Identifier: GPL-2.0
/*
 * busid.c - CCW bus-ID parsing and normalisation.
 *
 * chreipl reads each field with strtoul, which lets "0x12", "-1" and blanks through
 * and overflows its 10-byte buffer on negative input; here every character must be a
 * hex digit and every field must fit before anything is stored.
 *
 * Freestanding: this file is also compiled into the payload (Makefile, PAYLOAD_SRCS),
 * where there is no libc. It may include only GCC's own headers and what payload/include
 * provides (errno.h, stdio.h's snprintf family, string.h); anything else fails the
 * payload's build, which uses -nostdinc.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "reipl/busid.h"
#include "reipl/hex.h"

/* Read 1 to @max hex digits ending at @end; store the value in @val. */
static int parse_field(const char *s, const char *end, size_t max, unsigned int *val)
{
	size_t len = (size_t)(end - s);
	unsigned int v = 0;

	if (len == 0 || len > max)
		return -EINVAL;
	for (; s < end; s++) {
		int d = reipl_hex_digit(*s);

		if (d < 0)
			return -EINVAL;
		v = v * 16 + (unsigned int)d;
	}
	*val = v;
	return 0;
}

int reipl_busid_parse(const char *s, struct reipl_busid *id)
{
	const char *dot1, *dot2, *end;
	struct reipl_busid out = { 0, 0, 0 };

	end = s + strlen(s);
	if (end - s > 9)
		return -EINVAL;
	dot1 = strchr(s, '.');
	if (!dot1) {
		if (parse_field(s, end, 4, &out.devno))
			return -EINVAL;
		*id = out;
		return 0;
	}
	dot2 = strchr(dot1 + 1, '.');
	if (!dot2 || strchr(dot2 + 1, '.'))
		return -EINVAL;
	if (parse_field(s, dot1, 2, &out.cssid) || parse_field(dot1 + 1, dot2, 1, &out.ssid) ||
	    parse_field(dot2 + 1, end, 4, &out.devno))
		return -EINVAL;
	*id = out;
	return 0;
}

void reipl_busid_format(const struct reipl_busid *id, char buf[REIPL_BUSID_LEN])
{
	snprintf(buf, REIPL_BUSID_LEN, "%x.%x.%04x", id->cssid & 0xffu, id->ssid & 0xfu,
		 id->devno & 0xffffu);
}

int reipl_busid_cmp(const struct reipl_busid *a, const struct reipl_busid *b)
{
	if (a->cssid != b->cssid)
		return a->cssid < b->cssid ? -1 : 1;
	if (a->ssid != b->ssid)
		return a->ssid < b->ssid ? -1 : 1;
	if (a->devno != b->devno)
		return a->devno < b->devno ? -1 : 1;
	return 0;
}

bool reipl_busid_equal(const struct reipl_busid *a, const struct reipl_busid *b)
{
	return reipl_busid_cmp(a, b) == 0;
}
