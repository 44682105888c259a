// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_elf.c - the check that a program given to mkinitrd is a static s390x ELF: any
 * bytes are judged, never read beyond.
 */
#include "fuzz.h"
#include "initrd/elfcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reipl_error err;
	unsigned char *copy = malloc(size ? size : 1);

	/* An exact-size copy, so that ASan sees a read one byte past the end. */
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	if (initrd_elf_check_static_s390x(copy, size, &err) != 0)
		FUZZ_CHECK(err.msg[0] != '\0');
	free(copy);
	return 0;
}
