// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_chreipl.c - chreipl's grammar (reipl_args_parse): one argument per input line, and
 * the same text as one line the way the init reads rd.chreipl= words.
 */
#include "fuzz.h"
#include "reipl/target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct reipl_target t;
	struct reipl_error err;
	char *copy, *argv[24], *words[24];
	int argc, n;

	argc = fuzz_fields(data, size, &copy, argv, 24);
	if (!copy)
		return 0;
	if (reipl_args_parse(argc, argv, &t, &err) == 0) {
		FUZZ_CHECK(t.npos <= REIPL_POSITIONAL_MAX);
		FUZZ_CHECK(strlen(t.loadparm) <= REIPL_LOADPARM_MAX);
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	free(copy);

	copy = malloc(size + 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	n = reipl_args_parse_text(copy, words, 24, &t, &err);
	FUZZ_CHECK(n >= 0 || err.msg[0] != '\0');
	free(copy);
	return 0;
}
