// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - reboot-s390x-init: the re-IPL helper.
 *
 * As the /init of the reboot initrd (PID 1) it reports what it sees, sets the re-IPL
 * target from rd.chreipl= (or the image's default, or "auto") and reboots into it. Run
 * any other way it does the same against --sysroot and exits, without mounting,
 * waiting or rebooting: that is how the tests drive it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pid1.h"
#include "reipl/ccw.h"
#include "reipl/cmdline.h"
#include "reipl/plan.h"
#include "reipl/request.h"
#include "reipl/show.h"
#include "reipl/signature.h"
#include "reipl/sysroot.h"

/* The product's one prefix on the console and on stderr, whichever of its programs speaks:
 * admins and the tests look for "reboot-s390x: " lines (reboot-s390x-init(8), EXIT STATUS). */
#define PROGRAM "reboot-s390x"

static void usage(void)
{
	fputs("Usage:\n"
	      " reboot-s390x-init [--sysroot <dir>]\n"
	      "\n"
	      "The /init of the reboot initrd: set the re-IPL target from rd.chreipl= on the\n"
	      "kernel command line (chreipl syntax), else the image's default, else \"auto\"\n"
	      "(the lowest-numbered CCW disk that is not the IPL device), and reboot.\n"
	      "Not run as PID 1, it does the same against <dir>/sys and <dir>/proc, then\n"
	      "exits without rebooting.\n"
	      "\n"
	      "Options:\n"
	      "     --sysroot <dir>  read and write /sys and /proc below <dir> (default /)\n"
	      " -h, --help           display this help\n"
	      " -V, --version        display version\n"
	      "\n"
	      "For more details see reboot-s390x-init(8).\n",
	      stdout);
}

static void report_error(const char *msg)
{
	fflush(stdout);
	fprintf(stderr, PROGRAM ": error: %s\n", msg);
	fflush(stderr);
}

/* What the helper sees before it changes anything. */
static void report(const char *root)
{
	static struct reipl_ccwdev *devs;
	struct reipl_error err;
	struct reipl_busid ipl;
	char line[256];
	size_t n;

	if (reipl_show_short(root, true, line, sizeof(line)) == 0)
		printf("IPL:     %s\n", line);
	if (reipl_show_short(root, false, line, sizeof(line)) == 0)
		printf("Re-IPL:  %s\n", line);
	if (reipl_ccw_scan(root, &devs, &n, &err)) {
		printf("CCW devices: none found (%s)\n", err.msg);
		return;
	}
	reipl_ccw_print(stdout, devs, n, reipl_ipl_device(root, &ipl) == 0 ? &ipl : NULL);
	free(devs);
}

static int read_cmdline(const char *root, struct reipl_cmdline *cl, struct reipl_error *err)
{
	static char text[REIPL_CMDLINE_MAX];
	int rc = reipl_read_attr(root, "/proc/cmdline", text, sizeof(text));

	if (rc < 0)
		return reipl_fail(err, rc, "Could not read /proc/cmdline (%s)", strerror(-rc));
	return reipl_cmdline_parse(text, cl, err);
}

static bool run(const char *root, struct reipl_cmdline *cl)
{
	static struct reipl_request req;
	static struct reipl_plan plan;
	struct reipl_error err;

	printf(REIPL_INIT_SIGNATURE VERSION ": setting the re-IPL target\n");
	if (read_cmdline(root, cl, &err)) {
		report(root);
		report_error(err.msg);
		return false;
	}
	report(root);
	if (reipl_request_build(root, cl, &req, &err) ||
	    reipl_plan_build(root, &req.target, &plan, &err)) {
		report_error(err.msg);
		return false;
	}
	printf("Target:  %s (from %s)\n", req.text, reipl_source_name(req.source));
	if (reipl_plan_apply(root, &plan, &err)) {
		report_error(err.msg);
		return false;
	}
	if (reipl_show(root, false, stdout, &err)) {
		report_error(err.msg);
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	struct reipl_cmdline cl = { .onerror = REIPL_ONERROR_POWEROFF };
	const char *root = "/";
	struct stat st;
	bool ok;
	int i;

	if (getpid() == 1) {
		/* The kernel hands unknown boot words to init as arguments: ignore them. */
		pid1_setup();
		ok = run(root, &cl);
		pid1_finish(ok, &cl);
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage();
			return EXIT_SUCCESS;
		} else if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0) {
			printf(REIPL_INIT_SIGNATURE VERSION "\n");
			return EXIT_SUCCESS;
		} else if (strcmp(argv[i], "--sysroot") == 0) {
			if (i + 1 == argc) {
				/* (the command line tool's words for the same mistake) */
				fprintf(stderr, PROGRAM ": error: option '--sysroot' requires a "
							"directory\n");
				return EXIT_FAILURE;
			}
			root = argv[++i];
		} else if (strncmp(argv[i], "--sysroot=", 10) == 0) {
			root = argv[i] + 10;
		} else {
			fprintf(stderr,
				PROGRAM ": error: unknown argument '%s' (see "
					"'reboot-s390x-init --help')\n",
				argv[i]);
			return EXIT_FAILURE;
		}
	}
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, PROGRAM ": error: sysroot '%s' is not a directory\n", root);
		return EXIT_FAILURE;
	}
	ok = run(root, &cl);
	if (fflush(stdout) != 0)
		ok = false;
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
