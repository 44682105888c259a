/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmdline.h - the rd.* options the helper takes from the kernel command line.
 *
 * Freestanding: the payload's build includes this header (-nostdinc); it may include
 * only GCC's own headers (stdbool.h, stdint.h, stddef.h) and other freestanding headers.
 */
#ifndef REIPL_CMDLINE_H
#define REIPL_CMDLINE_H

#include <stdbool.h>

#include "reipl/reipl_error.h"

/* The kernel's own command line limit on s390x is 896 bytes from the firmware, 4096 max. */
#define REIPL_CMDLINE_MAX 4096

enum reipl_onerror {
	REIPL_ONERROR_POWEROFF,
	REIPL_ONERROR_HALT,
	REIPL_ONERROR_REBOOT,
	REIPL_ONERROR_SHELL,
};

struct reipl_cmdline {
	/* Every rd.chreipl= value in order, joined by single blanks. */
	char chreipl[REIPL_CMDLINE_MAX];
	bool has_chreipl;
	enum reipl_onerror onerror; /* rd.reipl.onerror=, default poweroff */
	bool has_onerror;
	unsigned int delay; /* rd.reipl.delay= in seconds */
	bool has_delay;
	bool shell; /* rd.shell or rd.shell=1 */
};

/* The longest rd.reipl.delay= accepted: an hour is already far more than anyone reads. */
#define REIPL_DELAY_MAX 3600

/*
 * Split @cmdline into words by the kernel's rules (blanks separate, double quotes group,
 * quotes around a value are dropped) and collect the options above. Unknown words are
 * ignored; a malformed rd.reipl.* value is -EINVAL with a message in @err.
 */
int reipl_cmdline_parse(const char *cmdline, struct reipl_cmdline *out, struct reipl_error *err);

/*
 * Split the joined rd.chreipl= value @s (modified in place) at blanks into at most
 * @max words. Returns the number of words or -E2BIG.
 */
int reipl_cmdline_split(char *s, char **words, int max);

const char *reipl_onerror_name(enum reipl_onerror action);

#endif
