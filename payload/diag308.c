// SPDX-License-Identifier: GPL-2.0
/*
 * diag308.c - the CCW IPL parameter block and DIAGNOSE 308.
 *
 * The block (Linux's struct ipl_parameter_block, big-endian like everything here) is
 * built byte by byte at its documented offsets. Subcode 3 ("load clear") is the one
 * that re-IPLs under both KVM and QEMU's TCG emulator; subcode 4 works only under KVM.
 */
#include <stdint.h>
#include <string.h>

#include "diag308.h"

#define IPLB_LEN      200
#define IPLB_BLK0_LEN 192
#define IPLB_PBT_CCW  2
#define IPLB_FLAG_LP  0x80

enum { SUBCODE_LOAD_CLEAR = 3, SUBCODE_SET = 5, SUBCODE_STORE = 6 };

/* Page aligned, with the whole page addressable: DIAGNOSE 308 wants it so. */
static uint8_t iplb[4096] __attribute__((aligned(4096)));

static long diag308(unsigned long subcode, void *addr)
{
	register unsigned long r2 asm("2") = (unsigned long)addr;
	register unsigned long r3 asm("3") = 0;

	asm volatile("	diag	%%r2,%[sub],0x308\n"
		     : "+d"(r2), "+d"(r3)
		     : [sub] "d"(subcode)
		     : "cc", "memory");
	return (long)r3;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* EBCDIC (code page 037) for the characters a loadparm may hold. */
static uint8_t ebcdic(char c)
{
	if (c >= 'A' && c <= 'I')
		return (uint8_t)(0xc1 + (c - 'A'));
	if (c >= 'J' && c <= 'R')
		return (uint8_t)(0xd1 + (c - 'J'));
	if (c >= 'S' && c <= 'Z')
		return (uint8_t)(0xe2 + (c - 'S'));
	if (c >= 'a' && c <= 'i')
		return (uint8_t)(0x81 + (c - 'a'));
	if (c >= 'j' && c <= 'r')
		return (uint8_t)(0x91 + (c - 'j'));
	if (c >= 's' && c <= 'z')
		return (uint8_t)(0xa2 + (c - 's'));
	if (c >= '0' && c <= '9')
		return (uint8_t)(0xf0 + (c - '0'));
	if (c == '.')
		return 0x4b;
	return 0x40; /* blank */
}

long diag308_current_ccw(unsigned int *ssid, unsigned int *devno)
{
	long rc;

	memset(iplb, 0, sizeof(iplb));
	rc = diag308(SUBCODE_STORE, iplb);
	if (rc != DIAG308_RC_OK)
		return rc;
	if (iplb[0x0c] != IPLB_PBT_CCW)
		return -1;
	*ssid = iplb[0x6d] & 0x3;
	*devno = (unsigned int)(iplb[0x6e] << 8 | iplb[0x6f]);
	return 0;
}

long diag308_set_ccw(unsigned int ssid, unsigned int devno, const char *loadparm)
{
	size_t i;

	memset(iplb, 0, sizeof(iplb));
	put32(iplb + 0x00, IPLB_LEN);
	iplb[0x07] = 0; /* version */
	put32(iplb + 0x08, IPLB_BLK0_LEN);
	iplb[0x0c] = IPLB_PBT_CCW;
	memset(iplb + 0x10, 0x40, 8);
	if (loadparm) {
		iplb[0x0d] = IPLB_FLAG_LP;
		for (i = 0; i < 8 && loadparm[i]; i++)
			iplb[0x10 + i] = ebcdic(loadparm[i]);
	}
	iplb[0x6d] = (uint8_t)(ssid & 0x3);
	iplb[0x6e] = (uint8_t)(devno >> 8);
	iplb[0x6f] = (uint8_t)devno;
	return diag308(SUBCODE_SET, iplb);
}

long diag308_reipl(void)
{
	return diag308(SUBCODE_LOAD_CLEAR, NULL);
}
