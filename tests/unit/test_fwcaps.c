// SPDX-License-Identifier: GPL-2.0
/*
 * test_fwcaps.c - the firmware generation from what a QEMU binary and its firmware can
 * do, on what each lane's binary printed (tests/fixtures/qemu-caps/README); auto's choice
 * and doctor's findings from it, a backport included.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxe/fwgen.h"
#include "pxe/guest.h"
#include "pxe/lint.h"
#include "pxe/method.h"
#include "virt/domain.h"
#include "virt/libvirt.h"

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

static bool has(const struct pxe_findings *f, enum pxe_severity sev, const char *part)
{
	size_t i;

	for (i = 0; i < f->count; i++)
		if (f->items[i].severity == sev && strstr(f->items[i].msg, part))
			return true;
	for (i = 0; i < f->count; i++)
		print_message("finding: %s\n", f->items[i].msg);
	return false;
}

static void test_domain_generation(void **state)
{
	struct pxe_findings f = { 0 };
	struct pxe_domain d;
	enum pxe_fwgen gen;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.net_first = d.disk_second = true;
	assert_false(pxe_domain_fwgen(&d, &gen));

	/* A backport: QEMU 9.1 by its version, with the fallback in its firmware. */
	d.qemu_known = true;
	d.qemu_major = 9;
	d.qemu_minor = 1;
	assert_true(pxe_domain_fwgen(&d, &gen));
	assert_int_equal(gen, PXE_FW_7_2);
	d.fwgen_from_caps = true;
	d.fwgen_caps = PXE_FW_9_2;
	assert_true(pxe_domain_fwgen(&d, &gen));
	assert_int_equal(gen, PXE_FW_9_2);
	pxe_domain_check("rhel", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "generation 9.2 (from what its QEMU and firmware can do"));
	assert_true(has(&f, PXE_NOTE, "version number alone would say generation 7.2: a backport"));
	assert_true(has(&f, PXE_NOTE, "methods it can use: fallback, payload, linux"));
	pxe_findings_free(&f);

	/* 9.2.x: the fallback, with a warning. */
	d.qemu_minor = 2;
	pxe_domain_check("q92", &d, NULL, &f);
	assert_true(has(&f, PXE_WARNING, "QEMU 9.2.x: its firmware's virtio-net boot can fail"));
	pxe_findings_free(&f);

	/* Only the version: said so. */
	d.fwgen_from_caps = false;
	d.qemu_major = 10;
	d.qemu_minor = 0;
	pxe_domain_check("v", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "generation 9.2 (from its version number"));
	assert_false(has(&f, PXE_WARNING, "9.2.x"));
	pxe_findings_free(&f);
}

/* The disk after the interface on the PCI bus: a fallback only where the firmware can IPL
 * it (booted: QEMU 10.0 "Unsupported IPLB", 11.1 "Using virtio-blk."). */
static void test_pci_disk(void **state)
{
	static const char xml[] =
		"<domain type='kvm'><name>p</name><devices>"
		"<interface type='network'><boot order='1'/>"
		"<address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/></interface>"
		"<disk type='file' device='disk'><target dev='vda' bus='virtio'/>"
		"<boot order='2'/><address type='pci' domain='0x0000' bus='0x00' slot='0x01' "
		"function='0x0'><zpci uid='0x0001' fid='0x00000000'/></address></disk>"
		"</devices></domain>";
	struct pxe_findings f = { 0 };
	struct pxe_domain d;

	(void)state;
	memset(&d, 0, sizeof(d));
	pxe_libvirt_boot_order(xml, &d);
	assert_true(d.net_first && d.disk_second && d.disk_second_pci);
	d.qemu_known = true;
	d.qemu_major = 10;
	d.fwgen_from_caps = true;
	d.fwgen_caps = PXE_FW_9_2;
	assert_false(pxe_domain_disk_after_net(&d));
	assert_false(pxe_domain_falls_back(&d));
	pxe_domain_check("p", &d, NULL, &f);
	assert_true(has(&f, PXE_WARNING, "a PCI device (virtio-blk-pci), which its firmware "
					 "cannot IPL: no fallback"));
	assert_true(has(&f, PXE_NOTE, "methods it can use: payload, linux"));
	pxe_findings_free(&f);
	d.qemu_major = 11;
	d.qemu_minor = 1;
	d.fwgen_caps = PXE_FW_10_1;
	d.fw_pci_boot = true;
	assert_true(pxe_domain_falls_back(&d));
	pxe_domain_check("p", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "its firmware can IPL one, and falls back to it"));
	assert_true(has(&f, PXE_NOTE, "methods it can use: fallback, payload, linux"));
	pxe_findings_free(&f);
	/* Only the version known: not counted on. */
	d.fwgen_from_caps = false;
	assert_false(pxe_domain_falls_back(&d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lanes),
		cmocka_unit_test(test_without_firmware),
		cmocka_unit_test(test_domain_generation),
		cmocka_unit_test(test_pci_disk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
