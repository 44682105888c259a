// SPDX-License-Identifier: GPL-2.0
/*
 * test_apply.c - resolving, planning and applying targets on the fixture trees, and the
 * helper's choice of target. Every refused input must leave the tree byte for byte as
 * it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fixture.h"
#include "reipl/cmdline.h"
#include "reipl/plan.h"
#include "reipl/request.h"
#include "reipl/resolve.h"

#define ARGS(...) ((char *[]){ __VA_ARGS__, NULL })

static struct reipl_plan plan;

static int count(char **argv)
{
	int n = 0;

	while (argv[n])
		n++;
	return n;
}

/* chreipl in full: parse, resolve, plan, apply. */
static int set(const char *dir, char **argv, struct reipl_error *err)
{
	struct reipl_target t;
	int rc;

	if ((rc = reipl_args_parse(count(argv), argv, &t, err)) ||
	    (rc = reipl_resolve(dir, &t, err)) || (rc = reipl_plan_build(dir, &t, &plan, err)))
		return rc;
	return reipl_plan_apply(dir, &plan, err);
}

static void set_ok(const char *dir, char **argv)
{
	struct reipl_error err = { "" };

	if (set(dir, argv, &err))
		fail_msg("set %s failed: %s", argv[0], err.msg);
}

static void reipl_is(const char *dir, const char *rel, const char *want)
{
	char path[256];

	snprintf(path, sizeof(path), "sys/firmware/reipl/%s", rel);
	assert_string_equal(fixture_read(dir, path), want);
}

static void test_ccw_kvm(void **state)
{
	char *dir = fixture_copy("kvm-netboot");

	(void)state;
	set_ok(dir, ARGS("ccw", "0.0.2"));
	reipl_is(dir, "reipl_type", "ccw\n");
	reipl_is(dir, "ccw/device", "0.0.0002\n");
	reipl_is(dir, "ccw/clear", "1\n"); /* set by default where offered */
	reipl_is(dir, "ccw/loadparm", "\n");
	/* The order is chreipl's, with reipl_type last. */
	assert_int_equal(plan.count, 4);
	assert_string_equal(plan.writes[0].attr, "reipl/ccw/clear");
	assert_string_equal(plan.writes[1].attr, "reipl/ccw/loadparm");
	assert_true(plan.writes[1].optional);
	assert_string_equal(plan.writes[2].attr, "reipl/ccw/device");
	assert_string_equal(plan.writes[3].attr, "reipl/reipl_type");

	set_ok(dir, ARGS("0.0.0001", "-c", "0", "-L", "A1"));
	reipl_is(dir, "ccw/device", "0.0.0001\n");
	reipl_is(dir, "ccw/clear", "0\n");
	reipl_is(dir, "ccw/loadparm", "A1\n");

	/* Auto-detected from the bus-ID, -f skips only the existence check. */
	set_ok(dir, ARGS("ccw", "0.0.0099", "-f"));
	reipl_is(dir, "ccw/device", "0.0.0099\n");
	set_ok(dir, ARGS("auto"));
	reipl_is(dir, "ccw/device", "0.0.0002\n");
	fixture_remove(dir);
}

static void test_fcp_nvme(void **state)
{
	char *dir = fixture_copy("lpar");

	(void)state;
	set_ok(dir, ARGS("fcp", "0.0.1700", "500507630708d3b3", "0x4010403200000000", "-b", "2",
			 "-p", "root=/dev/sda1"));
	reipl_is(dir, "reipl_type", "fcp\n");
	reipl_is(dir, "fcp/device", "0.0.1700\n");
	reipl_is(dir, "fcp/wwpn", "0x500507630708d3b3\n");
	reipl_is(dir, "fcp/lun", "0x4010403200000000\n");
	reipl_is(dir, "fcp/bootprog", "2\n");
	reipl_is(dir, "fcp/br_lba", "0\n");
	reipl_is(dir, "fcp/clear", "1\n");
	/* Binary scp_data: no newline appended. */
	reipl_is(dir, "fcp/scp_data", "root=/dev/sda1");
	/* Detected as fcp from the adapter's kind. */
	set_ok(dir, ARGS("0.0.1700", "1", "2"));
	reipl_is(dir, "fcp/wwpn", "0x0000000000000001\n");
	/* The reset is "\n", as chreipl writes it: sysfs drops a zero-length write. */
	reipl_is(dir, "fcp/scp_data", "\n");
	/* -p '' likewise. */
	set_ok(dir, ARGS("fcp", "0.0.1700", "1", "2", "-p", ""));
	reipl_is(dir, "fcp/scp_data", "\n");

	/* NSID written in the kernel's (hex) format, not chreipl's decimal. */
	fixture_write(dir, "sys/devices/pci0011:00/0011:00:00.0/nvme/nvme0/nvme0n12/nsid", "12\n");
	set_ok(dir, ARGS("nvme", "0x11", "12", "-L", "X"));
	reipl_is(dir, "reipl_type", "nvme\n");
	reipl_is(dir, "nvme/fid", "0x00000011\n");
	reipl_is(dir, "nvme/nsid", "0x0000000c\n");
	reipl_is(dir, "nvme/loadparm", "X\n");
	set_ok(dir, ARGS("nvme", "11"));
	reipl_is(dir, "nvme/nsid", "0x00000001\n");

	set_ok(dir, ARGS("eckd", "0.0.5c01", "-b", "3", "--brchr", "1,0,1", "-p", "quiet"));
	reipl_is(dir, "reipl_type", "eckd\n");
	reipl_is(dir, "eckd/device", "0.0.5c01\n");
	reipl_is(dir, "eckd/br_chr", "0x1,0x0,0x1\n");
	reipl_is(dir, "eckd/bootprog", "3\n");
	reipl_is(dir, "eckd/scp_data", "quiet");
	set_ok(dir, ARGS("eckd", "5c00"));
	reipl_is(dir, "eckd/br_chr", "auto\n");
	reipl_is(dir, "eckd/bootprog", "0\n");
	fixture_remove(dir);
}

static void test_zvm(void **state)
{
	char *dir = fixture_copy("zvm");

	(void)state;
	set_ok(dir, ARGS("ccw", "0.0.0101", "-p", "root=/dev/dasdb1"));
	reipl_is(dir, "ccw/parm", "root=/dev/dasdb1\n");
	set_ok(dir, ARGS("nss", "linux", "-p", "cio_ignore=all"));
	reipl_is(dir, "reipl_type", "nss\n");
	/* A plain file holds what was written; the kernel upper-cases and pads it. */
	reipl_is(dir, "nss/name", getenv("KERNEL_SYSFS") ? "LINUX   \n" : "linux\n");
	reipl_is(dir, "nss/parm", "cio_ignore=all\n");
	/* The kernel upper-cases NSS names: the read-back must accept that. */
	fixture_write(dir, "sys/firmware/reipl/nss/name", "LINUX\n");
	assert_int_equal(reipl_plan_apply(dir, &plan, NULL), 0);
	fixture_remove(dir);
}

static void test_node(void **state)
{
	char *dir = fixture_copy("lpar"), line[256], path[256];
	struct stat st;

	(void)state;
	/* A directory stands for the disk it lives on: make this one "dasda1". */
	snprintf(path, sizeof(path), "%s/boot", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(stat(path, &st), 0);
	snprintf(line, sizeof(line), "major minor  #blocks  name\n\n %u %u 100 dasda1\n",
		 major(st.st_dev), minor(st.st_dev));
	fixture_write(dir, "proc/partitions", line);
	set_ok(dir, ARGS("node", "/boot"));
	reipl_is(dir, "reipl_type", "ccw\n");
	reipl_is(dir, "ccw/device", "0.0.5c00\n");
	/* Detected as a path, with an option that fits the resolved type. */
	set_ok(dir, ARGS("/boot", "-L", "2"));
	reipl_is(dir, "ccw/loadparm", "2\n");

	snprintf(line, sizeof(line), "%u %u 100 sda1\n", major(st.st_dev), minor(st.st_dev));
	fixture_write(dir, "proc/partitions", line);
	set_ok(dir, ARGS("node", "/boot"));
	reipl_is(dir, "reipl_type", "fcp\n");
	reipl_is(dir, "fcp/wwpn", "0x500507630708d3b3\n");
	reipl_is(dir, "fcp/lun", "0x4010403200000000\n");

	snprintf(line, sizeof(line), "%u %u 100 nvme0n1p1\n", major(st.st_dev), minor(st.st_dev));
	fixture_write(dir, "proc/partitions", line);
	set_ok(dir, ARGS("node", "/boot"));
	reipl_is(dir, "reipl_type", "nvme\n");
	reipl_is(dir, "nvme/fid", "0x00000011\n");

	snprintf(line, sizeof(line), "%u %u 100 md0\n", major(st.st_dev), minor(st.st_dev));
	fixture_write(dir, "proc/partitions", line);
	{
		struct reipl_error err;

		assert_int_equal(set(dir, ARGS("node", "/boot"), &err), -ENODEV);
		assert_string_equal(err.msg, "Unsupported device node \"/boot\" (md0)");
		fixture_write(dir, "proc/partitions", "");
		assert_int_equal(set(dir, ARGS("node", "/boot"), &err), -ENODEV);
		assert_non_null(strstr(err.msg, "Invalid device node \"/boot\""));
		assert_int_equal(set(dir, ARGS("node", "/proc/cmdline"), &err), -EINVAL);
		assert_string_equal(err.msg, "Only block device nodes or directories are valid "
					     "for \"node\" target");
		assert_int_equal(set(dir, ARGS("node", "/nonexistent"), &err), -ENOENT);
		/* Options are checked against the type the node resolves to. */
		snprintf(line, sizeof(line), "%u %u 100 dasda\n", major(st.st_dev),
			 minor(st.st_dev));
		fixture_write(dir, "proc/partitions", line);
		assert_int_equal(set(dir, ARGS("node", "/boot", "-n", "X"), &err), -EINVAL);
		assert_string_equal(err.msg, "Invalid option -n for \"ccw\" target specified");
	}
	fixture_remove(dir);
}

/* Every refused input leaves every byte of the tree as it was. */
static void test_refused_change_nothing(void **state)
{
	const struct {
		const char *fixture;
		char **argv;
		const char *msg;
	} cases[] = {
		{ "kvm-netboot", ARGS("0.0.0009"), "Could not find CCW device \"0.0.0009\"" },
		{ "kvm-netboot", ARGS("ccw", "0.0.0009"),
		  "Could not find CCW device \"0.0.0009\"" },
		{ "kvm-netboot", ARGS("ccw", "0.1.0002"),
		  "Could not find CCW device \"0.1.0002\"" },
		{ "kvm-netboot", ARGS("fcp", "0.0.0001", "1", "2"),
		  "Could not find FCP device \"0.0.0001\": it is a virtio-net (-f forces it)" },
		{ "kvm-netboot", ARGS("eckd", "0.0.0002"),
		  "The running kernel does not offer re-IPL type \"eckd\" (no "
		  "/sys/firmware/reipl/eckd)" },
		{ "kvm-netboot", ARGS("nss", "LINUX"),
		  "The running kernel does not offer re-IPL type \"nss\" (no "
		  "/sys/firmware/reipl/nss)" },
		{ "kvm-netboot", ARGS("ccw", "0.0.0002", "-p", "quiet"),
		  "System does not allow one to set boot parameters" },
		{ "kvm-netboot", ARGS("nvme", "1"),
		  "Could not find NVME device with fid 0x00000001 and nsid 1" },
		{ "kvm-netboot", ARGS("bogus"),
		  "No valid target specified: \"bogus\" is no target, bus-ID or existing path" },
		{ "kvm-netboot", ARGS(""),
		  "No valid target specified: \"\" is no target, bus-ID or existing path" },
		{ "kvm-netboot", ARGS("0.0.0009", "-f"), "Could not find CCW device \"0.0.0009\"" },
		/* chreipl's device rule: only what a DASD or virtio driver would take. */
		{ "lpar", ARGS("0.0.f500"),
		  "Could not find DASD CCW device \"0.0.f500\": it is a qeth (-f forces it)" },
		{ "lpar", ARGS("ccw", "0.0.f500"),
		  "Could not find DASD CCW device \"0.0.f500\": it is a qeth (-f forces it)" },
		{ "lpar", ARGS("ccw", "0.0.1700"),
		  "Could not find DASD CCW device \"0.0.1700\": it is a zfcp (-f forces it)" },
		{ "lpar", ARGS("eckd", "0.0.1700"),
		  "Could not find DASD ECKD device \"0.0.1700\": it is a zfcp (-f forces it)" },
		{ "zvm", ARGS("ccw", "0.0.0009"),
		  "Could not find DASD CCW device \"0.0.0009\": it is a console (-f forces it)" },
		/* The kernel takes FCP devices only as 0.0.xxxx: refused before any write. */
		{ "lpar", ARGS("fcp", "0.1.1700", "0x1", "0x2", "-f"),
		  "Device 0.1.1700: the kernel takes FCP devices only from subchannel set 0 "
		  "(0.0.xxxx)" },
		{ "kvm-netboot", ARGS("ccw", "0.0.0002", "-L", "toolong12"),
		  "Loadparm \"toolong12\" exceeds 8 characters" },
		{ "lpar", ARGS("0.0.5c02"),
		  "Device is on cio_ignore list, try \"cio_ignore -r 0.0.5c02\"?" },
		{ "lpar", ARGS("fcp", "0.0.5c00", "1", "2"),
		  "Could not find FCP device \"0.0.5c00\": it is a dasd-eckd (-f forces it)" },
		{ "lpar", ARGS("eckd", "0.0.5c09"),
		  "Device is on cio_ignore list, try \"cio_ignore -r 0.0.5c09\"?" },
		{ "zvm", ARGS("0.0.0102"), "Could not find CCW device \"0.0.0102\"" },
		{ "lpar", ARGS("nvme", "0x11", "2"),
		  "Could not find NVME device with fid 0x00000011 and nsid 2" },
		{ "zvm", ARGS("fcp", "0.0.0600", "1", "2", "-f", "-c", "1"),
		  "System does not allow one to set the clear attribute" },
		{ "kvm-netboot", ARGS("auto", "-p", "x"),
		  "System does not allow one to set boot parameters" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *dir = fixture_copy(cases[i].fixture), *before, *after;
		struct reipl_error err = { "" };

		before = fixture_snapshot(dir);
		if (set(dir, cases[i].argv, &err) == 0)
			fail_msg("case %zu was accepted", i);
		if (strcmp(err.msg, cases[i].msg) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err.msg, cases[i].msg);
		after = fixture_snapshot(dir);
		assert_string_equal(before, after);
		free(before);
		free(after);
		fixture_remove(dir);
	}
}

static void test_zvm_auto_needs_parm(void **state)
{
	/* z/VM has ccw/parm, so -p works there; auto picks the disk after the IPL device. */
	char *dir = fixture_copy("zvm");

	(void)state;
	set_ok(dir, ARGS("auto", "-p", "x"));
	reipl_is(dir, "ccw/device", "0.0.0101\n");
	reipl_is(dir, "ccw/parm", "x\n");
	fixture_remove(dir);
}

static void test_readback(void **state)
{
	char *dir, path[512];
	struct reipl_error err;

	(void)state;
	FIXTURE_REQUIRE_ROOT("character devices (mknod) stand for the kernel");
	dir = fixture_copy_plain("kvm-netboot");
	/* Device nodes in the tree stand for a misbehaving kernel: plain files only. */
	/* A kernel that swallows a value: /dev/null takes the write and reads back empty. */
	snprintf(path, sizeof(path), "%s/sys/firmware/reipl/ccw/device", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mknod(path, S_IFCHR | 0644, makedev(1, 3)), 0);
	assert_int_equal(set(dir, ARGS("ccw", "0.0.0002"), &err), -EIO);
	assert_string_equal(err.msg, "\"reipl/ccw/device\" reads back as \"\", not \"0.0.0002\"");
	/* A kernel that refuses: the write error is reported with the attribute. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mknod(path, S_IFCHR | 0644, makedev(1, 7)), 0); /* /dev/full */
	assert_int_equal(set(dir, ARGS("ccw", "0.0.0002"), &err), -ENOSPC);
	assert_string_equal(err.msg,
			    "Could not set \"reipl/ccw/device\" (No space left on device); "
			    "put back the 2 settings written before it");
	fixture_remove(dir);
}

/* A write that fails midway puts back what was written before it (issue 11, item 3). */
static void test_failed_write_puts_back(void **state)
{
	char *dir, path[512];
	struct reipl_error err;

	(void)state;
	FIXTURE_REQUIRE_ROOT("a character device (mknod) stands for the kernel");
	dir = fixture_copy_plain("kvm-netboot");
	reipl_is(dir, "ccw/device", "0.0.0001\n");
	reipl_is(dir, "ccw/clear", "0\n");
	fixture_write(dir, "sys/firmware/reipl/ccw/loadparm", "OLD\n");
	/* The last write, reipl_type, fails. */
	snprintf(path, sizeof(path), "%s/sys/firmware/reipl/reipl_type", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mknod(path, S_IFCHR | 0644, makedev(1, 7)), 0); /* /dev/full */
	assert_int_equal(set(dir, ARGS("ccw", "0.0.0002", "-L", "NEW"), &err), -ENOSPC);
	assert_string_equal(err.msg, "Could not set \"reipl/reipl_type\" (No space left on "
				     "device); put back the 3 settings written before it");
	reipl_is(dir, "ccw/device", "0.0.0001\n");
	reipl_is(dir, "ccw/clear", "0\n");
	reipl_is(dir, "ccw/loadparm", "OLD\n");
	fixture_remove(dir);
}

/* The read-back compares with what the kernel's show() prints (arch/s390/kernel/ipl.c). */
static void test_readback_as_kernel_shows(void **state)
{
	(void)state;
	/* NSS name: upper-cased, blank-padded to 8. */
	assert_true(reipl_readback_same("LINUX   ", "LINUX\n", 6, REIPL_READBACK_NSSNAME));
	assert_true(reipl_readback_same("LINUX   ", "linux\n", 6, REIPL_READBACK_NSSNAME));
	assert_false(reipl_readback_same("LINUX2  ", "LINUX\n", 6, REIPL_READBACK_NSSNAME));
	/* z/VM parm: lower-cased when it has no lower-case letter. */
	assert_true(reipl_readback_same("root=/dev/dasda1", "ROOT=/DEV/DASDA1\n", 17,
					REIPL_READBACK_VMPARM));
	assert_true(reipl_readback_same("Root=/DEV", "Root=/DEV\n", 10, REIPL_READBACK_VMPARM));
	assert_false(reipl_readback_same("root=/dev", "Root=/DEV\n", 10, REIPL_READBACK_VMPARM));
	/* scp_data: the bytes, NUL-padded to 8 (the reader stops at the NUL). */
	assert_true(reipl_readback_same("quiet", "quiet", 5, REIPL_READBACK_SCPDATA));
	assert_true(reipl_readback_same("\n", "\n", 1, REIPL_READBACK_SCPDATA));
	assert_false(reipl_readback_same("old=scp", "\n", 1, REIPL_READBACK_SCPDATA));
	/* loadparm: trailing blanks gone. */
	assert_true(reipl_readback_same("A B", "A B  \n", 6, REIPL_READBACK_BLANKS));
	assert_true(reipl_readback_same("0.0.0002", "0.0.0002\n", 9, REIPL_READBACK_EXACT));
	assert_false(reipl_readback_same("0.0.0002", "0.0.0003\n", 9, REIPL_READBACK_EXACT));
}

static void test_no_reipl(void **state)
{
	char *dir = fixture_copy_plain("kvm-netboot");
	struct reipl_error err;

	(void)state;
	{
		char path[512];

		snprintf(path, sizeof(path), "%s/sys/firmware/reipl/reipl_type", dir);
		assert_int_equal(unlink(path), 0);
	}
	assert_int_equal(set(dir, ARGS("ccw", "0.0.0002"), &err), -EOPNOTSUPP);
	assert_string_equal(err.msg, "The kernel offers no re-IPL settings (no "
				     "/sys/firmware/reipl/reipl_type)");
	fixture_remove(dir);
}

static int request(const char *dir, const char *cmdline, struct reipl_request *req,
		   struct reipl_error *err)
{
	struct reipl_cmdline cl;
	int rc = reipl_cmdline_parse(cmdline, &cl, err);

	return rc ? rc : reipl_request_build(dir, &cl, req, err);
}

static void test_request(void **state)
{
	static struct reipl_request req;
	char *dir = fixture_copy("kvm-netboot"), busid[REIPL_BUSID_LEN];
	struct reipl_error err;

	(void)state;
	assert_int_equal(request(dir, "rd.chreipl=ccw rd.chreipl=0.0.0002", &req, &err), 0);
	assert_int_equal(req.source, REIPL_FROM_CMDLINE);
	assert_string_equal(req.text, "ccw 0.0.0002");
	assert_int_equal(request(dir, "console=ttysclp0", &req, &err), 0);
	assert_int_equal(req.source, REIPL_FROM_AUTO);
	reipl_busid_format(&req.target.device, busid);
	assert_string_equal(busid, "0.0.0002");
	assert_string_equal(reipl_source_name(req.source), "auto");

	/* The helper refuses the network card: it would boot the network, forever. */
	assert_int_equal(request(dir, "rd.chreipl=0.0.0001", &req, &err), -EINVAL);
	assert_string_equal(err.msg, "Device 0.0.0001 is a virtio-net, not a disk: re-IPL from it "
				     "would not boot the installed system (use -f to force)");
	assert_int_equal(request(dir, "rd.chreipl=\"0.0.0001 -f\"", &req, &err), 0);

	/* A default baked into the image, used without rd.chreipl=. */
	fixture_write(dir, "etc/reboot-s390x/default-target", "ccw 0.0.0002 -L 7\n");
	assert_int_equal(request(dir, "quiet", &req, &err), 0);
	assert_int_equal(req.source, REIPL_FROM_DEFAULT);
	assert_string_equal(req.target.loadparm, "7");
	fixture_write(dir, "etc/reboot-s390x/default-target", "ccw 1\nccw 2\n");
	assert_int_equal(request(dir, "quiet", &req, &err), -EINVAL);
	assert_string_equal(err.msg, "/etc/reboot-s390x/default-target must hold one line");
	fixture_write(dir, "etc/reboot-s390x/default-target", "\n");
	assert_int_equal(request(dir, "quiet", &req, &err), 0);
	assert_int_equal(req.source, REIPL_FROM_AUTO);

	/* No disk at all. */
	{
		char path[512];

		snprintf(path, sizeof(path), "%s/sys/bus/ccw/devices/0.0.0002", dir);
		assert_int_equal(unlink(path), 0);
	}
	assert_int_equal(request(dir, "quiet", &req, &err), -ENODEV);
	assert_string_equal(err.msg, "No CCW disk found for target \"auto\" (the IPL device "
				     "0.0.0001 is not counted)");
	fixture_remove(dir);
}

static void test_request_auto_order(void **state)
{
	static struct reipl_request req;
	char *dir = fixture_copy("kvm-scsi"), busid[REIPL_BUSID_LEN];
	struct reipl_error err;

	(void)state;
	/* rng 0.0.0001, scsi 0.0.0003, net (IPL) 0.0.0005, blk 0.0.0007: the scsi disk. */
	assert_int_equal(request(dir, "", &req, &err), 0);
	reipl_busid_format(&req.target.device, busid);
	assert_string_equal(busid, "0.0.0003");
	/* node resolution of a virtio-scsi disk is ccw, not fcp (s390-tools #154). */
	{
		char line[256], path[512];
		struct stat st;

		snprintf(path, sizeof(path), "%s", dir);
		assert_int_equal(stat(path, &st), 0);
		snprintf(line, sizeof(line), "%u %u 100 sda\n", major(st.st_dev), minor(st.st_dev));
		fixture_write(dir, "proc/partitions", line);
		assert_int_equal(request(dir, "rd.chreipl=node rd.chreipl=/", &req, &err), 0);
		assert_int_equal(req.target.type, REIPL_TYPE_CCW);
		reipl_busid_format(&req.target.device, busid);
		assert_string_equal(busid, "0.0.0003");
	}
	fixture_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ccw_kvm),
		cmocka_unit_test(test_fcp_nvme),
		cmocka_unit_test(test_zvm),
		cmocka_unit_test(test_node),
		cmocka_unit_test(test_refused_change_nothing),
		cmocka_unit_test(test_zvm_auto_needs_parm),
		cmocka_unit_test(test_readback),
		cmocka_unit_test(test_readback_as_kernel_shows),
		cmocka_unit_test(test_failed_write_puts_back),
		cmocka_unit_test(test_no_reipl),
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_request_auto_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
