// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_cmdline.c - the kernel command line the init reads (reipl_cmdline_parse): any
 * bytes up to the first NUL, as /proc/cmdline gives them.
 */
#include "fuzz.h"
#include "reipl/cmdline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct reipl_cmdline cl;
	struct reipl_error err;
	char *s = malloc(size + 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (reipl_cmdline_parse(s, &cl, &err) != 0)
		FUZZ_CHECK(err.msg[0] != '\0');
	free(s);
	return 0;
}
