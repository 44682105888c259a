/* SPDX-License-Identifier: GPL-2.0 */
/*
 * elfcheck.h - is a file a program an s390x initrd can run as /init?
 */
#ifndef INITRD_ELF_H
#define INITRD_ELF_H

#include <stddef.h>

#include "reipl/reipl_error.h"

/*
 * Check that the @len bytes at @data are a 64-bit big-endian s390x ELF executable with
 * no program interpreter (statically linked). Returns 0 or -ENOEXEC with the reason in
 * @err ("not an ELF file", "built for x86-64, not s390x", "dynamically linked ...").
 */
int initrd_elf_check_static_s390x(const unsigned char *data, size_t len, struct reipl_error *err);

#endif
