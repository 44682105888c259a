// SPDX-License-Identifier: GPL-2.0
/*
 * test_args.c - chreipl's grammar: every target and option, normalisation, limits, and
 * bad input with the message each one gets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "reipl/target.h"

#define ARGS(...) ((char *[]){ __VA_ARGS__, NULL })

static int count(char **argv)
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

static struct reipl_target parse_ok(char **argv)
{
	struct reipl_target t;
	struct reipl_error err = { "" };
	int rc = reipl_args_parse(count(argv), argv, &t, &err);

	if (rc)
		fail_msg("parse failed: %s", err.msg);
	return t;
}

static void busid_is(const struct reipl_target *t, const char *want)
{
	char buf[REIPL_BUSID_LEN];

	reipl_busid_format(&t->device, buf);
	assert_string_equal(buf, want);
}

static void test_ccw(void **state)
{
	struct reipl_target t;

	(void)state;
	t = parse_ok(ARGS("ccw", "0.0.0002"));
	assert_int_equal(t.type, REIPL_TYPE_CCW);
	busid_is(&t, "0.0.0002");
	assert_int_equal(t.clear, -1);
	assert_int_equal(t.opts, REIPL_OPT_DEVICE);

	t = parse_ok(ARGS("ccw", "-d", "0.1.abcd", "-L", "LINUX 1", "-p", "root=/dev/vda1", "-c",
			  "0", "-f"));
	busid_is(&t, "0.1.abcd");
	assert_string_equal(t.loadparm, "LINUX 1");
	assert_string_equal(t.bootparms, "root=/dev/vda1");
	assert_int_equal(t.clear, 0);
	assert_true(t.opts & REIPL_OPT_FORCE);

	/* Long forms, "=" values, clusters and attached values. */
	t = parse_ok(ARGS("ccw", "--device=0.0.0003", "--loadparm", "1", "--clear=1", "--force"));
	busid_is(&t, "0.0.0003");
	assert_string_equal(t.loadparm, "1");
	assert_int_equal(t.clear, 1);
	t = parse_ok(ARGS("ccw", "-fL2", "-c1", "-d0.0.0004"));
	busid_is(&t, "0.0.0004");
	assert_string_equal(t.loadparm, "2");
	assert_int_equal(t.clear, 1);

	/* Positional parameters may follow options, and "--" ends options. */
	t = parse_ok(ARGS("ccw", "-L", "1", "0.0.0005"));
	busid_is(&t, "0.0.0005");
	t = parse_ok(ARGS("ccw", "--", "0.0.0006"));
	busid_is(&t, "0.0.0006");
}

static void test_busid_normalisation(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "0.0.000", "0.0.0000" },  { "123", "0.0.0123" },    { "0.0.ABCD", "0.0.abcd" },
		{ "0.3.ffff", "0.3.ffff" }, { "00.0.1", "0.0.0001" }, { "a", "0.0.000a" },
		{ "FFFF", "0.0.ffff" },	    { "0.2.01", "0.2.0001" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct reipl_target t = parse_ok(ARGS("ccw", (char *)cases[i].in));

		busid_is(&t, cases[i].out);
	}
}

static void test_loadparm(void **state)
{
	struct reipl_target t;

	(void)state;
	/* chreipl: a single blank means no loadparm. */
	t = parse_ok(ARGS("ccw", "1", "-L", " "));
	assert_string_equal(t.loadparm, "");
	assert_true(t.opts & REIPL_OPT_LOADPARM);
	t = parse_ok(ARGS("ccw", "1", "-L", "aZ09. x9"));
	assert_string_equal(t.loadparm, "aZ09. x9");
	t = parse_ok(ARGS("ccw", "1", "-L", ""));
	assert_string_equal(t.loadparm, "");
}

static void test_fcp(void **state)
{
	struct reipl_target t;

	(void)state;
	t = parse_ok(ARGS("fcp", "0.0.1700", "0x500507630708D3B3", "4010403200000000"));
	assert_int_equal(t.type, REIPL_TYPE_FCP);
	busid_is(&t, "0.0.1700");
	assert_true(t.wwpn == 0x500507630708d3b3ull);
	assert_true(t.lun == 0x4010403200000000ull);
	t = parse_ok(ARGS("fcp", "-d", "1700", "-w", "0x1", "-l", "0x2", "-b", "3", "-L", "4", "-p",
			  "quiet", "-c", "1"));
	busid_is(&t, "0.0.1700");
	assert_true(t.wwpn == 1 && t.lun == 2);
	assert_int_equal(t.bootprog, 3);
	assert_string_equal(t.bootparms, "quiet");
	t = parse_ok(ARGS("fcp", "--wwpn", "ffffffffffffffff", "--lun=0", "--device", "0.0.1",
			  "--bootprog=4294967295"));
	assert_true(t.wwpn == UINT64_MAX);
	assert_true(t.bootprog == UINT32_MAX);
}

static void test_nvme(void **state)
{
	struct reipl_target t;

	(void)state;
	t = parse_ok(ARGS("nvme", "0x11"));
	assert_int_equal(t.type, REIPL_TYPE_NVME);
	assert_int_equal(t.fid, 0x11);
	assert_int_equal(t.nsid, 1); /* chreipl's default */
	t = parse_ok(ARGS("nvme", "11", "12"));
	assert_int_equal(t.fid, 0x11);
	assert_int_equal(t.nsid, 12);
	t = parse_ok(ARGS("nvme", "-i", "ffffffff", "-s", "4294967295", "-b", "1", "-c", "0"));
	assert_true(t.fid == UINT32_MAX && t.nsid == UINT32_MAX);
	assert_int_equal(t.clear, 0);
	t = parse_ok(ARGS("nvme", "--fid=1", "--nsid=2", "--bootparms=x"));
	assert_int_equal(t.nsid, 2);
}

static void test_nss_eckd_node_auto(void **state)
{
	struct reipl_target t;

	(void)state;
	t = parse_ok(ARGS("nss", "LINUX1"));
	assert_int_equal(t.type, REIPL_TYPE_NSS);
	assert_string_equal(t.name, "LINUX1");
	t = parse_ok(ARGS("nss", "-n", "$a#b@", "-p", "parm"));
	assert_string_equal(t.name, "$a#b@");

	t = parse_ok(ARGS("eckd", "0.0.5c00"));
	assert_int_equal(t.type, REIPL_TYPE_ECKD);
	assert_false(t.opts & REIPL_OPT_BRCHR);
	t = parse_ok(ARGS("eckd", "-d", "5c00", "-b", "2", "--brchr", "1,2,3"));
	assert_string_equal(t.brchr, "0x1,0x2,0x3");
	t = parse_ok(ARGS("eckd", "5c00", "--brchr=0x10 2 010"));
	assert_string_equal(t.brchr, "0x10,0x2,0x8");
	t = parse_ok(ARGS("eckd", "5c00", "--brchr", "auto"));
	assert_string_equal(t.brchr, "auto");
	/* The kernel shows 0,0,0 as "auto": written so, the read-back agrees. */
	t = parse_ok(ARGS("eckd", "5c00", "--brchr", "0,0,0"));
	assert_string_equal(t.brchr, "auto");

	t = parse_ok(ARGS("node", "/dev/dasda"));
	assert_int_equal(t.type, REIPL_TYPE_NODE);
	assert_string_equal(t.node, "/dev/dasda");

	t = parse_ok(ARGS("auto"));
	assert_int_equal(t.type, REIPL_TYPE_AUTO);
	t = parse_ok(ARGS("auto", "-L", "1", "-c", "0", "-f"));
	assert_string_equal(t.loadparm, "1");
}

static void test_detect(void **state)
{
	struct reipl_target t;

	(void)state;
	/* No keyword: the type is detected later from the word. */
	t = parse_ok(ARGS("0.0.0002", "-L", "1"));
	assert_true(t.detect);
	assert_int_equal(t.type, REIPL_TYPE_NONE);
	assert_int_equal(t.npos, 1);
	assert_string_equal(t.pos[0], "0.0.0002");
	t.type = REIPL_TYPE_CCW;
	assert_int_equal(reipl_target_finish(&t, NULL), 0);
	busid_is(&t, "0.0.0002");
	assert_string_equal(t.loadparm, "1");
}

static void test_limits(void **state)
{
	char parm64[65], parm3452[3453], line4095[4096];
	struct reipl_target t;

	(void)state;
	memset(parm64, 'a', 64);
	parm64[64] = '\0';
	t = parse_ok(ARGS("ccw", "1", "-p", parm64));
	assert_int_equal(strlen(t.bootparms), 64);
	memset(parm3452, 'b', 3452);
	parm3452[3452] = '\0';
	t = parse_ok(ARGS("fcp", "1", "2", "3", "-p", parm3452));
	assert_int_equal(strlen(t.bootparms), 3452);
	parm64[56] = '\0';
	t = parse_ok(ARGS("nss", "A", "-p", parm64));
	memset(line4095, 'c', 4095);
	line4095[4095] = '\0';
	/* Under chreipl's line limit, over every target's: the target limit speaks. */
	{
		struct reipl_error err;
		char **argv = ARGS("fcp", "1", "2", "3", "-p", line4095);

		assert_int_equal(reipl_args_parse(count(argv), argv, &t, &err), -EINVAL);
		assert_string_equal(err.msg, "Maximum boot parameter length exceeded (4095/3452)");
	}
}

struct bad {
	char **argv;
	const char *msg;
};

static char long_parm[66], huge_parm[3454], line_parm[4097];

/* Long options by unique prefix, as getopt_long (and so chreipl) takes them; -h, -v. */
static void test_prefixes_help_version(void **state)
{
	struct reipl_target t;

	(void)state;
	t = parse_ok(ARGS("ccw", "--dev", "0.0.0002", "--load", "1", "--cl", "0"));
	assert_int_equal(t.device.devno, 2);
	assert_string_equal(t.loadparm, "1");
	assert_int_equal(t.clear, 0);
	t = parse_ok(ARGS("fcp", "--ww", "0x1", "--lu", "0x2", "-d", "1700", "--bootpr", "3"));
	assert_int_equal(t.wwpn, 1);
	assert_int_equal(t.bootprog, 3);
	t = parse_ok(ARGS("ccw", "2", "--bootpa=x"));
	assert_string_equal(t.bootparms, "x");
	t = parse_ok(ARGS("nss", "--na", "LINUX"));
	assert_string_equal(t.name, "LINUX");
	/* Help and version stop the parsing wherever they stand. */
	{
		char *argv[] = { "ccw", "2", "-L", "1", "--he", "--bogus", NULL };
		struct reipl_error err;

		assert_int_equal(reipl_args_parse(6, argv, &t, &err), 0);
		assert_true(t.opts & REIPL_OPT_HELP);
	}
	{
		char *argv[] = { "-fv", NULL };
		struct reipl_error err;

		assert_int_equal(reipl_args_parse(1, argv, &t, &err), 0);
		assert_true(t.opts & REIPL_OPT_VERSION);
	}
	{
		char text[] = "ccw 0.0.0002 -h", *argv[8];
		struct reipl_error err;

		/* On a kernel command line they are no target. */
		assert_int_equal(reipl_args_parse_text(text, argv, 8, &t, &err), -EINVAL);
	}
}

static void test_bad_inputs(void **state)
{
	const struct bad cases[] = {
		{ ARGS("-L", "1"), "No valid target specified" },
		{ ARGS("ccw"), "The \"ccw\" target requires device" },
		{ ARGS("ccw", "0.0.12345"), "Invalid device number \"0.0.12345\" specified" },
		{ ARGS("ccw", "0.00.1234"), "Invalid device number \"0.00.1234\" specified" },
		{ ARGS("ccw", "0x12"), "Invalid device number \"0x12\" specified" },
		{ ARGS("ccw", "-d", "-1"), "Invalid device number \"-1\" specified" },
		{ ARGS("ccw", "0.0.00g1"), "Invalid device number \"0.0.00g1\" specified" },
		{ ARGS("ccw", "0..0001"), "Invalid device number \"0..0001\" specified" },
		{ ARGS("ccw", "0.0.0001.1"), "Invalid device number \"0.0.0001.1\" specified" },
		{ ARGS("ccw", "12345"), "Invalid device number \"12345\" specified" },
		{ ARGS("ccw", " 0.0.1"), "Invalid device number \" 0.0.1\" specified" },
		{ ARGS("ccw", "--device="), "Invalid device number \"\" specified" },
		{ ARGS("ccw", "1.0.0001"), "Invalid device number \"1.0.0001\" specified: the "
					   "channel subsystem ID must be 0" },
		{ ARGS("ccw", "0.4.0001"), "Invalid device number \"0.4.0001\" specified: the "
					   "subchannel set ID must be 0 to 3" },
		{ ARGS("ccw", "1", "2"), "Too many arguments specified for \"ccw\" re-IPL type" },
		{ ARGS("ccw", "1", "-d", "2"), "Use either options or positional parameters" },
		{ ARGS("ccw", "1", "-L", "123456789"),
		  "Loadparm \"123456789\" exceeds 8 characters" },
		{ ARGS("ccw", "1", "-L", "a_b"), "Loadparm \"a_b\" has an invalid character: only "
						 "letters, digits, blanks and dots "
						 "are allowed" },
		{ ARGS("ccw", "1", "-L", " a"), "Loadparm \" a\" must not start with a blank" },
		{ ARGS("ccw", "1", "-c", "2"), "re-IPL clear argument must be either 1 or 0" },
		{ ARGS("ccw", "1", "-c", "10"), "re-IPL clear argument must be either 1 or 0" },
		{ ARGS("ccw", "1", "-c", ""), "re-IPL clear argument must be either 1 or 0" },
		{ ARGS("ccw", "1", "-b", "1"), "Invalid option -b for \"ccw\" target specified" },
		{ ARGS("ccw", "1", "-w", "1"), "Invalid option -w for \"ccw\" target specified" },
		{ ARGS("ccw", "1", "--brchr", "auto"),
		  "Invalid option --brchr for \"ccw\" target specified" },
		{ ARGS("ccw", "1", "-n", "LINUX"),
		  "Invalid option -n for \"ccw\" target specified" },
		{ ARGS("ccw", "1", "-i", "1"), "Invalid option -i for \"ccw\" target specified" },
		{ ARGS("ccw", "1", "-p", long_parm),
		  "Maximum boot parameter length exceeded (65/64)" },
		{ ARGS("ccw", "1", "-p", "caf\xc3\xa9"),
		  "Non ASCII characters found in boot parameters" },
		{ ARGS("ccw", "1", "-p", line_parm), "Boot parameter line is too long" },
		{ ARGS("ccw", "1", "-x"), "Invalid option \"-x\"" },
		{ ARGS("ccw", "1", "--bogus"), "Invalid option \"--bogus\"" },
		{ ARGS("ccw", "1", "--l", "2"), "Option \"--l\" is ambiguous" },
		{ ARGS("fcp", "1", "--boot", "2"), "Option \"--boot\" is ambiguous" },
		{ ARGS("fcp", "0.1.1700", "0x1", "0x2"),
		  "Device 0.1.1700: the kernel takes FCP devices only from subchannel set 0 "
		  "(0.0.xxxx)" },
		/* Stricter than chreipl and the kernel, on purpose (README, "chreipl, stricter"). */
		{ ARGS("eckd", "5c00", "--brchr", "automatic"),
		  "Boot record location \"automatic\" must be \"auto\" or C,H,R (cylinder up to "
		  "4294967295, head and record up to 255)" },
		{ ARGS("eckd", "5c00", "--brchr", "1,2,3 "),
		  "Boot record location \"1,2,3 \" must be \"auto\" or C,H,R (cylinder up to "
		  "4294967295, head and record up to 255)" },
		{ ARGS("fcp", "1700", "+1", "2"), "WWPN \"+1\" is not a hexadecimal number" },
		{ ARGS("fcp", "1700", " 1", "2"), "WWPN \" 1\" is not a hexadecimal number" },
		{ ARGS("eckd", "5c00", "-b", "+1"), "Bootprog \"+1\" is not a decimal number" },
		{ ARGS("nss", "LIN-UX"), "NSS name \"LIN-UX\" has an invalid character" },
		{ ARGS("ccw", "1.0.0002"),
		  "Invalid device number \"1.0.0002\" specified: the channel subsystem ID must be "
		  "0" },
		{ ARGS("ccw", "1", "-L"), "Option -L requires an argument" },
		{ ARGS("ccw", "1", "--loadparm"), "Option --loadparm requires an argument" },
		{ ARGS("ccw", "1", "--force=1"), "Option --force does not take an argument" },
		{ ARGS("fcp", "0.0.1700"), "The \"fcp\" target requires device, WWPN, and LUN" },
		{ ARGS("fcp", "0.0.1700", "0x1"),
		  "The \"fcp\" target requires device, WWPN, and LUN" },
		{ ARGS("fcp", "-d", "1700", "-w", "1"),
		  "The \"fcp\" target requires device, WWPN, and LUN" },
		{ ARGS("fcp", "1", "2", "3", "4"),
		  "Too many arguments specified for \"fcp\" re-IPL type" },
		{ ARGS("fcp", "1", "zz", "2"), "WWPN \"zz\" is not a hexadecimal number" },
		{ ARGS("fcp", "1", "0x", "2"), "WWPN \"0x\" is not a hexadecimal number" },
		{ ARGS("fcp", "1", "2", "-3"), "Invalid option \"-3\"" },
		{ ARGS("fcp", "1", "2", "3g"), "LUN \"3g\" is not a hexadecimal number" },
		{ ARGS("fcp", "1", "2", "0x10000000000000000"),
		  "LUN \"0x10000000000000000\" exceeds 64 bits" },
		{ ARGS("fcp", "1", "2", "3", "-b", "x"), "Bootprog \"x\" is not a decimal number" },
		{ ARGS("fcp", "1", "2", "3", "-b", "-1"),
		  "Bootprog \"-1\" is not a decimal number" },
		{ ARGS("fcp", "1", "2", "3", "-b", "0x1"),
		  "Bootprog \"0x1\" is not a decimal number" },
		{ ARGS("fcp", "1", "2", "3", "-b", "4294967296"),
		  "Bootprog \"4294967296\" exceeds 32 bits" },
		{ ARGS("fcp", "1", "2", "3", "-n", "X"),
		  "Invalid option -n for \"fcp\" target specified" },
		{ ARGS("fcp", "1", "2", "3", "-p", huge_parm),
		  "Maximum boot parameter length exceeded (3453/3452)" },
		{ ARGS("nvme"), "The \"nvme\" target requires FID, and optional NSID" },
		{ ARGS("nvme", "1", "2", "3"),
		  "Too many arguments specified for \"nvme\" re-IPL type" },
		{ ARGS("nvme", "zz"), "FID \"zz\" is not a hexadecimal number" },
		{ ARGS("nvme", "0x100000000"), "FID \"0x100000000\" exceeds 32 bits" },
		{ ARGS("nvme", "1", "0x2"), "NSID \"0x2\" is not a decimal number" },
		{ ARGS("nvme", "1", "0"), "NSID must not be 0" },
		{ ARGS("nvme", "1", "4294967296"), "NSID \"4294967296\" exceeds 32 bits" },
		{ ARGS("nvme", "1", "-d", "1"), "Invalid option -d for \"nvme\" target specified" },
		{ ARGS("nss"), "The \"nss\" target requires NSS name" },
		{ ARGS("nss", "LINUX123X"),
		  "NSS name \"LINUX123X\" exceeds maximum of 8 characters" },
		{ ARGS("nss", "LIN-UX"), "NSS name \"LIN-UX\" has an invalid character" },
		{ ARGS("nss", "-n", ""), "NSS name must not be empty" },
		{ ARGS("nss", "LINUX", "-L", "1"),
		  "Invalid option -L for \"nss\" target specified" },
		{ ARGS("nss", "LINUX", "-c", "1"),
		  "Invalid option -c for \"nss\" target specified" },
		{ ARGS("nss", "A", "-p", long_parm + 8),
		  "Maximum boot parameter length exceeded (57/56)" },
		{ ARGS("eckd", "5c00", "--brchr", "1,2"),
		  "Boot record location \"1,2\" must be \"auto\" or C,H,R (cylinder up to "
		  "4294967295, "
		  "head and record up to 255)" },
		{ ARGS("eckd", "5c00", "--brchr", "1,256,1"),
		  "Boot record location \"1,256,1\" must be \"auto\" or C,H,R (cylinder up to "
		  "4294967295, head and record up to 255)" },
		{ ARGS("eckd", "5c00", "--brchr", "1,2,3,4"),
		  "Boot record location \"1,2,3,4\" must be \"auto\" or C,H,R (cylinder up to "
		  "4294967295, head and record up to 255)" },
		{ ARGS("eckd", "5c00", "--brchr", "1,0,0"),
		  "Boot record location \"1,0,0\": the record must not be 0" },
		{ ARGS("eckd", "5c00", "-w", "1"),
		  "Invalid option -w for \"eckd\" target specified" },
		{ ARGS("node"), "The \"node\" target requires a device node or directory" },
		{ ARGS("node", "/dev/dasda", "-d", "1"),
		  "Do not use device, WWPN, or LUN for \"node\" target" },
		{ ARGS("node", "/a", "/b"),
		  "Too many arguments specified for \"node\" re-IPL type" },
		{ ARGS("auto", "0.0.0001"),
		  "Too many arguments specified for \"auto\" re-IPL type" },
		{ ARGS("auto", "-b", "1"), "Invalid option -b for \"auto\" target specified" },
		{ ARGS("auto", "-d", "1"), "Invalid option -d for \"auto\" target specified" },
		{ ARGS("ccw", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		  "Too many arguments specified" },
	};
	size_t i;

	(void)state;
	memset(long_parm, 'p', sizeof(long_parm) - 1);
	memset(huge_parm, 'h', sizeof(huge_parm) - 1);
	memset(line_parm, 'l', sizeof(line_parm) - 1);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct reipl_target t;
		struct reipl_error err = { "" };
		int argc = count(cases[i].argv), rc;

		rc = reipl_args_parse(argc, cases[i].argv, &t, &err);
		if (rc == 0)
			fail_msg("case %zu (%s ...) was accepted", i, cases[i].argv[0]);
		if (strcmp(err.msg, cases[i].msg) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err.msg, cases[i].msg);
	}
	assert_true(i >= 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ccw),	   cmocka_unit_test(test_busid_normalisation),
		cmocka_unit_test(test_loadparm),   cmocka_unit_test(test_fcp),
		cmocka_unit_test(test_nvme),	   cmocka_unit_test(test_nss_eckd_node_auto),
		cmocka_unit_test(test_detect),	   cmocka_unit_test(test_limits),
		cmocka_unit_test(test_bad_inputs), cmocka_unit_test(test_prefixes_help_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
