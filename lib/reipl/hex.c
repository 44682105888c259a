// SPDX-License-Identifier: GPL-2.0
/*
 * hex.c - strict hex and decimal parsing with overflow checks.
 *
 * Freestanding: this file is also compiled into the payload (Makefile, PAYLOAD_SRCS),
 * where there is no libc. It may include only GCC's own headers and what payload/include
 * provides (errno.h, stdio.h's snprintf family, string.h); anything else fails the
 * payload's build, which uses -nostdinc.
 */
#include <errno.h>

#include "reipl/hex.h"

int reipl_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int parse_base(const char *s, unsigned int base, uint64_t max, uint64_t *val)
{
	uint64_t v = 0;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		int d = reipl_hex_digit(*s);

		if (d < 0 || (unsigned int)d >= base)
			return -EINVAL;
		if (v > (max - (uint64_t)d) / base)
			return -ERANGE;
		v = v * base + (uint64_t)d;
	}
	*val = v;
	return 0;
}

int reipl_parse_hex(const char *s, uint64_t max, uint64_t *val)
{
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	return parse_base(s, 16, max, val);
}

int reipl_parse_dec(const char *s, uint64_t max, uint64_t *val)
{
	return parse_base(s, 10, max, val);
}
