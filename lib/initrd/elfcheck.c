// SPDX-License-Identifier: GPL-2.0
/*
 * elfcheck.c - recognise a static s390x ELF executable.
 *
 * The header is read byte by byte in the byte order the file declares, so the check
 * works the same on a little-endian build host and on s390x.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "initrd/elfcheck.h"

#define EI_CLASS    4
#define EI_DATA	    5
#define ELFCLASS64  2
#define ELFDATA2MSB 2
#define ET_EXEC	    2
#define ET_DYN	    3
#define EM_S390	    22
#define PT_DYNAMIC  2
#define PT_INTERP   3
#define DT_NULL	    0
#define DT_FLAGS_1  0x6ffffffb
#define DF_1_PIE    0x08000000
#define EHDR64_SIZE 64
#define PHDR64_SIZE 56

struct reader {
	const unsigned char *p;
	bool big;
};

static uint64_t get(const struct reader *r, size_t off, size_t size)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < size; i++) {
		size_t k = r->big ? i : size - 1 - i;

		v = (v << 8) | r->p[off + k];
	}
	return v;
}

static const char *machine_name(uint64_t machine)
{
	switch (machine) {
	case 3:
		return "i386";
	case 62:
		return "x86-64";
	case 40:
		return "ARM";
	case 183:
		return "AArch64";
	case 21:
		return "PowerPC64";
	case 243:
		return "RISC-V";
	default:
		return "another machine";
	}
}

/*
 * A position-independent executable says so in its dynamic section (DT_FLAGS_1 has
 * DF_1_PIE); a shared library, also ET_DYN and without interpreter, does not.
 */
static bool is_pie(const struct reader *r, size_t len, uint64_t phoff, uint64_t phentsize,
		   uint64_t phnum)
{
	uint64_t i, off, size, d;

	for (i = 0; i < phnum; i++) {
		uint64_t ph = phoff + i * phentsize;

		if (get(r, ph, 4) != PT_DYNAMIC)
			continue;
		off = get(r, ph + 8, 8);
		size = get(r, ph + 32, 8);
		if (off > len || size > len - off)
			return false;
		for (d = off; d + 16 <= off + size; d += 16) {
			uint64_t tag = get(r, d, 8);

			if (tag == DT_NULL)
				break;
			if (tag == DT_FLAGS_1)
				return (get(r, d + 8, 8) & DF_1_PIE) != 0;
		}
	}
	return false;
}

int initrd_elf_check_static_s390x(const unsigned char *data, size_t len, struct reipl_error *err)
{
	struct reader r = { data, false };
	uint64_t type, machine, phoff, phentsize, phnum, i;

	if (len < EHDR64_SIZE || memcmp(data, "\177ELF", 4) != 0)
		return reipl_fail(err, -ENOEXEC, "not an ELF file");
	if (data[EI_CLASS] != ELFCLASS64)
		return reipl_fail(err, -ENOEXEC, "a 32-bit ELF file, not s390x");
	if (data[EI_DATA] != ELFDATA2MSB)
		return reipl_fail(err, -ENOEXEC, "a little-endian ELF file for %s, not s390x",
				  machine_name(get(&r, 18, 2)));
	r.big = true;
	type = get(&r, 16, 2);
	machine = get(&r, 18, 2);
	if (machine != EM_S390)
		return reipl_fail(err, -ENOEXEC, "an ELF file for %s, not s390x",
				  machine_name(machine));
	if (type != ET_EXEC && type != ET_DYN)
		return reipl_fail(err, -ENOEXEC, "an s390x ELF file that is not an executable");
	phoff = get(&r, 32, 8);
	phentsize = get(&r, 54, 2);
	phnum = get(&r, 56, 2);
	if (phentsize < PHDR64_SIZE || phoff > len || phnum > (len - phoff) / phentsize)
		return reipl_fail(err, -ENOEXEC, "a truncated s390x ELF file");
	for (i = 0; i < phnum; i++)
		if (get(&r, phoff + i * phentsize, 4) == PT_INTERP)
			return reipl_fail(err, -ENOEXEC,
					  "a dynamically linked s390x program (it needs a program "
					  "interpreter the initrd does not have)");
	if (type == ET_DYN && !is_pie(&r, len, phoff, phentsize, phnum))
		return reipl_fail(err, -ENOEXEC,
				  "an s390x shared library, not a program that can run as /init");
	return 0;
}
