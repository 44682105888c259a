// SPDX-License-Identifier: GPL-2.0
/*
 * test_ccw.c - device kinds, device discovery and lsreipl output on the fixture trees.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "reipl/ccw.h"
#include "reipl/show.h"

static void test_kinds(void **state)
{
	static const struct {
		struct reipl_ccw_ident id;
		const char *kind;
		bool disk, fcp;
	} cases[] = {
		{ { 0x3832, 0x01, 0, 0 }, "virtio-net", false, false },
		{ { 0x3832, 0x02, 0, 0 }, "virtio-blk", true, false },
		{ { 0x3832, 0x08, 0, 0 }, "virtio-scsi", true, false },
		{ { 0x3832, 0x03, 0, 0 }, "virtio-console", false, false },
		{ { 0x3832, 0x14, 0, 0 }, "virtio-crypto", false, false },
		{ { 0x3832, 0x7f, 0, 0 }, "virtio", false, false },
		{ { 0x3990, 0xe9, 0x3390, 0x0c }, "dasd-eckd", true, false },
		{ { 0x2107, 0x01, 0x3380, 0x0a }, "dasd-eckd", true, false },
		{ { 0x6310, 0x80, 0x9336, 0x10 }, "dasd-fba", true, false },
		{ { 0x3990, 0xe9, 0x9336, 0x10 }, "unknown", false, false },
		{ { 0x1731, 0x03, 0x1732, 0x03 }, "zfcp", false, true },
		{ { 0x1731, 0x01, 0x1732, 0x01 }, "qeth", false, false },
		{ { 0x1731, 0x05, 0x1732, 0x05 }, "qeth", false, false },
		{ { 0x3088, 0x08, 0, 0 }, "ctc", false, false },
		{ { 0x3215, 0x00, 0, 0 }, "console", false, false },
		{ { 0x2540, 0x00, 0x2540, 0x00 }, "unit-record", false, false },
		{ { 0x1234, 0x00, 0, 0 }, "unknown", false, false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_string_equal(reipl_ccw_kind(&cases[i].id), cases[i].kind);
		assert_int_equal(reipl_ccw_is_disk(&cases[i].id), cases[i].disk);
		assert_int_equal(reipl_ccw_is_fcp(&cases[i].id), cases[i].fcp);
	}
}

static void test_pick_auto(void **state)
{
	static const struct {
		struct reipl_busid id;
		struct reipl_ccw_ident ident;
	} seen[] = {
		{ { 0, 0, 0x0007 }, { 0x3832, 0x02, 0, 0 } }, /* virtio-blk */
		{ { 0, 0, 0x0005 }, { 0x3832, 0x01, 0, 0 } }, /* virtio-net, the IPL device */
		{ { 0, 1, 0x0001 }, { 0x3832, 0x02, 0, 0 } }, /* virtio-blk in set 1 */
		{ { 0, 0, 0x0003 }, { 0x3832, 0x08, 0, 0 } }, /* virtio-scsi */
		{ { 0, 0, 0x0001 }, { 0x3832, 0x04, 0, 0 } }, /* virtio-rng */
	};
	struct reipl_ccwdev devs[5];
	struct reipl_busid ipl = { 0, 0, 0x0003 };
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++)
		reipl_ccwdev_init(&devs[i], &seen[i].id, &seen[i].ident);
	assert_string_equal(devs[2].busid, "0.1.0001");
	assert_string_equal(devs[3].kind, "virtio-scsi");
	/* Any order in, the lowest-numbered disk out. */
	assert_int_equal(reipl_ccw_pick_auto(devs, 5, NULL), 3);
	/* The IPL device never counts, even when it is a disk. */
	assert_int_equal(reipl_ccw_pick_auto(devs, 5, &ipl), 0);
	/* Subchannel set 0 before set 1. */
	assert_int_equal(reipl_ccw_pick_auto(devs + 2, 1, NULL), 0);
	/* Only the network card and the rng: nothing. */
	assert_int_equal(reipl_ccw_pick_auto(devs + 1, 1, NULL), -1);
	assert_int_equal(reipl_ccw_pick_auto(devs + 4, 1, NULL), -1);
	assert_int_equal(reipl_ccw_pick_auto(devs, 0, NULL), -1);
	assert_true(reipl_ccw_is_network(&devs[1].ident));
	assert_false(reipl_ccw_is_network(&devs[0].ident));
	assert_true(reipl_ccw_is_network(&(struct reipl_ccw_ident){ 0x1731, 0x01, 0x1732, 0x01 }));
	assert_false(reipl_ccw_is_network(&(struct reipl_ccw_ident){ 0x1731, 0x03, 0x1732, 0x03 }));
}

static void test_scan(void **state)
{
	struct reipl_ccwdev *devs;
	struct reipl_busid ipl;
	size_t n;
	char *dir = fixture_copy("lpar");

	(void)state;
	assert_int_equal(reipl_ccw_scan(dir, &devs, &n, NULL), 0);
	assert_int_equal(n, 6);
	/* Sorted by bus-ID, whatever readdir's order. */
	assert_string_equal(devs[0].busid, "0.0.1700");
	assert_string_equal(devs[0].kind, "zfcp");
	assert_string_equal(devs[0].driver, "zfcp");
	assert_true(devs[0].has_devtype);
	assert_string_equal(devs[1].busid, "0.0.5c00");
	assert_true(devs[1].disk);
	assert_int_equal(devs[2].online, 0);
	assert_string_equal(devs[5].busid, "0.0.f502");
	free(devs);
	assert_int_equal(reipl_ipl_device(dir, &ipl), 0);
	assert_int_equal(ipl.devno, 0x5c00);
	fixture_remove(dir);

	/* Not an s390 system: a clear error. */
	{
		struct reipl_error err;

		assert_int_equal(reipl_ccw_scan("/nonexistent", &devs, &n, &err), -ENOENT);
		assert_non_null(strstr(err.msg, "Cannot list CCW devices in /nonexistent/sys"));
	}
}

static void test_scan_kvm(void **state)
{
	struct reipl_ccwdev *devs, dev;
	struct reipl_busid id = { 0, 0, 1 };
	size_t n;
	char *dir = fixture_copy("kvm-netboot");

	(void)state;
	assert_int_equal(reipl_ccw_scan(dir, &devs, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_string_equal(devs[0].kind, "virtio-net");
	assert_false(devs[0].has_devtype);
	assert_string_equal(devs[1].kind, "virtio-blk");
	free(devs);
	assert_int_equal(reipl_ccw_get(dir, &id, &dev), 0);
	id.devno = 9;
	assert_int_equal(reipl_ccw_get(dir, &id, &dev), -ENOENT);
	/* A garbled cutype is reported, not guessed. */
	fixture_write(dir, "sys/devices/css0/0.0.0001/0.0.0002/cutype", "38320/2\n");
	assert_int_not_equal(reipl_ccw_scan(dir, &devs, &n, NULL), 0);
	fixture_remove(dir);
}

static char *show(const char *dir, bool ipl)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	struct reipl_error err;

	assert_int_equal(reipl_show(dir, ipl, out, &err), 0);
	fclose(out);
	return text;
}

static void test_show(void **state)
{
	/* States written by hand, some no kernel would take ("unknown"): plain files. */
	char *dir = fixture_copy_plain("lpar"), *text;

	(void)state;
	text = show(dir, false);
	assert_string_equal(text, "Re-IPL type: ccw\n"
				  "Device:      0.0.5c00\n"
				  "Loadparm:    \"\"\n"
				  "clear:       0\n");
	free(text);
	text = show(dir, true);
	assert_string_equal(text, "IPL type:    ccw\n"
				  "Device:      0.0.5c00\n"
				  "Loadparm:    \"\"\n"
				  "Secure boot: 0\n");
	free(text);

	fixture_write(dir, "sys/firmware/reipl/reipl_type", "eckd\n");
	fixture_write(dir, "sys/firmware/reipl/eckd/loadparm", "AB  \n");
	fixture_write(dir, "sys/firmware/reipl/eckd/scp_data", "quiet\n");
	text = show(dir, false);
	assert_string_equal(text, "Re-IPL type: eckd\n"
				  "Device:      0.0.0000\n"
				  "bootprog:    0\n"
				  "br_chr:      auto\n"
				  "Bootparms:   \"quiet\"\n"
				  "Loadparm:    \"AB\"\n"
				  "clear:       0\n");
	free(text);

	fixture_write(dir, "sys/firmware/reipl/reipl_type", "nvme\n");
	text = show(dir, false);
	assert_non_null(strstr(text, "Re-IPL type: nvme\nFID:         0x00000000\nNSID:"));
	free(text);

	/* lsreipl prints "Re-IPL type:: unknown (unknown)"; we print the type. */
	fixture_write(dir, "sys/firmware/reipl/reipl_type", "unknown\n");
	text = show(dir, false);
	assert_string_equal(text, "Re-IPL type: unknown\n");
	free(text);
	fixture_remove(dir);

	dir = fixture_copy_plain("zvm");
	fixture_write(dir, "sys/firmware/reipl/reipl_type", "nss\n");
	fixture_write(dir, "sys/firmware/reipl/nss/name", "LINUX\n");
	text = show(dir, false);
	assert_string_equal(text, "Re-IPL type: nss\nName:        LINUX\nBootparms:   \"\"\n");
	free(text);
	fixture_remove(dir);
}

static void test_show_short(void **state)
{
	char *dir = fixture_copy("kvm-netboot"), buf[128];

	(void)state;
	assert_int_equal(reipl_show_short(dir, true, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "ccw 0.0.0001");
	fixture_write(dir, "sys/firmware/reipl/reipl_type", "fcp\n");
	assert_int_equal(reipl_show_short(dir, false, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "fcp 0.0.0000 0x0000000000000000 0x0000000000000000");
	fixture_remove(dir);
	assert_int_equal(reipl_show_short("/nonexistent", false, buf, sizeof(buf)), -ENOENT);
}

static void test_print(void **state)
{
	char *dir = fixture_copy("zvm"), *text = NULL;
	struct reipl_ccwdev *devs;
	struct reipl_busid ipl;
	size_t n, size = 0;
	FILE *out = open_memstream(&text, &size);

	(void)state;
	assert_int_equal(reipl_ccw_scan(dir, &devs, &n, NULL), 0);
	assert_int_equal(reipl_ipl_device(dir, &ipl), 0);
	reipl_ccw_print(out, devs, 3, &ipl);
	fclose(out);
	assert_string_equal(
		text, "DEVICE     KIND            CUTYPE   DEVTYPE  ONLINE  DRIVER      NOTE\n"
		      "0.0.0009   console         3215/00  n/a      yes     -\n"
		      "0.0.000c   unit-record     2540/00  2540/00  no      vmur\n"
		      "0.0.0100   dasd-eckd       3990/e9  3390/0a  yes     dasd-eckd   disk, IPL "
		      "device\n");
	free(text);
	free(devs);
	fixture_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds), cmocka_unit_test(test_pick_auto),
		cmocka_unit_test(test_scan),  cmocka_unit_test(test_scan_kvm),
		cmocka_unit_test(test_show),  cmocka_unit_test(test_show_short),
		cmocka_unit_test(test_print),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
