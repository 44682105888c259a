// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - reboot-s390x-payload: re-IPL a KVM guest from its disk without Linux.
 *
 * The network firmware loads this image as the pxelinux "kernel" and starts it. It
 * reads rd.chreipl= from the append line with the helper's own parsing code (lib/reipl,
 * compiled freestanding), finds the CCW devices with STORE SUBCHANNEL and SENSE ID,
 * prints what it sees and does on the SCLP console, sets the CCW IPL parameter block
 * with DIAGNOSE 308 and re-IPLs. On any error it says why and stops the CPU in a
 * disabled wait: it never re-IPLs the network device and never loops.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "css.h"
#include "diag308.h"
#include "reipl/busid.h"
#include "reipl/cmdline.h"
#include "reipl/signature.h"
#include "reipl/target.h"
#include "sclp.h"

#define PROGRAM	     "reboot-s390x"
#define CMDLINE_AREA 0x10480
#define CMDLINE_SIZE 896
#define MAX_DEVICES  256
#define MAX_WORDS    64

/* Disabled-wait codes, the address part of the final PSW. */
enum stop_code {
	STOP_CONSOLE = 0x1,
	STOP_CMDLINE = 0x2,
	STOP_TARGET = 0x3,
	STOP_DIAG308 = 0x4,
	STOP_PROGRAM_CHECK = 0xdead,
};

extern char __bss_start[], __bss_end[];

static struct reipl_ccwdev devs[MAX_DEVICES];
static size_t ndevs;
static char cmdline[CMDLINE_SIZE + 1];
static char words[REIPL_CMDLINE_MAX];
static struct reipl_cmdline cl;

__attribute__((noreturn)) static void disabled_wait(uint64_t code)
{
	static uint64_t psw[2] __attribute__((aligned(8)));

	psw[0] = 0x0002000180000000ull;
	psw[1] = code;
	asm volatile("lpswe %0" : : "Q"(psw) : "memory");
	__builtin_unreachable();
}

__attribute__((noreturn, format(printf, 2, 3))) static void stop(enum stop_code code,
								 const char *fmt, ...)
{
	static char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sclp_printf(PROGRAM ": error: %s\n", msg);
	sclp_printf(PROGRAM ": stopping (disabled wait, code 0x%x)\n", (unsigned int)code);
	disabled_wait(code);
}

/* Called by head.S on a program check: say where, then head.S stops the CPU. */
void payload_program_check(void);
void payload_program_check(void)
{
	uint16_t code = *(volatile uint16_t *)0x8e;
	uint64_t addr = *(volatile uint64_t *)0x158;

	sclp_printf(PROGRAM ": error: program check 0x%04x at 0x%llx\n", code,
		    (unsigned long long)addr);
	sclp_printf(PROGRAM ": stopping (disabled wait, code 0x%x)\n", STOP_PROGRAM_CHECK);
}

static const struct reipl_ccwdev *find(const struct reipl_busid *id)
{
	size_t i;

	for (i = 0; i < ndevs; i++)
		if (reipl_busid_equal(&devs[i].id, id))
			return &devs[i];
	return NULL;
}

static void report(const struct reipl_busid *ipl)
{
	size_t i;

	if (ipl)
		sclp_printf("IPL:     ccw %x.%x.%04x\n", ipl->cssid, ipl->ssid, ipl->devno);
	sclp_printf("%-10s %-15s %-8s %s\n", "DEVICE", "KIND", "CUTYPE", "NOTE");
	for (i = 0; i < ndevs; i++) {
		const struct reipl_ccwdev *d = &devs[i];
		bool is_ipl = ipl && reipl_busid_equal(ipl, &d->id);

		sclp_printf("%-10s %-15s %04x/%02x  %s\n", d->busid, d->kind, d->ident.cu_type,
			    d->ident.cu_model,
			    is_ipl    ? "IPL device"
			    : d->disk ? "disk"
				      : "");
	}
}

static void parse_target(struct reipl_target *t)
{
	static char *argv[MAX_WORDS];
	struct reipl_error err;
	int rc;

	strcpy(words, cl.has_chreipl ? cl.chreipl : "auto");
	rc = reipl_args_parse_text(words, argv, MAX_WORDS, t, &err);
	if (rc < 0)
		stop(STOP_CMDLINE, "%s", err.msg);
	if (reipl_target_payload_check(t, &err))
		stop(t->detect ? STOP_CMDLINE : STOP_TARGET, "%s", err.msg);
	if (t->detect) {
		/* A bus-ID alone: ccw, as chreipl detects it (a path needs Linux). */
		struct reipl_busid id;
		const struct reipl_ccwdev *d;

		reipl_busid_parse(t->pos[0], &id);
		d = find(&id);
		if (d && reipl_ccw_is_fcp(&d->ident))
			stop(STOP_TARGET,
			     "device %s is an FCP adapter: the \"fcp\" target needs the "
			     "Linux helper",
			     t->pos[0]);
		t->type = REIPL_TYPE_CCW;
		if (reipl_target_finish(t, &err))
			stop(STOP_CMDLINE, "%s", err.msg);
	}
}

void payload_main(void);
void payload_main(void)
{
	const struct reipl_ccwdev *dev;
	struct reipl_busid ipl = { 0, 0, 0 };
	struct reipl_target t;
	struct reipl_error err;
	char busid[REIPL_BUSID_LEN];
	bool have_ipl;
	int best;
	long rc;

	memset(__bss_start, 0, (size_t)(__bss_end - __bss_start));
	if (sclp_init())
		disabled_wait(STOP_CONSOLE);
	sclp_printf(REIPL_PAYLOAD_SIGNATURE VERSION ": setting the re-IPL target\n");

	/* The firmware copies the append line with strncpy: maybe not terminated. */
	memcpy(cmdline, (const void *)CMDLINE_AREA, CMDLINE_SIZE);
	cmdline[CMDLINE_SIZE] = '\0';

	ndevs = css_scan(devs, MAX_DEVICES);
	have_ipl = diag308_current_ccw(&ipl.ssid, &ipl.devno) == 0;
	report(have_ipl ? &ipl : NULL);

	if (reipl_cmdline_parse(cmdline, &cl, &err))
		stop(STOP_CMDLINE, "%s", err.msg);
	parse_target(&t);

	if (t.type == REIPL_TYPE_AUTO) {
		best = reipl_ccw_pick_auto(devs, ndevs, have_ipl ? &ipl : NULL);
		if (best < 0)
			stop(STOP_TARGET, "No CCW disk found for target \"auto\"%s",
			     have_ipl ? " (the IPL device is not counted)" : "");
		t.device = devs[best].id;
	}
	dev = find(&t.device);
	reipl_busid_format(&t.device, busid);
	/* Re-IPLing the network device boots the network again, for ever: never, even forced. */
	if (have_ipl && reipl_busid_equal(&t.device, &ipl))
		stop(STOP_TARGET,
		     "Device %s is the IPL device (the network card): re-IPL from it "
		     "would loop",
		     busid);
	if (dev && reipl_ccw_is_network(&dev->ident))
		stop(STOP_TARGET, "Device %s is a %s: re-IPL from it would loop", busid, dev->kind);
	if (!(t.opts & REIPL_OPT_FORCE)) {
		if (!dev)
			stop(STOP_TARGET, "Could not find CCW device \"%s\"", busid);
		if (!dev->disk)
			stop(STOP_TARGET, "Device %s is a %s, not a disk (use -f to force)", busid,
			     dev->kind);
	}
	sclp_printf("Target:  %s -> ccw %s%s%s%s\n", cl.has_chreipl ? cl.chreipl : "auto", busid,
		    (t.opts & REIPL_OPT_LOADPARM) ? ", loadparm \"" : "",
		    (t.opts & REIPL_OPT_LOADPARM) ? t.loadparm : "",
		    (t.opts & REIPL_OPT_LOADPARM) ? "\"" : "");

	rc = diag308_set_ccw(t.device.ssid, t.device.devno,
			     (t.opts & REIPL_OPT_LOADPARM) ? t.loadparm : NULL);
	if (rc != DIAG308_RC_OK)
		stop(STOP_DIAG308, "DIAGNOSE 308 refused the IPL parameter block (rc 0x%lx)", rc);
	sclp_printf(PROGRAM ": re-IPL from %s\n", busid);
	rc = diag308_reipl();
	stop(STOP_DIAG308, "DIAGNOSE 308 did not re-IPL (rc 0x%lx)", rc);
}
