// SPDX-License-Identifier: GPL-2.0
/*
 * paths.c - where things are when no option says: the files installed with this program
 * (the static init, the payload) and the TFTP root.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef LIBDIR
#define LIBDIR "/usr/local/lib/reboot-s390x"
#endif

/*
 * A file installed with this program: <bindir>/../lib/reboot-s390x/NAME once installed
 * (whatever the PREFIX), <build>/s390x/NAME in the build tree, else LIBDIR/NAME.
 */
static const char *installed(const char *name, char *path, size_t len)
{
	static const char *const dirs[] = { "/../lib/reboot-s390x/", "/s390x/" };
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t k;

	if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		for (k = 0; k < sizeof(dirs) / sizeof(dirs[0]); k++) {
			int m = snprintf(path, len, "%.*s%s%s", PATH_MAX / 2, exe, dirs[k], name);

			if (m < (int)len && access(path, R_OK) == 0)
				return path;
		}
	}
	snprintf(path, len, "%s/%s", LIBDIR, name);
	return path;
}

const char *cli_installed_init(void)
{
	static char path[PATH_MAX];

	return installed("reboot-s390x-init", path, sizeof(path));
}

const char *cli_installed_payload(void)
{
	static char path[PATH_MAX];

	return installed("reboot-s390x-payload.img", path, sizeof(path));
}

const char *cli_tftp_root(void)
{
	const char *env = getenv("REBOOT_S390X_TFTP_ROOT");

	return env && *env ? env : CLI_TFTP_ROOT;
}
