/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fuzz.h - what the libFuzzer harnesses share: the input as C strings. Each harness in
 * this folder feeds one parser (or the entry writer's round trip) with arbitrary bytes;
 * a crash, a sanitizer report or a failed FUZZ_CHECK is a finding, to be kept as a unit
 * test once fixed.
 */
#ifndef REBOOT_S390X_FUZZ_H
#define REBOOT_S390X_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property that must hold for every input: abort, so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__, __LINE__,      \
				#cond);                                                            \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/*
 * Split @data into at most @max NUL-terminated fields at newlines, copied to the
 * malloc'ed *@copy (freed by the caller). Returns the number of fields.
 */
static inline int fuzz_fields(const uint8_t *data, size_t size, char **copy, char **fields, int max)
{
	char *s = malloc(size + 1), *p;
	int n = 0;

	*copy = s;
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (p = s; n < max;) {
		char *nl = strchr(p, '\n');

		fields[n++] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return n;
}

#endif
