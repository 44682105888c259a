/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sclp.h - console output through the SCLP ASCII console (no Linux, no drivers).
 */
#ifndef PAYLOAD_SCLP_H
#define PAYLOAD_SCLP_H

#include <stddef.h>

/* Enable the ASCII console event; 0 or -EIO. */
int sclp_init(void);

/* Write @len bytes; "\n" becomes "\r\n". */
void sclp_write(const char *text, size_t len);

/* printf to the console. */
void sclp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
