// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_guest.c - guest identities: a guest that parses gets a file name, and that name
 * read back as the firmware's lookup sees it names the same guest.
 */
#include "fuzz.h"
#include "pxe/guest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pxe_guest g, back;
	struct reipl_error err;
	char *s = malloc(size + 1), file[128], text[128], why[128];

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (pxe_guest_parse(s, &g, &err) == 0) {
		pxe_guest_file(&g, file, sizeof(file));
		pxe_guest_describe(&g, text, sizeof(text));
		if (g.kind != PXE_GUEST_NAME) {
			FUZZ_CHECK(pxe_guest_from_file(file, &back, why, sizeof(why)) == 0);
			FUZZ_CHECK(back.kind == g.kind);
			pxe_guest_describe(&back, file, sizeof(file));
			FUZZ_CHECK(strcmp(file, text) == 0);
		}
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	/* Any name in pxelinux.cfg/ is judged without harm. */
	(void)pxe_guest_from_file(s, &back, why, sizeof(why));
	free(s);
	return 0;
}
