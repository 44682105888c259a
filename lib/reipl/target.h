/* SPDX-License-Identifier: GPL-2.0 */
/*
 * target.h - a re-IPL target as chreipl's command line describes it.
 *
 * Freestanding: the payload's build includes this header (-nostdinc); it may include
 * only GCC's own headers (stdbool.h, stdint.h, stddef.h) and other freestanding headers.
 */
#ifndef REIPL_TARGET_H
#define REIPL_TARGET_H

#include <stdbool.h>
#include <stdint.h>

#include "reipl/busid.h"
#include "reipl/reipl_error.h"

enum reipl_type {
	REIPL_TYPE_NONE,
	REIPL_TYPE_CCW,
	REIPL_TYPE_ECKD,
	REIPL_TYPE_FCP,
	REIPL_TYPE_NVME,
	REIPL_TYPE_NSS,
	REIPL_TYPE_NODE,
	REIPL_TYPE_AUTO, /* ours: the lowest-numbered CCW disk that is not the IPL device */
};

/* Which settings the user gave, by option or positional parameter. */
enum reipl_opt {
	REIPL_OPT_DEVICE = 1u << 0,
	REIPL_OPT_WWPN = 1u << 1,
	REIPL_OPT_LUN = 1u << 2,
	REIPL_OPT_BOOTPROG = 1u << 3,
	REIPL_OPT_LOADPARM = 1u << 4,
	REIPL_OPT_BOOTPARMS = 1u << 5,
	REIPL_OPT_CLEAR = 1u << 6,
	REIPL_OPT_FID = 1u << 7,
	REIPL_OPT_NSID = 1u << 8,
	REIPL_OPT_NAME = 1u << 9,
	REIPL_OPT_BRCHR = 1u << 10,
	REIPL_OPT_FORCE = 1u << 11,
	REIPL_OPT_HELP = 1u << 12,    /* -h, --help: parsing stopped there */
	REIPL_OPT_VERSION = 1u << 13, /* -v, --version: likewise */
};

#define REIPL_LOADPARM_MAX   8
#define REIPL_NSS_NAME_MAX   8
#define REIPL_BOOTPARMS_LINE 4096 /* chreipl: "Boot parameter line is too long" */
#define REIPL_SCPDATA_MAX    3452 /* DIAG308_SCPDATA_SIZE: fcp, nvme, eckd */
#define REIPL_CCW_PARM_MAX   64	  /* z/VM CCW parm */
#define REIPL_NSS_PARM_MAX   56
#define REIPL_BRCHR_MAX	     40
#define REIPL_NODE_MAX	     256
#define REIPL_POSITIONAL_MAX 8

struct reipl_target {
	enum reipl_type type;
	unsigned int opts; /* REIPL_OPT_* */
	/* Positional parameters, pointing into the caller's argv. */
	const char *pos[REIPL_POSITIONAL_MAX];
	int npos;
	bool detect;	   /* type to be detected from pos[0] (bus-ID or path) */
	bool options_used; /* some target value came by option */

	struct reipl_busid device;
	uint64_t wwpn;
	uint64_t lun;
	uint32_t fid;
	uint32_t nsid;
	uint32_t bootprog;
	int clear; /* -1: not given */
	char loadparm[REIPL_LOADPARM_MAX + 1];
	char name[REIPL_NSS_NAME_MAX + 1];
	char brchr[REIPL_BRCHR_MAX]; /* normalised: "auto" or "0x%x,0x%x,0x%x" */
	char bootparms[REIPL_BOOTPARMS_LINE];
	char node[REIPL_NODE_MAX];
};

/* "ccw", "fcp", ...; "none" for REIPL_TYPE_NONE. */
const char *reipl_type_name(enum reipl_type type);

/*
 * Parse chreipl's arguments (without the program name): an optional target keyword
 * (ccw, eckd, fcp, nvme, nss, node, or our auto), options in short, clustered or long
 * form, and positional parameters. Every value is checked as it is read. When the first
 * word is no keyword, t->detect is set and the caller must detect the type from t->pos[0]
 * (reipl_resolve does) and call reipl_target_finish. Otherwise this calls it.
 */
int reipl_args_parse(int argc, char *const argv[], struct reipl_target *t, struct reipl_error *err);

/*
 * Once t->type is known: map positional parameters to values, check that they and the
 * options fit the type (chreipl's rules), and apply the per-type limits.
 */
int reipl_target_finish(struct reipl_target *t, struct reipl_error *err);

/*
 * Split chreipl arguments given as one line of text (@text, modified in place) into at
 * most @max words in @argv and parse them. Returns the number of words, or -EINVAL with
 * chreipl's message (no target, too many arguments, or reipl_args_parse's) in @err.
 */
int reipl_args_parse_text(char *text, char **argv, int max, struct reipl_target *t,
			  struct reipl_error *err);

/*
 * Check chreipl arguments given as one line of text, as far as they can be checked away
 * from the guest: the grammar, every value, and for a detected target that its first word
 * is a bus-ID or a path. What the guest must tell (which devices exist) is left. Fills @t
 * (without positional words). 0, or -EINVAL/-E2BIG with chreipl's message. One check for
 * mkinitrd's default target, pxe's --target and the linter's rd.chreipl= values.
 */
int reipl_target_text_check(const char *text, struct reipl_target *t, struct reipl_error *err);

/*
 * What the no-Linux payload can re-IPL: ccw and auto targets, or a bus-ID alone (taken as
 * ccw), without boot parameters. 0, or -EINVAL with the reason. One rule for the payload
 * itself and for `pxe local --method payload`.
 */
int reipl_target_payload_check(const struct reipl_target *t, struct reipl_error *err);

/* Check only the options and limits against t->type (after node resolution). */
int reipl_target_check(const struct reipl_target *t, struct reipl_error *err);

#endif
