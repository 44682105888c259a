// SPDX-License-Identifier: GPL-2.0
/*
 * test_payload_libc.c - the payload's freestanding string functions and vsnprintf,
 * compiled on the host under other names and compared with glibc's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

/* Rename the payload's functions so that both implementations live side by side. */
#define memcpy	  pl_memcpy
#define memset	  pl_memset
#define memcmp	  pl_memcmp
#define strlen	  pl_strlen
#define strcmp	  pl_strcmp
#define strncmp	  pl_strncmp
#define strchr	  pl_strchr
#define strcpy	  pl_strcpy
#define strncpy	  pl_strncpy
#define strcspn	  pl_strcspn
#define strspn	  pl_strspn
#define vsnprintf pl_vsnprintf
#define snprintf  pl_snprintf
#include "../../payload/include/stdio.h"
#include "../../payload/include/string.h"
#include "../../payload/libc.c"
#undef memcpy
#undef memset
#undef memcmp
#undef strlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strcpy
#undef strncpy
#undef strcspn
#undef strspn
#undef vsnprintf
#undef snprintf

#define SAME(...)                                                                                  \
	do {                                                                                       \
		char want[128], got[128];                                                          \
		int nw = snprintf(want, sizeof(want), __VA_ARGS__);                                \
		int ng = pl_snprintf(got, sizeof(got), __VA_ARGS__);                               \
		assert_string_equal(got, want);                                                    \
		assert_int_equal(ng, nw);                                                          \
	} while (0)

static void test_format(void **state)
{
	(void)state;
	SAME("%x.%x.%04x", 0u, 3u, 0x2u);
	SAME("%d %i %u", -42, 7, 4294967295u);
	SAME("%lld %llu %llx", -9223372036854775807LL, 18446744073709551615ULL, 0x5005076307ULL);
	SAME("%zu/%zu", (size_t)3453, (size_t)3452);
	SAME("%ld %lx %lu", -1L, 0xffffUL, 12UL);
	SAME("[%s] [%.3s] [%.*s] [%-6s] [%6s]", "abc", "abcdef", 2, "xyz", "ab", "ab");
	SAME("%c%c%%", 'o', 'k');
	SAME("%08x %-8x| %X", 0xbeefu, 0x1u, 0xabcu);
	SAME("0.%x.%04x   %-15s %04x/%02x  %s", 0u, 1u, "virtio-net", 0x3832u, 1u, "IPL device");
	SAME("%s", "");
	SAME("no conversions");
}

static void test_truncation(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'X', sizeof(buf));
	assert_int_equal(pl_snprintf(buf, 5, "%s", "abcdefgh"), 8);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], 'X');
	assert_int_equal(pl_snprintf(buf, 0, "%d", 12345), 5);
	assert_int_equal(buf[0], 'a');
}

static void test_strings(void **state)
{
	char a[32], b[32];

	(void)state;
	assert_int_equal(pl_strlen("rd.chreipl"), 10);
	assert_true(pl_strcmp("ccw", "ccw") == 0 && pl_strcmp("a", "b") < 0 &&
		    pl_strcmp("b", "a") > 0);
	assert_int_equal(pl_strncmp("ccw 1", "ccw 2", 4), 0);
	assert_true(pl_strncmp("ab", "ac", 2) < 0);
	assert_string_equal(pl_strchr("0.0.0002", '.'), ".0.0002");
	assert_null(pl_strchr("abc", 'z'));
	assert_int_equal(*pl_strchr("abc", '\0'), '\0');
	assert_int_equal(pl_strcspn("1,2,3", ", "), 1);
	assert_int_equal(pl_strspn("  x", " "), 2);
	pl_strncpy(a, "ab", 5);
	assert_memory_equal(a, "ab\0\0\0", 5);
	pl_strcpy(b, "copy");
	assert_string_equal(b, "copy");
	pl_memset(a, 'z', 4);
	assert_memory_equal(a, "zzzz", 4);
	pl_memcpy(a, "wxyz", 4);
	assert_int_equal(pl_memcmp(a, "wxyz", 4), 0);
	assert_true(pl_memcmp("a", "b", 1) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
