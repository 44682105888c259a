// SPDX-License-Identifier: GPL-2.0
/*
 * sclp.c - the SCLP ASCII console, driven with SERVICE CALL.
 *
 * Two commands: "write event mask" once, to say we send ASCII console events (type
 * 0x1a), then "write event data" per message. Each call completes with a service-signal
 * external interrupt; we wait for it in an enabled wait state with only that interrupt
 * class allowed, and resume right after the wait.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sclp.h"

#define SCLP_CMD_WRITE_EVENT_MASK 0x00780005u
#define SCLP_CMD_WRITE_EVENT_DATA 0x00760005u
#define SCLP_EVENT_ASCII	  0x1a
#define SCLP_MASK_ASCII		  0x00000040u /* the bit for event type 0x1a */
#define SCLP_RC_OK		  0x0020
#define EXT_CODE_SERVICE_SIGNAL	  0x2401
#define TEXT_MAX		  (4096 - 8 - 6 - 16)

struct sccb_header {
	uint16_t length;
	uint8_t function_code;
	uint8_t control_mask[3];
	uint16_t response_code;
} __attribute__((packed));

struct sccb_mask {
	struct sccb_header h;
	uint16_t reserved;
	uint16_t mask_length;
	uint32_t cp_receive_mask;
	uint32_t cp_send_mask;
	uint32_t sclp_receive_mask;
	uint32_t sclp_send_mask;
} __attribute__((packed));

struct sccb_data {
	struct sccb_header h;
	uint16_t ev_length;
	uint8_t ev_type;
	uint8_t ev_flags;
	uint16_t ev_reserved;
	char text[TEXT_MAX];
} __attribute__((packed));

/* One page: 8-byte aligned, never crossing a page, above the first 8 KiB. */
static union {
	struct sccb_mask mask;
	struct sccb_data data;
	char page[4096];
} sccb __attribute__((aligned(4096)));

static const uint64_t wait_enabled_ext[2]
	__attribute__((aligned(8))) = { 0x0102000180000000ull, 0 };

static int servc(uint32_t command, void *block)
{
	int cc;

	asm volatile("	.insn	rre,0xb2200000,%[cmd],%[sccb]\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=&d"(cc)
		     : [cmd] "d"(command), [sccb] "a"(block)
		     : "cc", "memory");
	return cc;
}

/* Wait for the service signal: enable only it, load an enabled wait PSW, resume after. */
static void wait_service_signal(void)
{
	uint64_t cr0, saved;
	int tries;

	asm volatile("stctg 0,0,%0" : "=Q"(cr0));
	saved = cr0;
	cr0 |= 0x200; /* CR0 bit 54: service-signal subclass */
	for (tries = 0; tries < 16; tries++) {
		asm volatile("	lctlg	0,0,%[cr0]\n"
			     "	larl	%%r1,0f\n"
			     "	stg	%%r1,0x1b8(%%r0)\n"
			     "	llihl	%%r1,1\n"      /* 0x0000000100000000: EA */
			     "	oilh	%%r1,0x8000\n" /* | 0x80000000: BA */
			     "	stg	%%r1,0x1b0(%%r0)\n"
			     "	lpswe	%[wait]\n"
			     "0:\n"
			     :
			     : [cr0] "Q"(cr0), [wait] "Q"(wait_enabled_ext)
			     : "r1", "cc", "memory");
		if (*(volatile uint16_t *)0x86 == EXT_CODE_SERVICE_SIGNAL)
			break;
	}
	asm volatile("lctlg 0,0,%0" : : "Q"(saved));
}

static int call(uint32_t command)
{
	int cc, tries;

	for (tries = 0; tries < 1000; tries++) {
		cc = servc(command, &sccb);
		if (cc != 2) /* 2: busy, try again */
			break;
	}
	if (cc != 0)
		return -EIO;
	wait_service_signal();
	return sccb.mask.h.response_code == SCLP_RC_OK ? 0 : -EIO;
}

int sclp_init(void)
{
	memset(&sccb, 0, sizeof(sccb));
	sccb.mask.h.length = sizeof(struct sccb_mask);
	sccb.mask.mask_length = sizeof(uint32_t);
	sccb.mask.cp_receive_mask = SCLP_MASK_ASCII;
	sccb.mask.cp_send_mask = SCLP_MASK_ASCII;
	return call(SCLP_CMD_WRITE_EVENT_MASK);
}

void sclp_write(const char *text, size_t len)
{
	size_t n = 0;

	memset(&sccb, 0, sizeof(struct sccb_data));
	for (; len && n + 2 <= TEXT_MAX; text++, len--) {
		if (*text == '\n')
			sccb.data.text[n++] = '\r';
		sccb.data.text[n++] = *text;
	}
	sccb.data.h.length = (uint16_t)(offsetof(struct sccb_data, text) + n);
	sccb.data.ev_length = (uint16_t)(6 + n);
	sccb.data.ev_type = SCLP_EVENT_ASCII;
	call(SCLP_CMD_WRITE_EVENT_DATA);
}

void sclp_printf(const char *fmt, ...)
{
	static char line[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	sclp_write(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}
