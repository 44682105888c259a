// SPDX-License-Identifier: GPL-2.0
/*
 * test_initrd.c - the static s390x ELF check and the initrd writer, read back with
 * libarchive.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "initrd/cpio.h"
#include "initrd/elfcheck.h"

/* A minimal ELF64 header (+ one program header) in the given byte order. */
static size_t make_elf(unsigned char *buf, bool big, unsigned int machine, unsigned int phtype)
{
	size_t i;

	memset(buf, 0, 256);
	memcpy(buf, "\177ELF", 4);
	buf[4] = 2;	      /* 64-bit */
	buf[5] = big ? 2 : 1; /* byte order */
	buf[6] = 1;
#define PUT(off, size, val)                                                                        \
	for (i = 0; i < (size); i++)                                                               \
	buf[(off) + (big ? i : (size)-1 - i)] =                                                    \
		(unsigned char)((unsigned long long)(val) >> (8 * ((size)-1 - i)))
	PUT(16, 2, 2); /* ET_EXEC */
	PUT(18, 2, machine);
	PUT(32, 8, 64); /* e_phoff */
	PUT(54, 2, 56); /* e_phentsize */
	PUT(56, 2, 1);	/* e_phnum */
	PUT(64, 4, phtype);
#undef PUT
	return 64 + 56;
}

static void test_elf(void **state)
{
	unsigned char buf[256];
	struct reipl_error err;
	size_t len;

	(void)state;
	len = make_elf(buf, true, 22, 1 /* PT_LOAD */);
	assert_int_equal(initrd_elf_check_static_s390x(buf, len, &err), 0);

	len = make_elf(buf, true, 22, 3 /* PT_INTERP */);
	assert_int_equal(initrd_elf_check_static_s390x(buf, len, &err), -ENOEXEC);
	assert_non_null(strstr(err.msg, "dynamically linked s390x program"));

	len = make_elf(buf, false, 62, 1);
	assert_int_equal(initrd_elf_check_static_s390x(buf, len, &err), -ENOEXEC);
	assert_string_equal(err.msg, "a little-endian ELF file for x86-64, not s390x");

	len = make_elf(buf, true, 21, 1);
	assert_int_equal(initrd_elf_check_static_s390x(buf, len, &err), -ENOEXEC);
	assert_string_equal(err.msg, "an ELF file for PowerPC64, not s390x");

	len = make_elf(buf, true, 22, 1);
	buf[4] = 1;
	assert_int_equal(initrd_elf_check_static_s390x(buf, len, &err), -ENOEXEC);
	assert_string_equal(err.msg, "a 32-bit ELF file, not s390x");

	len = make_elf(buf, true, 22, 1);
	assert_int_equal(initrd_elf_check_static_s390x(buf, 100, &err), -ENOEXEC);
	assert_string_equal(err.msg, "a truncated s390x ELF file");
	assert_int_equal(
		initrd_elf_check_static_s390x((const unsigned char *)"#!/bin/sh\n", 10, &err),
		-ENOEXEC);
	assert_string_equal(err.msg, "not an ELF file");
}

static char dir[64];

/* Paths handed out by path_in, freed by teardown. */
static char *paths[32];
static size_t n_paths;

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/reboot-s390x-initrd.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	while (n_paths)
		free(paths[--n_paths]);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static const char *path_in(const char *name)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);

	assert_true(n_paths < sizeof(paths) / sizeof(paths[0]));
	sprintf(path, "%s/%s", dir, name);
	paths[n_paths++] = path;
	return path;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* A fake static s390x program: the ELF header and a payload. */
static const char *fake_program(const char *name, const char *payload)
{
	unsigned char buf[512];
	size_t len = make_elf(buf, true, 22, 1);
	const char *path = path_in(name);

	memcpy(buf + len, payload, strlen(payload));
	write_file(path, buf, len + strlen(payload));
	return path;
}

/* "path mode uid mtime size [content]" per entry, in archive order. */
static char *listing(const char *path)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	archive_read_support_filter_all(a);
	archive_read_support_format_cpio(a);
	assert_int_equal(archive_read_open_filename(a, path, 4096), ARCHIVE_OK);
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		char data[256] = "";
		la_ssize_t n = 0;

		fprintf(out, "%s %o %lld %lld %lld", archive_entry_pathname(e),
			(unsigned)archive_entry_mode(e), (long long)archive_entry_uid(e),
			(long long)archive_entry_mtime(e), (long long)archive_entry_size(e));
		if (archive_entry_filetype(e) == AE_IFCHR)
			fprintf(out, " %u:%u", (unsigned)archive_entry_rdevmajor(e),
				(unsigned)archive_entry_rdevminor(e));
		if (archive_entry_size(e) > 0 && archive_entry_size(e) < 200) {
			n = archive_read_data(a, data, sizeof(data) - 1);
			data[n < 0 ? 0 : n] = '\0';
			fprintf(out, " [%s]", data);
		}
		fputc('\n', out);
	}
	archive_read_free(a);
	fclose(out);
	return text;
}

static void test_write(void **state)
{
	struct initrd_spec spec = { 0 };
	struct reipl_error err;
	char *text, *a, *b;
	size_t alen, blen;

	(void)state;
	spec.init = fake_program("init", "INIT");
	spec.compress = INITRD_GZIP;
	spec.mtime = 1700000000;
	assert_int_equal(initrd_write(&spec, path_in("a.img"), &err), 0);
	text = listing(path_in("a.img"));
	assert_string_equal(text, "dev 40755 0 1700000000 0\n"
				  "dev/console 20600 0 1700000000 0 5:1\n"
				  "init 100755 0 1700000000 124 [\177ELF\002\002\001]\n"
				  "proc 40755 0 1700000000 0\n"
				  "sys 40755 0 1700000000 0\n");
	free(text);

	/* Same inputs, same bytes: no time in the gzip header, no inode or order drift. */
	sleep(1);
	assert_int_equal(initrd_write(&spec, path_in("b.img"), &err), 0);
	a = read_all(path_in("a.img"), &alen);
	b = read_all(path_in("b.img"), &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	/* gzip magic, and no timestamp (bytes 4-7) */
	assert_int_equal((unsigned char)a[0], 0x1f);
	assert_int_equal(a[4] | a[5] | a[6] | a[7], 0);
	free(a);
	free(b);

	/* Everything the options add, sorted; zstd and none work too. */
	spec.shell = fake_program("sh", "SHELL");
	spec.default_target = "ccw 0.0.0002 -L 1";
	spec.compress = INITRD_ZSTD;
	spec.mtime = 0;
	assert_int_equal(initrd_write(&spec, path_in("c.img"), &err), 0);
	text = listing(path_in("c.img"));
	assert_string_equal(text,
			    "bin 40755 0 0 0\n"
			    "bin/sh 100755 0 0 125 [\177ELF\002\002\001]\n"
			    "dev 40755 0 0 0\n"
			    "dev/console 20600 0 0 0 5:1\n"
			    "etc 40755 0 0 0\n"
			    "etc/reboot-s390x 40755 0 0 0\n"
			    "etc/reboot-s390x/default-target 100644 0 0 17 [ccw 0.0.0002 -L 1]\n"
			    "init 100755 0 0 124 [\177ELF\002\002\001]\n"
			    "proc 40755 0 0 0\n"
			    "sys 40755 0 0 0\n");
	free(text);
	a = read_all(path_in("c.img"), &alen);
	assert_memory_equal(a, "\x28\xb5\x2f\xfd", 4); /* zstd magic */
	free(a);
	spec.compress = INITRD_NONE;
	assert_int_equal(initrd_write(&spec, path_in("d.img"), &err), 0);
	a = read_all(path_in("d.img"), &alen);
	assert_memory_equal(a, "070701", 6); /* newc magic */
	free(a);
}

static void test_refused(void **state)
{
	static const char *const bad_targets[][2] = {
		{ "ccw 0.0.12345", "default target \"ccw 0.0.12345\": Invalid device number "
				   "\"0.0.12345\" specified" },
		{ "ccw", "default target \"ccw\": The \"ccw\" target requires device" },
		{ "", "default target \"\": No valid target specified" },
		{ "ccw 1\nccw 2", "default target must be one line" },
		{ "-L 1", "default target \"-L 1\": No valid target specified" },
	};
	struct initrd_spec spec = { 0 };
	struct reipl_error err;
	const char *out = path_in("keep.img");
	char *before, *after;
	size_t blen, alen, i;

	(void)state;
	write_file(out, "previous image", 14);
	before = read_all(out, &blen);
	spec.init = fake_program("init2", "I");
	for (i = 0; i < sizeof(bad_targets) / sizeof(bad_targets[0]); i++) {
		spec.default_target = bad_targets[i][0];
		assert_int_equal(initrd_write(&spec, out, &err), -EINVAL);
		assert_string_equal(err.msg, bad_targets[i][1]);
	}
	spec.default_target = NULL;

	/* A host program is refused unless forced. */
	write_file(path_in("host"), "#!/bin/sh\necho hi\n", 18);
	spec.init = path_in("host");
	assert_int_equal(initrd_write(&spec, out, &err), -ENOEXEC);
	{
		char want[256];

		snprintf(want, sizeof(want),
			 "init %s is not an ELF file (use --force to take it anyway)", spec.init);
		assert_string_equal(err.msg, want);
	}
	spec.init = path_in("missing");
	assert_int_equal(initrd_write(&spec, out, &err), -ENOENT);
	assert_non_null(strstr(err.msg, "cannot open init"));
	spec.init = dir;
	assert_int_equal(initrd_write(&spec, out, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "is not a regular file"));

	/* Nothing was written, and no temporary file is left behind. */
	after = read_all(out, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(before, after, alen);
	free(before);
	free(after);
	{
		char cmd[256];

		snprintf(cmd, sizeof(cmd), "test $(ls '%s' | grep -c 'keep.img.') = 0", dir);
		assert_int_equal(system(cmd), 0);
	}

	/* --force takes anything. */
	spec.init = path_in("host");
	spec.force = true;
	assert_int_equal(initrd_write(&spec, out, &err), 0);
}

static void test_compress_names(void **state)
{
	enum initrd_compress c;

	(void)state;
	assert_int_equal(initrd_compress_parse("gzip", &c), 0);
	assert_int_equal(c, INITRD_GZIP);
	assert_int_equal(initrd_compress_parse("zstd", &c), 0);
	assert_int_equal(c, INITRD_ZSTD);
	assert_int_equal(initrd_compress_parse("none", &c), 0);
	assert_int_equal(c, INITRD_NONE);
	assert_int_equal(initrd_compress_parse("xz", &c), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elf),
		cmocka_unit_test_setup_teardown(test_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test(test_compress_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
