// SPDX-License-Identifier: GPL-2.0
/*
 * test_pxecfg.c - the firmware's pxelinux parser as modelled, guest identities and file
 * names, and the entries `pxe local` and `pxe install` write.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pxe/entry.h"
#include "pxe/fwgen.h"
#include "pxe/guest.h"
#include "pxe/pxecfg.h"

static struct pxe_cfg cfg;

static void parse_as(const char *text, enum pxe_fwgen gen)
{
	pxe_cfg_parse(text, strlen(text), strlen(text), gen, &cfg);
}

static void parse(const char *text)
{
	parse_as(text, PXE_FW_7_2);
}

static void no_note_with(const char *part)
{
	int i;

	for (i = 0; i < cfg.nnotes; i++)
		if (strstr(cfg.notes[i].msg, part))
			fail_msg("unexpected note at line %d: %s", cfg.notes[i].line,
				 cfg.notes[i].msg);
}

/* The note at @line with @severity whose message contains @part. */
static void has_note(int line, enum pxe_severity sev, const char *part)
{
	int i;

	for (i = 0; i < cfg.nnotes; i++)
		if (cfg.notes[i].line == line && cfg.notes[i].severity == sev &&
		    strstr(cfg.notes[i].msg, part))
			return;
	for (i = 0; i < cfg.nnotes; i++)
		print_message("note %d: line %d: %s\n", i, cfg.notes[i].line, cfg.notes[i].msg);
	fail_msg("no note at line %d with '%s'", line, part);
}

static void test_good(void **state)
{
	(void)state;
	parse("# pxelinux\n"
	      "default Local\n"
	      "\n"
	      "  label install  \n"
	      "\tKERNEL\tk1\r\n"
	      "initrd   i1\n"
	      "append a=1 b=2\n"
	      "label Local\n"
	      "kernel k2\n"
	      "initrd i2\n"
	      "Append rd.chreipl=0.0.0002\n");
	assert_int_equal(cfg.nnotes, 0);
	assert_int_equal(cfg.count, 2);
	assert_int_equal(cfg.def, 1);
	assert_string_equal(cfg.entries[0].label, "install");
	assert_string_equal(cfg.entries[0].kernel, "k1");
	assert_string_equal(cfg.entries[0].initrd, "i1");
	assert_string_equal(cfg.entries[0].append, "a=1 b=2");
	assert_int_equal(cfg.entries[0].line, 4);
	assert_string_equal(pxe_cfg_default(&cfg)->kernel, "k2");
}

static void test_firmware_quirks(void **state)
{
	char big[3000];
	int i, n = 0;

	(void)state;
	/* default matches labels case-sensitively; otherwise the first entry boots. */
	parse("default local\nlabel LOCAL\nkernel k\ninitrd i\nappend a\n");
	assert_int_equal(cfg.def, 0);
	/* A warning: the first entry boots, which is what Foreman's "default menu" wants. */
	has_note(1, PXE_WARNING, "default 'local' names no label (labels are case-sensitive)");
	/* default after its label never matches. */
	parse("label a\nkernel k\ninitrd i\nappend x\nlabel b\nkernel k\ninitrd i\nappend x\n"
	      "default b\n");
	assert_int_equal(cfg.def, 0);
	has_note(9, PXE_ERROR, "default 'b' comes after its label");
	/* No append line: an error on every generation, as for a missing initrd line (the
	 * seed's own default file has its append commented out). */
	parse("# pxelinux\ndefault linux\nlabel linux\nkernel reboot-kernel.img\n"
	      "initrd reboot-initrd.img\n#append rd.chreipl=ccw rd.chreipl=0.0.0000\n");
	has_note(3, PXE_ERROR, "entry 'linux' has no append line: the firmware passes a field");
	parse_as("label x\nkernel k\ninitrd i\n", PXE_FW_9_2);
	has_note(1, PXE_ERROR, "the helper then boots auto");
	/* Every note is whole, with the longest label it quotes (40 bytes) (they were cut at
	 * 160 bytes before). */
	parse_as("label 0123456789012345678901234567890123456789\nkernel k\n", PXE_FW_10_1);
	has_note(1, PXE_ERROR, "(seen on 11.1)");
	has_note(1, PXE_ERROR, "the helper then boots auto");
	/* No initrd: a bare kernel on 7.2 and 10.0, a garbage fetch on 11.1 (e2e). */
	parse("label x\nkernel k\nappend a\n");
	has_note(1, PXE_ERROR, "has no initrd line: the firmware does not clear its entries");
	parse("label x\ninitrd i\nappend a\n");
	has_note(1, PXE_ERROR, "whatever name is left in its memory");
	/* No kernel on the generations that fall back: the outcome of a file with no entry. */
	parse_as("label x\ninitrd i\nappend a\n", PXE_FW_9_2);
	has_note(1, PXE_WARNING, "\"Kernel entry is missing!\" and IPLs the next boot device");
	/* Keywords it does not know, a keyword alone, commands before any label. */
	parse("timeout 30\nmenu title x\nkernel early\nlabel x\nkernel k\ninitrd i\nappend a\n"
	      "localboot 0\nipappend\n");
	has_note(1, PXE_WARNING, "'timeout' is not supported by the s390x firmware");
	has_note(2, PXE_WARNING, "'menu' is not supported");
	has_note(3, PXE_WARNING, "'kernel' before the first label is ignored");
	has_note(8, PXE_WARNING, "'localboot' is not supported");
	has_note(9, PXE_WARNING, "'ipappend' has no argument: the firmware cannot parse it");
	/* 896 bytes of append and more arrive unterminated; 895 fit. */
	memcpy(big, "label x\nkernel k\ninitrd i\nappend ", 33);
	memset(big + 33, 'a', 917);
	big[950] = '\0';
	parse(big);
	has_note(1, PXE_ERROR, "append is 917 bytes; the firmware copies 896 of them with no");
	big[33 + 896] = '\0';
	parse(big);
	has_note(1, PXE_ERROR, "append is 896 bytes, which the firmware copies without a");
	big[33 + 895] = '\0';
	parse(big);
	no_note_with("append is");
	/* 207-byte names boot, 208 do not. */
	n = snprintf(big, sizeof(big), "label x\nkernel %0207d\ninitrd i\nappend a\n", 0);
	parse(big);
	no_note_with("name over");
	n = snprintf(big, sizeof(big), "label x\nkernel k\ninitrd %0208d\nappend a\n", 0);
	parse(big);
	has_note(1, PXE_ERROR, "an initrd name over 207 bytes");
	/* (what 7.2 does with a longer initrd name differs, measured: e2e) */
	has_note(1, PXE_ERROR, "or the kernel starts with an initrd of zeros");
	parse_as(big, PXE_FW_10_1);
	has_note(1, PXE_ERROR, "an initrd name over 207 bytes does not fit the firmware's TFTP "
			       "request; the boot fails or hangs");
	n = snprintf(big, sizeof(big), "label x\nkernel %0208d\ninitrd i\nappend a\n", 0);
	parse(big);
	has_note(1, PXE_ERROR, "a kernel name over 207 bytes");
	/* 16 labels on 7.2 and 9.2, 31 on 10.1; the last one read gets nothing. */
	for (i = 0, n = 0; i < 32; i++)
		n += snprintf(big + n, sizeof(big) - (size_t)n, "label l%d\nkernel k\n", i);
	parse(big);
	assert_int_equal(cfg.count, 16);
	assert_null(cfg.entries[15].kernel);
	has_note(31, PXE_ERROR, "label 'l15' is number 16, the last this firmware reads");
	parse_as(big, PXE_FW_10_1);
	assert_int_equal(cfg.count, 31);
	assert_non_null(cfg.entries[29].kernel);
	has_note(61, PXE_ERROR, "label 'l30' is number 31, the last this firmware reads");
	/* default beyond the labels read: said so, not "names no label". */
	n = snprintf(big, sizeof(big), "default p17\n");
	for (i = 1; i <= 17; i++)
		n += snprintf(big + n, sizeof(big) - (size_t)n,
			      "label p%d\nkernel k\ninitrd i\nappend a\n", i);
	parse(big);
	assert_int_equal(cfg.def, 0);
	has_note(1, PXE_ERROR, "default 'p17' is label number 17, beyond the 16 this firmware");
	parse_as(big, PXE_FW_10_1);
	assert_int_equal(cfg.def, 16);
	no_note_with("default 'p17'");
	/* Over 2047 bytes: not read at all; the firmware tries the next name. */
	n = snprintf(big, sizeof(big), "label x\nkernel k\ninitrd i\n");
	memset(big + n, '#', 2100);
	memcpy(big + n + 2100, "\nappend a\n", 11);
	parse(big);
	assert_true(cfg.skipped);
	assert_int_equal(cfg.count, 0);
	has_note(0, PXE_ERROR, "the file is 2136 bytes: the firmware rejects a file over 2047");
	/* Callers read only what the firmware reads; the note still names the whole size. */
	pxe_cfg_parse(big, PXE_CFG_BUFFER, 5000, PXE_FW_7_2, &cfg);
	has_note(0, PXE_ERROR, "the file is 5000 bytes");
	/* Exactly 2047 bytes are read. */
	memset(big, '#', 2047);
	memcpy(big, "label x\nkernel k\ninitrd i\nappend a\n", 35);
	big[2046] = '\n';
	pxe_cfg_parse(big, 2047, 2047, PXE_FW_7_2, &cfg);
	assert_false(cfg.skipped);
	assert_int_equal(cfg.count, 1);
	assert_int_equal(cfg.nnotes, 0);
	/* Empty: skipped too. */
	pxe_cfg_parse("", 0, 0, PXE_FW_7_2, &cfg);
	assert_true(cfg.skipped);
	/* A NUL byte ends the file for the firmware: harmless after a complete file. */
	pxe_cfg_parse("label x\nkernel k\0initrd i\n", 25, 25, PXE_FW_7_2, &cfg);
	has_note(2, PXE_WARNING, "a NUL byte: the firmware reads nothing after it, and text");
	pxe_cfg_parse("label x\nkernel k\ninitrd i\nappend a\n\0\0\0\n\0", 39, 39, PXE_FW_7_2,
		      &cfg);
	assert_int_equal(cfg.nnotes, 0);
	/* No label: the guest stops on 7.2, falls back to the next device later. */
	parse("# nothing\n");
	has_note(1, PXE_ERROR, "no label: the firmware finds nothing to boot and the guest stops");
	assert_null(pxe_cfg_default(&cfg));
	parse_as("# nothing\n", PXE_FW_9_2);
	has_note(1, PXE_WARNING, "the firmware IPLs the next boot device");
}

/* 10.1 on: the interface's loadparm picks the entry (measured on QEMU 11.1). */
static void test_loadparm_select(void **state)
{
	int idx;

	(void)state;
	parse_as("default two\nlabel one\nkernel k\ninitrd i\nappend a\nlabel two\nkernel k\n"
		 "initrd i\nappend a\nlabel three\nkernel k\ninitrd i\nappend a\n",
		 PXE_FW_10_1);
	assert_int_equal(pxe_cfg_select(&cfg, "3", &idx), 0);
	assert_int_equal(idx, 2);
	assert_int_equal(pxe_cfg_select(&cfg, "1       ", &idx), 0);
	assert_int_equal(idx, 0);
	assert_int_equal(pxe_cfg_select(&cfg, "0", &idx), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(pxe_cfg_select(&cfg, "A", &idx), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(pxe_cfg_select(&cfg, NULL, &idx), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(pxe_cfg_select(&cfg, "", &idx), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(pxe_cfg_select(&cfg, "4", &idx), -ERANGE);
	assert_int_equal(pxe_cfg_select(&cfg, "99999999", &idx), -ERANGE);
	assert_int_equal(pxe_cfg_select(&cfg, "PROMPT", &idx), -EAGAIN);
	assert_int_equal(pxe_cfg_select(&cfg, "PROMPT  ", &idx), -EAGAIN);
	/* Found by tests/fuzz/fuzz_pxecfg.c: a file with no entry selected index 0. */
	parse_as("# nothing\n", PXE_FW_10_1);
	assert_int_equal(pxe_cfg_select(&cfg, "", &idx), -ENOENT);
	assert_int_equal(idx, -1);
}

/* What pxe_summarize calls an entry: our labels first, then the helper, then installers. */
static void test_summary_roles(void **state)
{
	struct pxe_summary sum;

	(void)state;
	/* Found by tests/fuzz/fuzz_entry.c: `pxe local --append inst.repo=...` read as install. */
	parse("default local\nlabel local\nkernel k\ninitrd i\nappend inst.repo=http://x\n");
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_LOCAL);
	assert_string_equal(sum.target, "auto");
	/* `pxe install --append "... rd.chreipl=ccw"` is an installer, not a local boot. */
	parse("default install\nlabel install\nkernel k\ninitrd i\nappend rd.chreipl=ccw x\n");
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_INSTALL);
	/* Foreman's local template: its label is "reboot", the helper's initrd says local. */
	parse("default reboot\nlabel reboot\nkernel kernel-reboot.img\ninitrd initrd-reboot.img\n");
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_LOCAL);
	assert_int_equal(sum.method, PXE_METHOD_LINUX);
	/* An anaconda entry with rd.chreipl words of its own stays an installer. */
	parse("label linux\nkernel vmlinuz\ninitrd initrd.img\nappend inst.repo=x "
	      "rd.chreipl=ccw\n");
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_INSTALL);
	parse("label x\nkernel vmlinuz\ninitrd initrd.img\nappend rd.chreipl=0.0.0002\n");
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_LOCAL);
	assert_string_equal(sum.target, "0.0.0002");
}

static void test_fwgen(void **state)
{
	struct reipl_error err;
	enum pxe_fwgen g;

	(void)state;
	assert_int_equal(pxe_fwgen_parse("7.2", &g, &err), 0);
	assert_int_equal(g, PXE_FW_7_2);
	assert_int_equal(pxe_fwgen_parse("9.1.3", &g, &err), 0);
	assert_int_equal(g, PXE_FW_7_2);
	assert_int_equal(pxe_fwgen_parse("9.2", &g, &err), 0);
	assert_int_equal(g, PXE_FW_9_2);
	assert_int_equal(pxe_fwgen_parse("10.0.13", &g, &err), 0);
	assert_int_equal(g, PXE_FW_9_2);
	assert_int_equal(pxe_fwgen_parse("10.1", &g, &err), 0);
	assert_int_equal(g, PXE_FW_10_1);
	assert_int_equal(pxe_fwgen_parse("11.1", &g, &err), 0);
	assert_int_equal(g, PXE_FW_10_1);
	assert_int_equal(pxe_fwgen_parse("10", &g, &err), -EINVAL);
	assert_string_equal(err.msg,
			    "Invalid firmware \"10\": give 7.2, 9.2, 10.1 or a QEMU version");
	assert_int_equal(pxe_fwgen_parse("10.1.", &g, &err), -EINVAL);
	assert_int_equal(pxe_fwgen_parse("x", &g, &err), -EINVAL);
	assert_int_equal(pxe_fwgen_parse("", &g, &err), -EINVAL);
	assert_int_equal(pxe_fwgen_parse("10.1x", &g, &err), -EINVAL);
}

static void test_guests(void **state)
{
	static const char *const macs[] = { "52:54:00:12:34:56", "52-54-00-12-34-56",
					    "525400123456",	 "5254.0012.3456",
					    "52:54:00:12:34:56", "52:54:00:AB:CD:EF" };
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{ "52:54:00:12:34", "guest '52:54:00:12:34' is neither a MAC address" },
		{ "52:54:00:12:34:5g", "guest '52:54:00:12:34:5g' is not a valid MAC address" },
		{ "1b4e28ba-2fa1-11d2-883f-0016d3cca42x",
		  "guest '1b4e28ba-2fa1-11d2-883f-0016d3cca42x' is not a valid UUID" },
		{ "52:54-00:12:34:56", "guest '52:54-00:12:34:56' is neither a MAC address" },
		{ "1b4e28ba-2fa1-11d2-883f-0016d3cca42", "is neither a MAC address" },
		{ "", "no guest given" },
		{ "../etc", "guest '../etc' is not a valid libvirt domain name" },
		{ "a/b", "guest 'a/b' is not a valid libvirt domain name" },
		{ "..", "guest '..' is neither a MAC address" },
		{ "a\nb", "is not a valid libvirt domain name" },
		{ "x123456789x123456789x123456789x123456789x123456789x123456789x123",
		  "has a name over 63 bytes: name it by its UUID ('virsh domuuid')" },
	};
	struct reipl_error err;
	struct pxe_guest g;
	char file[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(macs) / sizeof(macs[0]); i++) {
		assert_int_equal(pxe_guest_parse(macs[i], &g, &err), 0);
		assert_int_equal(g.kind, PXE_GUEST_MAC);
		pxe_guest_file(&g, file, sizeof(file));
		assert_string_equal(file, i == 5 ? "01-52-54-00-ab-cd-ef" : "01-52-54-00-12-34-56");
	}
	/* What libvirt takes as a name is a name (issue 23, item 9): it is only looked up. */
	assert_int_equal(pxe_guest_parse("my guest", &g, &err), 0);
	assert_int_equal(g.kind, PXE_GUEST_NAME);
	assert_int_equal(pxe_guest_parse("-rf", &g, &err), 0);
	assert_string_equal(g.name, "-rf");
	assert_int_equal(pxe_guest_parse("1B4E28BA-2FA1-11D2-883F-0016D3CCA427", &g, &err), 0);
	pxe_guest_file(&g, file, sizeof(file));
	assert_string_equal(file, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
	assert_int_equal(pxe_guest_parse("1b4e28ba2fa111d2883f0016d3cca427", &g, &err), 0);
	pxe_guest_file(&g, file, sizeof(file));
	assert_string_equal(file, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
	assert_int_equal(pxe_guest_parse("default", &g, &err), 0);
	pxe_guest_file(&g, file, sizeof(file));
	assert_string_equal(file, "default");
	assert_int_equal(pxe_guest_parse("rhel9-guest_1.example", &g, &err), 0);
	assert_int_equal(g.kind, PXE_GUEST_NAME);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(pxe_guest_parse(bad[i].text, &g, &err), -EINVAL);
		if (!strstr(err.msg, bad[i].msg))
			fail_msg("'%s': got '%s'", bad[i].text, err.msg);
	}
}

static void test_file_names(void **state)
{
	static const struct {
		const char *name, *why;
	} never[] = {
		{ "00-AA-BB-CC-DD-EE-FF", "the firmware asks for 01-aa-bb-cc-dd-ee-ff" },
		{ "01-AA-BB-CC-DD-EE-FF", "the firmware asks for 01-aa-bb-cc-dd-ee-ff" },
		{ "52:54:00:12:34:56", "the firmware asks for 01-52-54-00-12-34-56" },
		{ "01-52:54:00:12:34:56", "the firmware asks for 01-52-54-00-12-34-56" },
		{ "1B4E28BA-2FA1-11D2-883F-0016D3CCA427",
		  "the firmware asks for 1b4e28ba-2fa1-11d2-883f-0016d3cca427" },
		{ "1b4e28ba2fa111d2883f0016d3cca427",
		  "the firmware asks for 1b4e28ba-2fa1-11d2-883f-0016d3cca427" },
		{ "Default", "the firmware asks for \"default\", in lower case" },
		{ "c0a87a0a", "no MAC, UUID, IP address or \"default\" file name" },
		{ "default.bak", "no MAC, UUID" },
	};
	struct pxe_guest g;
	char why[128], desc[64];
	size_t i;

	(void)state;
	assert_int_equal(pxe_guest_from_file("01-52-54-00-12-34-56", &g, why, sizeof(why)), 0);
	assert_int_equal(g.kind, PXE_GUEST_MAC);
	assert_int_equal(pxe_guest_from_file("C0A87A0A", &g, why, sizeof(why)), 0);
	assert_int_equal(g.kind, PXE_GUEST_IP);
	pxe_guest_describe(&g, desc, sizeof(desc));
	assert_string_equal(desc, "C0A87A0A");
	assert_int_equal(pxe_guest_from_file("C", &g, why, sizeof(why)), 0);
	assert_int_equal(pxe_guest_from_file("default", &g, why, sizeof(why)), 0);
	for (i = 0; i < sizeof(never) / sizeof(never[0]); i++) {
		assert_int_equal(pxe_guest_from_file(never[i].name, &g, why, sizeof(why)), -ENOENT);
		if (!strstr(why, never[i].why))
			fail_msg("%s: got '%s'", never[i].name, why);
	}
}

static void test_entries(void **state)
{
	char buf[PXE_FILE_MAX], parms[900];
	struct reipl_error err;
	struct pxe_summary s;

	(void)state;
	assert_int_equal(pxe_entry_local("ccw 0.0.0002 -L 1", "reboot-kernel.img",
					 "reboot-initrd.img", NULL, buf, sizeof(buf), &err),
			 0);
	assert_string_equal(buf, "# pxelinux\n"
				 "# reboot-s390x: local\n"
				 "default local\n"
				 "label local\n"
				 "kernel reboot-kernel.img\n"
				 "initrd reboot-initrd.img\n"
				 "append rd.chreipl=ccw rd.chreipl=0.0.0002 rd.chreipl=-L "
				 "rd.chreipl=1 console=ttysclp0 quiet\n");
	/* What we write, the firmware reads without a single complaint. */
	parse(buf);
	assert_int_equal(cfg.nnotes, 0);
	pxe_summarize(&cfg, &s);
	assert_int_equal(s.role, PXE_ROLE_LOCAL);
	assert_string_equal(s.target, "ccw 0.0.0002 -L 1");

	assert_int_equal(
		pxe_entry_local(NULL, "k", "i", "console=ttysclp0", buf, sizeof(buf), &err), 0);
	parse(buf);
	pxe_summarize(&cfg, &s);
	assert_string_equal(s.target, "auto");
	assert_string_equal(pxe_cfg_default(&cfg)->append, "console=ttysclp0");

	assert_int_equal(pxe_entry_install("images/vmlinuz", "images/initrd.img",
					   "inst.repo=http://x/os", buf, sizeof(buf), &err),
			 0);
	parse(buf);
	assert_int_equal(cfg.nnotes, 0);
	pxe_summarize(&cfg, &s);
	assert_int_equal(s.role, PXE_ROLE_INSTALL);
	parse("label linux\nkernel vmlinuz\ninitrd initrd\nappend root=/dev/vda1\n");
	pxe_summarize(&cfg, &s);
	assert_int_equal(s.role, PXE_ROLE_OTHER);
	parse("label linux\nkernel vmlinuz\n");
	pxe_summarize(&cfg, &s);
	assert_int_equal(s.role, PXE_ROLE_BROKEN);
	parse("label x\nkernel k\ninitrd initrd-reboot.img\nappend quiet\n");
	pxe_summarize(&cfg, &s);
	assert_int_equal(s.role, PXE_ROLE_LOCAL); /* Foreman's hand-written entry */

	/* Refused, each with its reason. */
	assert_int_equal(pxe_entry_local("ccw 0.0.12345", "k", "i", NULL, buf, sizeof(buf), &err),
			 -EINVAL);
	assert_string_equal(err.msg,
			    "--target \"ccw 0.0.12345\": Invalid device number \"0.0.12345\" "
			    "specified");
	assert_int_equal(pxe_entry_local("", "k", "i", NULL, buf, sizeof(buf), &err), -EINVAL);
	assert_string_equal(err.msg, "--target \"\": No valid target specified");
	assert_int_equal(pxe_entry_local(NULL, "../etc/passwd", "i", NULL, buf, sizeof(buf), &err),
			 -EINVAL);
	assert_string_equal(err.msg, "kernel file name '../etc/passwd' must be relative to the "
				     "TFTP root, without '..'");
	assert_int_equal(pxe_entry_local(NULL, "/abs", "i", NULL, buf, sizeof(buf), &err), -EINVAL);
	assert_int_equal(pxe_entry_local(NULL, "k", "a b", NULL, buf, sizeof(buf), &err), -EINVAL);
	assert_string_equal(err.msg, "initrd file name 'a b' has a blank or control character");
	assert_int_equal(pxe_entry_local(NULL, "k", "i", "x\nlabel evil", buf, sizeof(buf), &err),
			 -EINVAL);
	assert_string_equal(err.msg, "--append must be one line");
	assert_int_equal(pxe_entry_local(NULL, "k", "i", "rd.chreipl=2", buf, sizeof(buf), &err),
			 -EINVAL);
	assert_string_equal(err.msg, "give the target with --target, not in --append");
	memset(parms, 'p', sizeof(parms) - 1);
	parms[sizeof(parms) - 1] = '\0';
	assert_int_equal(pxe_entry_install("k", "i", parms, buf, sizeof(buf), &err), -EINVAL);
	assert_string_equal(err.msg, "the append line would be 899 bytes; the firmware passes at "
				     "most 895");
	/* Found by tests/fuzz/fuzz_entry.c: 896 bytes were written, which the guest reads
	 * unterminated; 895 is the most the writer may write, and it must parse clean. */
	parms[896] = '\0';
	assert_int_equal(pxe_entry_install("k", "i", parms, buf, sizeof(buf), &err), -EINVAL);
	assert_string_equal(err.msg, "the append line would be 896 bytes; the firmware passes at "
				     "most 895");
	parms[895] = '\0';
	assert_int_equal(pxe_entry_install("k", "i", parms, buf, sizeof(buf), &err), 0);
	assert_int_equal(pxe_entry_install("k", "i", "  ", buf, sizeof(buf), &err), -EINVAL);
	assert_string_equal(err.msg, "--append must not be empty");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_firmware_quirks),
		cmocka_unit_test(test_loadparm_select),
		cmocka_unit_test(test_fwgen),
		cmocka_unit_test(test_guests),
		cmocka_unit_test(test_file_names),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_summary_roles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
