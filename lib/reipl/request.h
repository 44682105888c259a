/* SPDX-License-Identifier: GPL-2.0 */
/*
 * request.h - what the re-IPL helper was asked to do, and where the request came from.
 */
#ifndef REIPL_REQUEST_H
#define REIPL_REQUEST_H

#include "reipl/cmdline.h"
#include "reipl/target.h"

/* The default target baked into an initrd by `reboot-s390x mkinitrd --default-target`. */
#define REIPL_DEFAULT_TARGET_FILE "/etc/reboot-s390x/default-target"

#define REIPL_REQUEST_WORDS 64

enum reipl_source {
	REIPL_FROM_CMDLINE, /* rd.chreipl= */
	REIPL_FROM_DEFAULT, /* REIPL_DEFAULT_TARGET_FILE */
	REIPL_FROM_AUTO,    /* neither: "auto" */
};

struct reipl_request {
	enum reipl_source source;
	char text[REIPL_CMDLINE_MAX];  /* the chreipl arguments, as given */
	char words[REIPL_CMDLINE_MAX]; /* split copy the target points into */
	char *argv[REIPL_REQUEST_WORDS];
	int argc;
	struct reipl_target target;
};

/*
 * Build the helper's target: the rd.chreipl= arguments of @cl, else the default baked
 * into the image under @root, else "auto"; parse, resolve and check it, and refuse a
 * target that is not a disk unless -f was given. Reads only. Returns 0 or -errno.
 */
int reipl_request_build(const char *root, const struct reipl_cmdline *cl, struct reipl_request *req,
			struct reipl_error *err);

const char *reipl_source_name(enum reipl_source source);

#endif
