// SPDX-License-Identifier: GPL-2.0
/*
 * test_fwcaps.c - the firmware generation from what a QEMU binary and its firmware can
 * do, on what each lane's binary printed (tests/fixtures/qemu-caps/README), and auto's
 * choice from it (doctor's findings from it: test_domain.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxe/fwgen.h"
#include "pxe/method.h"

/* tests/fixtures/qemu-caps/@version/@file, whole; *@len its size. */
static char *load(const char *version, const char *file, size_t *len)
{
	char path[512];
	char *text = calloc(1, 1 << 20);
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/qemu-caps/%s/%s",
		 getenv("FIXTURE_DIR") ? getenv("FIXTURE_DIR") : "tests/fixtures", version, file);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(text);
	n = fread(text, 1, (1 << 20) - 1, f);
	fclose(f);
	if (len)
		*len = n;
	return text;
}

static void lane_caps(const char *version, struct pxe_fw_caps *c)
{
	size_t len;
	char *device = load(version, "device-virtio-net-ccw.txt", NULL);
	char *machine = load(version, "machine-s390-ccw-virtio.txt", NULL);
	char *image = load(version, "s390-ccw.img.strings", &len);

	pxe_fw_caps_read(device, machine, image, len, c);
	free(device), free(machine), free(image);
}

static void test_lanes(void **state)
{
	static const struct {
		const char *version;
		enum pxe_fwgen gen;
		bool net_loadparm;
		enum pxe_method method; /* auto's, network then disk in the boot order */
		bool pci_boot;
	} lanes[] = {
		{ "7.2.22", PXE_FW_7_2, false, PXE_METHOD_PAYLOAD, false },
		{ "10.0.13", PXE_FW_9_2, true, PXE_METHOD_FALLBACK, false },
		{ "11.1.3", PXE_FW_10_1, true, PXE_METHOD_FALLBACK, true },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lanes) / sizeof(lanes[0]); i++) {
		struct pxe_method_facts f = { .have_domain = true,
					      .net_then_disk = true,
					      .payload_target = true,
					      .payload_in_root = true };
		struct pxe_fw_caps c;
		enum pxe_fwgen gen;
		char why[160];

		print_message("QEMU %s\n", lanes[i].version);
		lane_caps(lanes[i].version, &c);
		assert_true(c.firmware_read);
		assert_int_equal(c.net_loadparm, lanes[i].net_loadparm);
		assert_int_equal(c.fw_pci_boot, lanes[i].pci_boot);
		assert_false(c.secure_boot);
		assert_true(pxe_fwgen_of_caps(&c, &gen));
		assert_int_equal(gen, lanes[i].gen);
		f.gen = gen;
		assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), lanes[i].method);
	}
}

static void test_without_firmware(void **state)
{
	struct pxe_fw_caps c;
	enum pxe_fwgen gen = PXE_FW_10_1;

	(void)state;
	/* No image: the version number must do. A property line, not a word in a text. */
	pxe_fw_caps_read("  loadparm=<str>         - ...\n",
			 "  secure-boot=<bool>     - Enable secure boot\n", NULL, 0, &c);
	assert_false(pxe_fwgen_of_caps(&c, &gen));
	assert_true(c.net_loadparm);
	assert_true(c.secure_boot);
	pxe_fw_caps_read("  bootindex=<int32>  - the loadparm= of the machine\n", NULL, NULL, 0, &c);
	assert_false(c.net_loadparm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lanes),
		cmocka_unit_test(test_without_firmware),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
