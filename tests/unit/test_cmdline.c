// SPDX-License-Identifier: GPL-2.0
/*
 * test_cmdline.c - the kernel command line: quoting, rd.chreipl= joining, rd.* options.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "reipl/cmdline.h"

static struct reipl_cmdline parse_ok(const char *text)
{
	struct reipl_cmdline cl;
	struct reipl_error err = { "" };

	if (reipl_cmdline_parse(text, &cl, &err))
		fail_msg("\"%s\": %s", text, err.msg);
	return cl;
}

static void test_seed_forms(void **state)
{
	struct reipl_cmdline cl;

	(void)state;
	/* The seed's split form: every value in order, joined by blanks. */
	cl = parse_ok("rd.chreipl=ccw rd.chreipl=0.0.0002 console=ttysclp0\n");
	assert_true(cl.has_chreipl);
	assert_string_equal(cl.chreipl, "ccw 0.0.0002");
	/* The quoted form. */
	cl = parse_ok("quiet rd.chreipl=\"ccw 0.0.0002\" rd.chreipl=-L rd.chreipl=1");
	assert_string_equal(cl.chreipl, "ccw 0.0.0002 -L 1");
	/* Foreman's append line. */
	cl = parse_ok("rd.shell rd.chreipl=ccw rd.chreipl=0.0.0002");
	assert_true(cl.shell);
	assert_string_equal(cl.chreipl, "ccw 0.0.0002");
	/* A quote opening the whole word, as the kernel allows. */
	cl = parse_ok("\"rd.chreipl=ccw 0.0.0003\"");
	assert_string_equal(cl.chreipl, "ccw 0.0.0003");
	/* Tabs and newlines separate too; look-alikes are not ours. */
	cl = parse_ok("a\trd.chreipl=0.0.0004\nrd.chreiplx=1 xrd.chreipl=2");
	assert_string_equal(cl.chreipl, "0.0.0004");
	cl = parse_ok("");
	assert_false(cl.has_chreipl);
	assert_int_equal(cl.onerror, REIPL_ONERROR_POWEROFF);
	assert_false(cl.has_delay);
}

static void test_options(void **state)
{
	struct reipl_cmdline cl;

	(void)state;
	cl = parse_ok("rd.reipl.onerror=halt rd.reipl.delay=0");
	assert_int_equal(cl.onerror, REIPL_ONERROR_HALT);
	assert_true(cl.has_onerror);
	assert_true(cl.has_delay);
	assert_int_equal(cl.delay, 0);
	cl = parse_ok("rd.reipl.onerror=shell rd.reipl.delay=3600 rd.shell=1 rd.shell=0");
	assert_int_equal(cl.onerror, REIPL_ONERROR_SHELL);
	assert_int_equal(cl.delay, 3600);
	assert_false(cl.shell);
	cl = parse_ok("rd.reipl.onerror=reboot rd.reipl.onerror=poweroff");
	assert_int_equal(cl.onerror, REIPL_ONERROR_POWEROFF);
	assert_string_equal(reipl_onerror_name(REIPL_ONERROR_REBOOT), "reboot");
}

static void test_bad(void **state)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{ "rd.chreipl=", "rd.chreipl= needs a value" },
		{ "rd.chreipl", "rd.chreipl= needs a value" },
		{ "rd.chreipl=\"\"", "rd.chreipl= needs a value" },
		{ "rd.reipl.onerror=explode",
		  "rd.reipl.onerror= must be poweroff, halt, reboot or shell" },
		{ "rd.reipl.onerror", "rd.reipl.onerror= must be poweroff, halt, reboot or shell" },
		{ "rd.reipl.onerror=Halt",
		  "rd.reipl.onerror= must be poweroff, halt, reboot or shell" },
		{ "rd.reipl.delay=abc",
		  "rd.reipl.delay= must be a number of seconds from 0 to 3600" },
		{ "rd.reipl.delay=-1",
		  "rd.reipl.delay= must be a number of seconds from 0 to 3600" },
		{ "rd.reipl.delay=3601",
		  "rd.reipl.delay= must be a number of seconds from 0 to 3600" },
		{ "rd.reipl.delay=", "rd.reipl.delay= must be a number of seconds from 0 to 3600" },
		{ "rd.reipl.delay=99999999999999999999",
		  "rd.reipl.delay= must be a number of seconds from 0 to 3600" },
		{ "rd.shell=yes", "rd.shell= must be 0 or 1" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct reipl_cmdline cl;
		struct reipl_error err = { "" };

		assert_int_equal(reipl_cmdline_parse(cases[i].text, &cl, &err), -EINVAL);
		assert_string_equal(err.msg, cases[i].msg);
	}
}

static void test_too_long(void **state)
{
	static char text[3 * REIPL_CMDLINE_MAX];
	struct reipl_cmdline cl;
	struct reipl_error err;
	size_t i;

	(void)state;
	strcpy(text, "rd.chreipl=");
	for (i = strlen(text); i < sizeof(text) - 1; i++)
		text[i] = 'x';
	assert_int_equal(reipl_cmdline_parse(text, &cl, &err), -E2BIG);
	assert_string_equal(err.msg, "rd.chreipl= values are too long");
}

static void test_split(void **state)
{
	char buf[] = "  ccw\t0.0.0002  -L 1 ", tiny[] = "a b c";
	char *words[4];

	(void)state;
	assert_int_equal(reipl_cmdline_split(buf, words, 4), 4);
	assert_string_equal(words[0], "ccw");
	assert_string_equal(words[1], "0.0.0002");
	assert_string_equal(words[2], "-L");
	assert_string_equal(words[3], "1");
	assert_int_equal(reipl_cmdline_split(tiny, words, 2), -E2BIG);
}

/* A broken command line never keeps an earlier "reboot": the helper would loop (issue 11). */
static void test_bad_means_poweroff(void **state)
{
	static const char *const lines[] = {
		"rd.reipl.onerror=reboot rd.reipl.onerror=bogus",
		"rd.reipl.onerror=reboot rd.reipl.delay=soon",
		"rd.reipl.onerror=shell rd.chreipl=",
	};
	struct reipl_cmdline cl;
	struct reipl_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		assert_int_equal(reipl_cmdline_parse(lines[i], &cl, &err), -EINVAL);
		assert_int_equal(cl.onerror, REIPL_ONERROR_POWEROFF);
		assert_false(cl.has_onerror);
	}
	assert_int_equal(reipl_cmdline_parse("rd.reipl.onerror=reboot", &cl, &err), 0);
	assert_int_equal(cl.onerror, REIPL_ONERROR_REBOOT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_forms), cmocka_unit_test(test_options),
		cmocka_unit_test(test_bad),	   cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_split),	   cmocka_unit_test(test_bad_means_poweroff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
