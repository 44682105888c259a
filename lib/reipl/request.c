// SPDX-License-Identifier: GPL-2.0
/*
 * request.c - the re-IPL helper's choice of target.
 */
#include <errno.h>
#include <string.h>

#include "reipl/request.h"
#include "reipl/resolve.h"
#include "reipl/sysroot.h"

static int read_default(const char *root, char *buf, size_t len, struct reipl_error *err)
{
	int rc = reipl_read_attr(root, REIPL_DEFAULT_TARGET_FILE, buf, len);

	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return reipl_fail(err, rc, "Could not read %s (%s)", REIPL_DEFAULT_TARGET_FILE,
				  strerror(-rc));
	/* One line; a second one would be silently ignored, so refuse it. */
	if (strchr(buf, '\n'))
		return reipl_fail(err, -EINVAL, "%s must hold one line", REIPL_DEFAULT_TARGET_FILE);
	return rc;
}

int reipl_request_build(const char *root, const struct reipl_cmdline *cl, struct reipl_request *req,
			struct reipl_error *err)
{
	int rc;

	memset(req, 0, sizeof(*req));
	if (cl->has_chreipl) {
		req->source = REIPL_FROM_CMDLINE;
		strcpy(req->text, cl->chreipl);
	} else {
		rc = read_default(root, req->text, sizeof(req->text), err);
		if (rc < 0)
			return rc;
		req->source = REIPL_FROM_DEFAULT;
	}
	memcpy(req->words, req->text, sizeof(req->words));
	rc = reipl_cmdline_split(req->words, req->argv, REIPL_REQUEST_WORDS);
	if (rc < 0)
		return reipl_fail(err, rc, "Too many words in the re-IPL arguments");
	req->argc = rc;
	if (req->argc == 0) {
		if (req->source == REIPL_FROM_CMDLINE)
			return reipl_fail(err, -EINVAL, "rd.chreipl= gives no target");
		req->source = REIPL_FROM_AUTO;
		strcpy(req->text, "auto");
		strcpy(req->words, "auto");
		req->argv[0] = req->words;
		req->argc = 1;
	}
	rc = reipl_args_parse(req->argc, req->argv, &req->target, err);
	if (rc)
		return rc;
	rc = reipl_resolve(root, &req->target, err);
	if (rc)
		return rc;
	return reipl_require_disk(root, &req->target, err);
}

const char *reipl_source_name(enum reipl_source source)
{
	switch (source) {
	case REIPL_FROM_CMDLINE:
		return "rd.chreipl";
	case REIPL_FROM_DEFAULT:
		return "default of the image";
	case REIPL_FROM_AUTO:
		break;
	}
	return "auto";
}
