/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hex.h - strict number parsing shared by the grammar and the sysfs readers.
 *
 * strtoul and friends accept signs, blanks and prefixes and saturate on overflow;
 * these accept exactly the digits they are asked for and report overflow.
 *
 * Freestanding: the payload's build includes this header (-nostdinc); it may include
 * only GCC's own headers (stdbool.h, stdint.h, stddef.h) and other freestanding headers.
 */
#ifndef REIPL_HEX_H
#define REIPL_HEX_H

#include <stdint.h>

/* The value of hex digit @c, or -1. */
int reipl_hex_digit(char c);

/* Hex digits with an optional "0x"/"0X" prefix, at least one digit, value <= @max. */
int reipl_parse_hex(const char *s, uint64_t max, uint64_t *val);

/* Decimal digits only, at least one, value <= @max. */
int reipl_parse_dec(const char *s, uint64_t max, uint64_t *val);

#endif
