/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reipl_error.h - the project's error type: how every library in lib/ (re-IPL, initrd,
 * TFTP) tells its caller what went wrong. It lives in lib/reipl because the freestanding
 * payload links it too, and lib/reipl is what every other part builds on.
 *
 * Library functions return 0 or a negative errno and, where a user needs to know
 * more than the errno says, fill a caller-owned struct reipl_error with one line of
 * text. The caller decides where (and whether) that line is printed.
 *
 * One voice: "cannot ..." everywhere, except the re-IPL messages (lib/reipl, init/), which
 * say "Could not ..." in chreipl's own words (s390-tools' ipl_tools), so that an admin or
 * a script that knows chreipl's errors recognises ours.
 */
#ifndef REIPL_ERROR_H
#define REIPL_ERROR_H

#define REIPL_ERROR_MAX 256

struct reipl_error {
	char msg[REIPL_ERROR_MAX];
};

/* Format a message into @err (may be NULL) and return @code, a negative errno. */
int reipl_fail(struct reipl_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
