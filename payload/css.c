// SPDX-License-Identifier: GPL-2.0
/*
 * css.c - STORE SUBCHANNEL, MODIFY SUBCHANNEL, START SUBCHANNEL and TEST SUBCHANNEL, just
 * enough to list the devices and run one SENSE ID channel program on each.
 *
 * I/O interrupts stay masked: completion is polled with TEST SUBCHANNEL, a bounded
 * number of times, so a device that never answers cannot hang the payload.
 */
#include <stdint.h>
#include <string.h>

#include "css.h"

#define SCHID_ONE     0x00010000u
#define PMCW_ENABLED  0x00800000u
#define PMCW_DNV      0x00010000u
#define CCW_SENSE_ID  0xe4
#define CCW_FLAG_SLI  0x20
#define ORB_FMT1      0x00800000u
#define ORB_PFCH      0x00400000u
#define ORB_C64	      0x00020000u
#define ORB_LPM_ALL   0x0000ff00u
#define DEV_STAT_DONE 0x0c /* channel end, device end */
#define SCH_MAX	      0x10000u

struct schib {
	uint32_t intparm;
	uint32_t flags_devno; /* ... enabled, ..., device number valid, device number */
	uint8_t rest_pmcw[20];
	uint8_t scsw[12];
	uint8_t model[12];
} __attribute__((packed, aligned(4)));

struct orb {
	uint32_t intparm;
	uint32_t ctrl;
	uint32_t cpa;
	uint32_t reserved[5];
} __attribute__((packed, aligned(8)));

struct ccw1 {
	uint8_t cmd;
	uint8_t flags;
	uint16_t count;
	uint32_t cda;
} __attribute__((packed, aligned(8)));

struct irb {
	uint32_t scsw_flags;
	uint32_t scsw_cpa;
	uint8_t device_status;
	uint8_t subchannel_status;
	uint16_t count;
	uint8_t rest[84];
} __attribute__((packed, aligned(4)));

static struct schib schib;
static struct orb orb;
static struct ccw1 ccw;
static struct irb irb;
static uint8_t sense[8] __attribute__((aligned(8)));
static uint8_t chsc_area[4096] __attribute__((aligned(4096)));

static int stsch(uint32_t schid, struct schib *s)
{
	register uint32_t r1 asm("1") = schid;
	int cc;

	asm volatile("	stsch	0(%[s])\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d"(cc), "=m"(*s)
		     : "d"(r1), [s] "a"(s)
		     : "cc");
	return cc;
}

static int msch(uint32_t schid, struct schib *s)
{
	register uint32_t r1 asm("1") = schid;
	int cc;

	asm volatile("	msch	0(%[s])\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d"(cc)
		     : "d"(r1), [s] "a"(s), "m"(*s)
		     : "cc");
	return cc;
}

static int ssch(uint32_t schid, struct orb *o)
{
	register uint32_t r1 asm("1") = schid;
	int cc;

	asm volatile("	ssch	0(%[o])\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d"(cc)
		     : "d"(r1), [o] "a"(o), "m"(*o)
		     : "cc", "memory");
	return cc;
}

static int tsch(uint32_t schid, struct irb *i)
{
	register uint32_t r1 asm("1") = schid;
	int cc;

	asm volatile("	tsch	0(%[i])\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d"(cc), "=m"(*i)
		     : "d"(r1), [i] "a"(i)
		     : "cc");
	return cc;
}

static int chsc(void *area)
{
	int cc;

	asm volatile("	.insn	rre,0xb25f0000,%[area],0\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d"(cc)
		     : [area] "d"(area)
		     : "cc", "memory");
	return cc;
}

/* CHSC "set domain attributes": enable the multiple-subchannel-set facility. */
static bool enable_mss(void)
{
	uint16_t *req = (uint16_t *)chsc_area;

	memset(chsc_area, 0, sizeof(chsc_area));
	req[0] = 0x0400; /* request length */
	req[1] = 0x0031; /* command: store/set domain attributes */
	req[3] = 0x0002; /* operation: enable MSS */
	if (chsc(chsc_area) != 0)
		return false;
	return *(uint16_t *)(chsc_area + 0x400 + 2) == 0x0001; /* response code: ok */
}

static bool sense_id(uint32_t schid, struct reipl_ccw_ident *ident)
{
	int tries;

	/* The subchannel must be enabled to start I/O on it. */
	if (!(schib.flags_devno & PMCW_ENABLED)) {
		schib.flags_devno |= PMCW_ENABLED;
		if (msch(schid, &schib) != 0)
			return false;
	}
	memset(sense, 0, sizeof(sense));
	ccw.cmd = CCW_SENSE_ID;
	ccw.flags = CCW_FLAG_SLI;
	ccw.count = sizeof(sense);
	ccw.cda = (uint32_t)(uintptr_t)sense;
	memset(&orb, 0, sizeof(orb));
	orb.ctrl = ORB_FMT1 | ORB_PFCH | ORB_C64 | ORB_LPM_ALL;
	orb.cpa = (uint32_t)(uintptr_t)&ccw;
	/* The firmware just used the network card: clear any status it left pending. */
	tsch(schid, &irb);
	if (ssch(schid, &orb) != 0)
		return false;
	for (tries = 0; tries < 100000; tries++) {
		int cc = tsch(schid, &irb);

		if (cc == 0)
			break;
		if (cc == 3)
			return false;
	}
	if ((irb.device_status & DEV_STAT_DONE) != DEV_STAT_DONE || irb.subchannel_status)
		return false;
	if (sense[0] != 0xff)
		return false;
	ident->cu_type = (uint16_t)(sense[1] << 8 | sense[2]);
	ident->cu_model = sense[3];
	ident->dev_type = (uint16_t)(sense[4] << 8 | sense[5]);
	ident->dev_model = sense[6];
	return true;
}

size_t css_scan(struct reipl_ccwdev *devs, size_t max)
{
	unsigned int ssid, sets = enable_mss() ? 4 : 1, sch;
	size_t n = 0;

	for (ssid = 0; ssid < sets; ssid++) {
		for (sch = 0; sch < SCH_MAX && n < max; sch++) {
			uint32_t schid = SCHID_ONE | ssid << 17 | sch;
			int cc = stsch(schid, &schib);

			if (cc == 3)
				break; /* past the last subchannel of this set */
			if (cc != 0 || !(schib.flags_devno & PMCW_DNV))
				continue;
			{
				struct reipl_busid id = { 0, ssid, schib.flags_devno & 0xffff };
				struct reipl_ccw_ident ident = { 0, 0, 0, 0 };
				bool sensed = sense_id(schid, &ident);

				reipl_ccwdev_init(&devs[n], &id, &ident);
				if (!sensed) {
					devs[n].kind = "(no SENSE ID)";
					devs[n].disk = false;
				}
			}
			n++;
		}
	}
	return n;
}
