// SPDX-License-Identifier: GPL-2.0
/*
 * test_plan.c - the write planner (lib/pxe/plan.c): auto's choice of method from a
 * domain's facts, what a plan refuses before anything is written, and all or none when a
 * write fails midway. Each test works in a new temporary TFTP root.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "pxe/entry.h"
#include "pxe/plan.h"

static struct pxe_plan plans[4];

/* A new empty TFTP root, with pxelinux.cfg/ when @cfg. */
static char *new_root(bool cfg)
{
	char tmpl[] = "/tmp/rs390x-plan.XXXXXX";
	char *dir = mkdtemp(tmpl);
	char path[4200];

	assert_non_null(dir);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg", dir);
	if (cfg)
		assert_int_equal(mkdir(path, 0755), 0);
	return strdup(dir);
}

static void open_tree(const char *root, struct pxe_tree *t)
{
	struct reipl_error err;
	int rc = pxe_tree_open(root, t, &err);

	assert_int_equal(rc, 0);
}

/* Plan @n guests named by @given (MACs or UUIDs, parsed as the command line does). */
static void guests(const char *const *given, size_t n)
{
	struct reipl_error err;
	size_t i;

	memset(plans, 0, sizeof(plans));
	for (i = 0; i < n; i++) {
		plans[i].given = given[i];
		assert_int_equal(pxe_guest_parse(given[i], &plans[i].g, &err), 0);
	}
}

static const char *cfg(const char *root, const char *name)
{
	char rel[128];
	struct stat st;
	char path[4200];

	snprintf(rel, sizeof(rel), "pxelinux.cfg/%s", name);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (lstat(path, &st) != 0)
		return NULL;
	return fixture_read(root, rel);
}

/* A local entry of ours, as an earlier `pxe local` left it. */
static void old_local(const char *root, const char *name)
{
	char text[PXE_CFG_BUFFER], rel[128];
	struct reipl_error err;

	assert_int_equal(pxe_entry_fallback(text, sizeof(text), &err), 0);
	snprintf(rel, sizeof(rel), "pxelinux.cfg/%s", name);
	fixture_write(root, rel, text);
}

/*
 * The third of three writes fails (its temporary names are all taken, as by a writer that
 * never cleans up): the file replaced by the first is put back as it was, the file created
 * by the second is gone, and the error says so.
 */
static void test_third_write_fails_first_two_put_back(void **state)
{
	static const char *const given[] = { "52:54:00:00:00:01", "52:54:00:00:00:02",
					     "52:54:00:00:00:03" };
	struct pxe_write_request r = { .local = true, .method = "linux",
				       .target = "ccw 0.0.0002" };
	struct reipl_error err;
	struct pxe_tree t;
	char *root = new_root(true), *before, path[4200];
	int i, rc;

	(void)state;
	old_local(root, "01-52-54-00-00-00-01");
	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "%s/pxelinux.cfg/.01-52-54-00-00-00-03.%ld.%d", root,
			 (long)getpid(), i);
		assert_int_equal(mkdir(path, 0755), 0);
	}
	before = strdup(cfg(root, "01-52-54-00-00-00-01"));
	guests(given, 3);
	open_tree(root, &t);
	rc = pxe_plan_write(&t, &r, plans, 3, &err);
	pxe_tree_close(&t);
	assert_int_equal(rc, -EEXIST);
	assert_non_null(strstr(err.msg, "put back the 2 files written before it"));
	assert_string_equal(cfg(root, "01-52-54-00-00-00-01"), before);
	assert_null(cfg(root, "01-52-54-00-00-00-02"));
	assert_null(cfg(root, "01-52-54-00-00-00-03"));
	free(before);
	fixture_remove(root);
}

/* A file the planner may not replace stops the call before any write, and before
 * pxelinux.cfg/ is made. */
static void test_refusal_writes_nothing(void **state)
{
	static const char *const given[] = { "52:54:00:00:00:01", "52:54:00:00:00:02" };
	struct pxe_write_request r = { .local = true, .method = "fallback" };
	struct reipl_error err;
	struct pxe_tree t;
	char *root = new_root(true), *root2 = new_root(false), *before, *after;

	(void)state;
	fixture_write(root, "pxelinux.cfg/01-52-54-00-00-00-02", "default foreman\n");
	before = fixture_snapshot(root);
	guests(given, 2);
	open_tree(root, &t);
	assert_int_equal(pxe_plan_write(&t, &r, plans, 2, &err), -EPERM);
	pxe_tree_close(&t);
	assert_non_null(strstr(err.msg, "was not written by reboot-s390x"));
	after = fixture_snapshot(root);
	assert_string_equal(after, before);
	free(after);
	/* --force replaces it */
	r.force = true;
	guests(given, 2);
	open_tree(root, &t);
	assert_int_equal(pxe_plan_write(&t, &r, plans, 2, &err), 0);
	pxe_tree_close(&t);
	assert_true(plans[0].changed && plans[1].changed);
	assert_true(pxe_entry_is_ours(cfg(root, "01-52-54-00-00-00-02"),
				      strlen(cfg(root, "01-52-54-00-00-00-02"))));

	/* two names of one file: refused, and no pxelinux.cfg/ appears */
	{
		static const char *const same[] = { "52:54:00:00:00:01", "52-54-00-00-00-01" };

		guests(same, 2);
		open_tree(root2, &t);
		assert_int_equal(pxe_plan_write(&t, &r, plans, 2, &err), -EINVAL);
		pxe_tree_close(&t);
		assert_string_equal(err.msg, "'52:54:00:00:00:01' and '52-54-00-00-00-01' are the "
					     "same file, pxelinux.cfg/01-52-54-00-00-00-01");
		assert_int_equal(access(root2, F_OK), 0);
		assert_null(cfg(root2, ""));
	}
	free(before);
	fixture_remove(root);
	fixture_remove(root2);
}

/* auto: fallback for a domain whose QEMU has it and whose boot order is network then
 * disk; else the payload when it is in the root; else Linux. */
static void test_auto_method_from_domain_facts(void **state)
{
	static const char *const given[] = { "6f1c7a52-3b8e-4d2a-9c41-0e5b7d3f2a18" };
	struct pxe_write_request r = { .local = true };
	struct reipl_error err;
	struct pxe_tree t;
	char *root = new_root(true);

	(void)state;
	guests(given, 1);
	memcpy(plans[0].dom.uuid, plans[0].g.uuid, sizeof(plans[0].dom.uuid));
	plans[0].dom.qemu_known = true;
	plans[0].dom.qemu_major = 9;
	plans[0].dom.qemu_minor = 2;
	plans[0].dom.net_first = plans[0].dom.disk_second = true;
	open_tree(root, &t);
	assert_int_equal(pxe_plan_entry(&t, &r, &plans[0], &err), 0);
	assert_int_equal(plans[0].method, PXE_METHOD_FALLBACK);
	assert_false(plans[0].warn_fallback);
	/* QEMU 9.1: no fallback; no payload in the root: Linux */
	plans[0].dom.qemu_minor = 1;
	assert_int_equal(pxe_plan_entry(&t, &r, &plans[0], &err), 0);
	assert_int_equal(plans[0].method, PXE_METHOD_LINUX);
	/* the payload in the root */
	fixture_write(root, PXE_PAYLOAD_FILE, "payload");
	assert_int_equal(pxe_plan_entry(&t, &r, &plans[0], &err), 0);
	assert_int_equal(plans[0].method, PXE_METHOD_PAYLOAD);
	assert_string_equal(plans[0].kernel, PXE_PAYLOAD_FILE);
	/* a target only Linux can do */
	r.target = "nss LINUX";
	assert_int_equal(pxe_plan_entry(&t, &r, &plans[0], &err), 0);
	assert_int_equal(plans[0].method, PXE_METHOD_LINUX);
	/* fallback asked for with a target: refused */
	r.method = "fallback";
	assert_int_equal(pxe_plan_entry(&t, &r, &plans[0], &err), -EINVAL);
	assert_non_null(strstr(err.msg, "--method fallback writes no entry"));
	pxe_tree_close(&t);
	fixture_remove(root);
}

/* install --once: never pxelinux.cfg/default; the local entry inside; install needs its files. */
static void test_install_once(void **state)
{
	static const char *const dflt[] = { "default" }, *const mac[] = { "52:54:00:00:00:07" };
	struct pxe_write_request r = { .once = true, .kernel = "k", .initrd = "i",
				       .method = "linux", .target = "ccw 0.0.0002" };
	struct reipl_error err;
	struct pxe_tree t;
	char *root = new_root(false);
	const char *text;

	(void)state;
	guests(dflt, 1);
	open_tree(root, &t);
	assert_int_equal(pxe_plan_write(&t, &r, plans, 1, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "not pxelinux.cfg/default"));
	guests(mac, 1);
	assert_int_equal(pxe_plan_write(&t, &r, plans, 1, &err), 0);
	pxe_tree_close(&t);
	text = cfg(root, "01-52-54-00-00-00-07");
	assert_non_null(text);
	assert_non_null(strstr(text, "install once\n"));
	assert_non_null(strstr(text, "# then| append rd.chreipl=ccw rd.chreipl=0.0.0002"));
	assert_int_equal(plans[0].method, PXE_METHOD_LINUX);
	/* an install without its files */
	r.initrd = NULL;
	open_tree(root, &t);
	assert_int_equal(pxe_plan_entry(&t, &r, &plans[0], &err), -EINVAL);
	assert_string_equal(err.msg, "--kernel and --initrd are required");
	pxe_tree_close(&t);
	fixture_remove(root);
}

/* What a local Linux entry still lacks in the root is said after the write. */
static void test_missing_files_reported(void **state)
{
	static const char *const mac[] = { "52:54:00:00:00:08" };
	struct pxe_write_request r = { .local = true, .method = "linux" };
	struct reipl_error err;
	struct pxe_tree t;
	char *root = new_root(true);

	(void)state;
	guests(mac, 1);
	open_tree(root, &t);
	assert_int_equal(pxe_plan_write(&t, &r, plans, 1, &err), 0);
	assert_true(plans[0].kernel_missing && plans[0].initrd_missing);
	fixture_write(root, plans[0].kernel, "kernel");
	fixture_write(root, plans[0].initrd, "initrd");
	assert_int_equal(pxe_plan_write(&t, &r, plans, 1, &err), 0);
	assert_false(plans[0].changed);
	assert_false(plans[0].kernel_missing || plans[0].initrd_missing);
	pxe_tree_close(&t);
	fixture_remove(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_third_write_fails_first_two_put_back),
		cmocka_unit_test(test_refusal_writes_nothing),
		cmocka_unit_test(test_auto_method_from_domain_facts),
		cmocka_unit_test(test_install_once),
		cmocka_unit_test(test_missing_files_reported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
