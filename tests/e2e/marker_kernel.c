// SPDX-License-Identifier: GPL-2.0
/*
 * marker_kernel.c - a "kernel" for the firmware-model tests: it says which file it is,
 * what initrd the firmware handed it and what command line, then stops.
 *
 * Built like the payload (payload/head.S, its SCLP console and string functions), so the
 * network firmware loads and starts it as it would Linux, in well under a second. The
 * tests copy the image under several names and write a name into each copy's tag (see
 * tests/e2e/marker-tag.py), so the console says which entry of which file was booted.
 * Lines it prints, all starting "e2e-marker: ":
 *   kernel=<tag>
 *   initrd=<first bytes, escaped> size=<n>     or  initrd=none
 *   cmdline=[<text, escaped>]                  or  cmdline unterminated=[<896 bytes>]
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../payload/sclp.h"

#define INITRD_START 0x10408
#define INITRD_SIZE  0x10410
#define CMDLINE_AREA 0x10480
#define CMDLINE_SIZE 896

extern char __bss_start[], __bss_end[];

/* Rewritten in each copy of the image by marker-tag.py: the text after the colon. */
__attribute__((used)) static volatile const char tag[64] = "E2E-MARKER-TAG:unnamed";

void payload_main(void);
void payload_program_check(void);

__attribute__((noreturn)) static void stop(void)
{
	static uint64_t psw[2] __attribute__((aligned(8)));

	psw[0] = 0x0002000180000000ull;
	psw[1] = 0xe2e;
	asm volatile("lpswe %0" : : "Q"(psw) : "memory");
	__builtin_unreachable();
}

/* Print @len bytes with everything outside printable ASCII as \xNN, so junk stays visible. */
static void print_escaped(const volatile char *s, size_t len)
{
	char out[4 * CMDLINE_SIZE + 1];
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f && c != '\\') {
			out[o++] = (char)c;
		} else {
			snprintf(out + o, 5, "\\x%02x", c);
			o += 4;
		}
	}
	out[o] = '\0';
	sclp_write(out, o);
}

void payload_program_check(void)
{
	sclp_printf("e2e-marker: program check\n");
	stop();
}

void payload_main(void)
{
	const volatile char *cmdline = (const volatile char *)CMDLINE_AREA;
	uint64_t initrd = *(volatile uint64_t *)INITRD_START;
	uint64_t isize = *(volatile uint64_t *)INITRD_SIZE;
	const char *name = (const char *)tag + sizeof("E2E-MARKER-TAG:") - 1;
	size_t len, show = isize < 32 ? (size_t)isize : 32, i;
	char head[32];

	/* The initrd sits right after the image, where .bss begins: keep its head first. */
	for (i = 0; i < show; i++)
		head[i] = ((const volatile char *)initrd)[i];
	memset(__bss_start, 0, (size_t)(__bss_end - __bss_start));
	if (sclp_init())
		stop();
	sclp_printf("e2e-marker: kernel=%s\n", name);
	if (isize) {
		sclp_printf("e2e-marker: initrd=");
		print_escaped(head, show);
		sclp_printf(" size=%lu\n", (unsigned long)isize);
	} else {
		sclp_printf("e2e-marker: initrd=none\n");
	}
	for (len = 0; len < CMDLINE_SIZE && cmdline[len]; len++)
		;
	sclp_printf(len < CMDLINE_SIZE ? "e2e-marker: cmdline=["
				       : "e2e-marker: cmdline unterminated=[");
	print_escaped(cmdline, len);
	sclp_printf("]\n");
	stop();
}
