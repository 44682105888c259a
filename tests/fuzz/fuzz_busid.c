// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_busid.c - bus-IDs: whatever parses formats to the canonical x.x.xxxx, which
 * parses back to the same device.
 */
#include "fuzz.h"
#include "reipl/busid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reipl_busid id, again;
	char *s = malloc(size + 1), text[REIPL_BUSID_LEN];

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (reipl_busid_parse(s, &id) == 0) {
		reipl_busid_format(&id, text);
		FUZZ_CHECK(strlen(text) == 8 || strlen(text) == 9); /* 1-2 cssid digits */
		FUZZ_CHECK(reipl_busid_parse(text, &again) == 0);
		FUZZ_CHECK(reipl_busid_equal(&id, &again));
	}
	free(s);
	return 0;
}
