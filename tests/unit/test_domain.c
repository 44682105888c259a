// SPDX-License-Identifier: GPL-2.0
/*
 * test_domain.c - libvirt domains: boot order read and rewritten, QEMU version from the
 * machine type, the local boot methods and findings doctor gives. The XML is modelled on
 * what libvirt 9.0 (Debian 12) returns for the lab's s390x domain (scripts/libvirt-lab.sh).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virt/domain.h"
#include "virt/libvirt.h"
#include "pxe/method.h"

static const char lab_domain[] =
	"<domain type='qemu'>\n"
	"  <name>g</name>\n"
	"  <uuid>1b4e28ba-2fa1-11d2-883f-0016d3cca427</uuid>\n"
	"  <os>\n"
	"    <type arch='s390x' machine='s390-ccw-virtio-7.2'>hvm</type>\n"
	"    %s\n"
	"  </os>\n"
	"  <devices>\n"
	"    <emulator>/usr/bin/qemu-system-s390x</emulator>\n"
	"    <disk type='file' device='cdrom'><source file='/x.iso'/><target dev='sda' bus='scsi'/>"
	"%s</disk>\n"
	"    <disk type='file' device='disk'>\n"
	"      <source file='/d.img'/><target dev='vda' bus='virtio'/>%s\n"
	"    </disk>\n"
	"    <interface type='network'>\n"
	"      <mac address='52:54:00:aa:00:01'/><source network='n'/><model type='virtio'/>\n"
	"      %s\n"
	"    </interface>\n"
	"    <console type='pty'><target type='sclp' port='0'/></console>\n"
	"  </devices>\n"
	"</domain>\n";

static char xml[4096];

static const char *domain(const char *os_boot, const char *cd_boot, const char *disk_boot,
			  const char *net_boot)
{
	snprintf(xml, sizeof(xml), lab_domain, os_boot, cd_boot, disk_boot, net_boot);
	return xml;
}

static void test_read_boot_order(void **state)
{
	struct pxe_domain d;

	(void)state;
	memset(&d, 0, sizeof(d));
	pxe_libvirt_boot_order(domain("", "", "<boot order='2'/>", "<boot order='1'/>"), &d);
	assert_true(d.net_first);
	assert_true(d.disk_second);
	assert_false(d.os_boot_dev);
	assert_string_equal(d.emulator, "/usr/bin/qemu-system-s390x");
	/* The cdrom comes between: no fallback to the disk. */
	pxe_libvirt_boot_order(
		domain("", "<boot order='2'/>", "<boot order='3'/>", "<boot order='1'/>"), &d);
	assert_true(d.net_first);
	assert_false(d.disk_second);
	/* The disk first: the network is never asked. */
	pxe_libvirt_boot_order(domain("", "", "<boot order='1'/>", "<boot order='2'/>"), &d);
	assert_false(d.net_first);
	/* Orders need not be 1 and 2, only in that sequence; a loadparm is read. */
	pxe_libvirt_boot_order(
		domain("", "", "<boot order='7'/>", "<boot order='5' loadparm='2'/>"), &d);
	assert_true(d.net_first && d.disk_second);
	assert_string_equal(d.loadparm, "2");
	pxe_libvirt_boot_order(domain("<boot dev='network'/>", "", "", ""), &d);
	assert_true(d.os_boot_dev);
	assert_false(d.net_first);
}

static void test_machine_version(void **state)
{
	unsigned a = 0, b = 0;

	(void)state;
	assert_true(pxe_libvirt_machine_version("s390-ccw-virtio-10.0", &a, &b));
	assert_int_equal(a, 10);
	assert_int_equal(b, 0);
	assert_true(pxe_libvirt_machine_version("s390-ccw-virtio-7.2", &a, &b));
	assert_int_equal(a, 7);
	assert_false(pxe_libvirt_machine_version("s390-ccw-virtio", &a, &b));
	assert_false(pxe_libvirt_machine_version("s390-ccw-virtio-10.0x", &a, &b));
	assert_false(pxe_libvirt_machine_version("pc-q35-10.0", &a, &b));
}

static void test_rewrite_boot_order(void **state)
{
	struct reipl_error err;
	struct pxe_domain d;
	bool changed;
	char *out;

	(void)state;
	assert_int_equal(pxe_domain_boot_order_xml(domain("<boot dev='hd'/>", "<boot order='1'/>",
							  "", "<boot order='3' loadparm='2'/>"),
						   &out, &changed, &err),
			 0);
	assert_true(changed);
	memset(&d, 0, sizeof(d));
	pxe_libvirt_boot_order(out, &d);
	assert_true(d.net_first);
	assert_true(d.disk_second);
	assert_false(d.os_boot_dev);
	assert_string_equal(d.loadparm, "2");
	/* The cdrom keeps a place, after the two. */
	assert_non_null(strstr(out, "<target dev='sda' bus='scsi'/><boot order=\"3\"/>")
				?: strstr(out, "<boot order=\"3\"/>"));
	/* Nothing else changed: the rest of the XML is there as it was. */
	assert_non_null(strstr(out, "<mac address=\"52:54:00:aa:00:01\"/>"));
	assert_non_null(strstr(out, "<console type=\"pty\">"));
	assert_non_null(strstr(out, "machine=\"s390-ccw-virtio-7.2\""));
	/* Done twice: unchanged the second time. */
	{
		char *again;

		assert_int_equal(pxe_domain_boot_order_xml(out, &again, &changed, &err), 0);
		assert_false(changed);
		free(again);
	}
	free(out);
	/* A domain without interface or disk is refused. */
	assert_int_equal(pxe_domain_boot_order_xml("<domain><devices><disk device='disk'/>"
						   "</devices></domain>",
						   &out, &changed, &err),
			 -EINVAL);
	assert_string_equal(err.msg, "the domain has no network interface");
	assert_null(out);
	assert_int_equal(pxe_domain_boot_order_xml("<network/>", &out, &changed, &err), -EINVAL);
	assert_int_equal(pxe_domain_boot_order_xml("not xml", &out, &changed, &err), -EINVAL);
}

static bool has(const struct pxe_findings *f, enum pxe_severity sev, const char *part)
{
	size_t i;

	for (i = 0; i < f->count; i++)
		if (f->items[i].severity == sev && strstr(f->items[i].msg, part))
			return true;
	for (i = 0; i < f->count; i++)
		print_message("finding: %s: %s\n", f->items[i].subject, f->items[i].msg);
	return false;
}

static void test_domain_check(void **state)
{
	struct pxe_findings f = { 0 };
	struct pxe_domain d;

	(void)state;
	memset(&d, 0, sizeof(d));
	pxe_libvirt_boot_order(domain("", "", "<boot order='2'/>", "<boot order='1'/>"), &d);
	d.qemu_known = true;
	d.qemu_major = 10;
	pxe_domain_check("g", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "QEMU 10.0: network firmware generation 9.2"));
	assert_true(has(&f, PXE_NOTE, "methods it can use: fallback, payload, linux"));
	assert_int_equal(pxe_findings_errors(&f), 0);
	pxe_findings_free(&f);
	d.qemu_major = 7;
	d.qemu_minor = 2;
	pxe_domain_check("g", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "methods it can use: payload, linux"));
	pxe_findings_free(&f);
	pxe_libvirt_boot_order(domain("<boot dev='network'/>", "", "", ""), &d);
	pxe_domain_check("g", &d, NULL, &f);
	assert_true(has(&f, PXE_ERROR, "<os><boot dev=.../> is not supported for s390x guests"));
	assert_true(has(&f, PXE_ERROR, "the guest never asks the network"));
	pxe_findings_free(&f);
	d.qemu_known = false;
	pxe_domain_check("g", &d, NULL, &f);
	assert_true(has(&f, PXE_WARNING, "libvirt does not say which QEMU runs it"));
	pxe_findings_free(&f);
}

/* Secure IPL (QEMU 11.2) as a domain asks for it, and what doctor says of it. */
static void test_secure_ipl(void **state)
{
	static const char passthrough[] =
		"<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
		"<name>s</name><os><type arch='s390x'>hvm</type></os><devices>"
		"<disk type='file' device='disk'><source file='/d.img'/><target dev='vda' "
		"bus='virtio'/><boot order='%d'/></disk><interface type='network'>"
		"<mac address='52:54:00:aa:00:02'/><source network='n'/>%s</interface></devices>"
		"<qemu:commandline><qemu:arg value='-machine'/><qemu:arg value='%s'/>"
		"</qemu:commandline></domain>";
	struct pxe_findings f = { 0 };
	struct pxe_domain d;
	char text[1024];

	(void)state;
	memset(&d, 0, sizeof(d));
	pxe_libvirt_boot_order(domain("", "", "<boot order='2'/>", "<boot order='1'/>"), &d);
	assert_int_equal(d.ipl_mode, PXE_IPL_NORMAL);
	snprintf(text, sizeof(text), passthrough, 2, "<boot order='1'/>",
		 "s390-ccw-virtio,secure-boot=on,boot-certs.0.path=/etc/qemu/certs");
	pxe_libvirt_boot_order(text, &d);
	assert_int_equal(d.ipl_mode, PXE_IPL_SECURE);
	pxe_domain_check("s", &d, NULL, &f);
	assert_true(has(&f, PXE_ERROR, "secure IPL (secure mode) with an interface in its boot "
				      "order: its firmware refuses the network device"));
	assert_false(has(&f, PXE_NOTE, "methods it can use"));
	pxe_findings_free(&f);
	/* certificates alone: audit mode, which refuses the network all the same */
	snprintf(text, sizeof(text), passthrough, 2, "<boot order='1'/>",
		 "boot-certs.0.path=/etc/qemu/certs");
	pxe_libvirt_boot_order(text, &d);
	assert_int_equal(d.ipl_mode, PXE_IPL_AUDIT);
	/* the disk alone: it boots, and never reads a pxelinux file */
	snprintf(text, sizeof(text), passthrough, 1, "", "secure-boot=on,boot-certs.0.path=/c");
	pxe_libvirt_boot_order(text, &d);
	pxe_domain_check("s", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "secure IPL (secure mode): it boots its disk alone"));
	assert_true(has(&f, PXE_NOTE, "--method host provisions it"));
	assert_int_equal(pxe_findings_errors(&f), 0);
	pxe_findings_free(&f);
	/* one that follows its entry says for which */
	d.host = PXE_HOST_LOCAL;
	pxe_domain_check("s", &d, NULL, &f);
	assert_true(has(&f, PXE_NOTE, "follows its entry (--method host), set now for the local"));
	pxe_findings_free(&f);
	/* libvirt's own element, where it has one */
	pxe_libvirt_boot_order(domain("<boot-certs/>", "", "<boot order='2'/>", "<boot order='1'/>"),
			       &d);
	assert_int_equal(d.ipl_mode, PXE_IPL_AUDIT);
}

/* auto: fallback where the domain allows it, the payload where it can, else Linux. */
static void test_method_choice(void **state)
{
	struct pxe_method_facts f = { .have_domain = true,
				      .gen = PXE_FW_9_2,
				      .net_then_disk = true,
				      .payload_target = true,
				      .payload_in_root = true };
	struct reipl_error err;
	enum pxe_method m;
	char why[160];

	(void)state;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_FALLBACK);
	f.helper_asked = true;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_PAYLOAD);
	assert_string_equal(why, "the options ask for a helper; the payload does the target");
	f.helper_asked = false;
	f.gen = PXE_FW_7_2;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_PAYLOAD);
	assert_string_equal(why, "its QEMU has no fallback; the payload does the target");
	f.gen = PXE_FW_10_1;
	f.net_then_disk = false;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_PAYLOAD);
	f.payload_in_root = false;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_LINUX);
	f.payload_in_root = true;
	f.payload_target = false;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_LINUX);
	assert_string_equal(why, "the target needs Linux");
	f.have_domain = false;
	f.payload_target = true;
	assert_int_equal(pxe_method_choose(&f, why, sizeof(why)), PXE_METHOD_PAYLOAD);
	assert_int_equal(pxe_method_parse("fallback", &m, &err), 0);
	assert_int_equal(m, PXE_METHOD_FALLBACK);
	assert_int_equal(pxe_method_parse("Fallback", &m, &err), -EINVAL);
	assert_string_equal(err.msg,
			    "Invalid method \"Fallback\": give auto, fallback, payload, linux or host");
}

/* The generation from the capabilities or the version, a backport, 9.2.x (test_fwcaps.c
 * reads the capabilities themselves). */
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
	static const char pci_xml[] =
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
	pxe_libvirt_boot_order(pci_xml, &d);
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
		cmocka_unit_test(test_read_boot_order),	   cmocka_unit_test(test_machine_version),
		cmocka_unit_test(test_rewrite_boot_order), cmocka_unit_test(test_domain_check),
		cmocka_unit_test(test_method_choice),	   cmocka_unit_test(test_secure_ipl),
		cmocka_unit_test(test_domain_generation),  cmocka_unit_test(test_pci_disk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
