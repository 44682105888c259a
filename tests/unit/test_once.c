// SPDX-License-Identifier: GPL-2.0
/*
 * test_once.c - install-once files: written with the local entry they become, marked
 * started, turned local; what each libvirt event does to them.
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
#include <unistd.h>

#include "fixture.h"
#include "pxe/entry.h"
#include "pxe/guest.h"
#include "pxe/once.h"
#include "pxe/pxecfg.h"
#include "pxe/tree.h"

static char install[PXE_FILE_MAX], local[PXE_FILE_MAX], once[PXE_CFG_BUFFER];

static void compose(void)
{
	struct reipl_error err;

	assert_int_equal(pxe_entry_install("inst/vmlinuz", "inst/initrd.img",
					   "console=ttysclp0 inst.repo=http://x", install,
					   sizeof(install), &err),
			 0);
	assert_int_equal(pxe_entry_local("ccw 0.0.0002", "reboot-kernel.img", "reboot-initrd.img",
					 NULL, local, sizeof(local), &err),
			 0);
	assert_int_equal(pxe_once_compose(install, local, once, sizeof(once), &err), 0);
}

static void test_compose_and_states(void **state)
{
	static struct pxe_cfg cfg;
	char next[PXE_CFG_BUFFER], back[PXE_CFG_BUFFER];
	struct reipl_error err;
	struct pxe_summary sum;

	(void)state;
	compose();
	assert_int_equal(pxe_once_state(install, strlen(install)), PXE_ONCE_NONE);
	assert_int_equal(pxe_once_state(once, strlen(once)), PXE_ONCE_WAITING);
	/* The firmware sees the install entry only: the local one is comments. */
	pxe_cfg_parse(once, strlen(once), strlen(once), PXE_FW_10_1, &cfg);
	assert_int_equal(cfg.count, 1);
	assert_int_equal(cfg.nnotes, 0);
	pxe_summarize(&cfg, &sum);
	assert_int_equal(sum.role, PXE_ROLE_INSTALL);
	assert_true(pxe_entry_is_ours(once, strlen(once)));

	assert_int_equal(pxe_once_mark_started(once, strlen(once), next, sizeof(next), &err), 0);
	assert_int_equal(pxe_once_state(next, strlen(next)), PXE_ONCE_STARTED);
	assert_non_null(strstr(next, "# reboot-s390x: install once, started\ndefault install\n"));
	/* Marking a started file again keeps it started, once. */
	assert_int_equal(pxe_once_mark_started(next, strlen(next), back, sizeof(back), &err), 0);
	assert_string_equal(back, next);

	/* What it turns into is exactly the local entry written at the start. */
	assert_int_equal(pxe_once_local(next, strlen(next), back, sizeof(back), &err), 0);
	assert_string_equal(back, local);
	assert_int_equal(pxe_once_local(local, strlen(local), back, sizeof(back), &err), -EINVAL);
	assert_string_equal(err.msg, "not an install-once entry");
}

static void test_too_big(void **state)
{
	char append[800], name[60], big[PXE_FILE_MAX];
	struct reipl_error err;

	(void)state;
	compose();
	memset(append, 'a', sizeof(append) - 1);
	append[sizeof(append) - 1] = '\0';
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	/* Each fits on its own; the two together pass the firmware's 2047 bytes. */
	assert_int_equal(pxe_entry_install(name, name, append, big, sizeof(big), &err), 0);
	assert_int_equal(pxe_entry_local(NULL, name, name, append, local, sizeof(local), &err), 0);
	assert_int_equal(pxe_once_compose(big, local, once, sizeof(once), &err), -E2BIG);
	assert_non_null(strstr(err.msg, "the firmware reads files of at most 2047"));
	/* A damaged local part is refused, not written. */
	compose();
	*strstr(once, "# then| # reboot-s390x") = 'X';
	assert_int_equal(pxe_once_local(once, strlen(once), big, sizeof(big), &err), -EINVAL);
	assert_string_equal(err.msg, "the local entry in the file is damaged");
}

/* Only one guest's own file may be install-once (issue 23, item 3). */
static void test_guest_check(void **state)
{
	struct reipl_error err;
	struct pxe_guest g;

	(void)state;
	assert_int_equal(pxe_guest_parse("default", &g, &err), 0);
	assert_int_equal(pxe_once_guest_check(&g, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "not pxelinux.cfg/default"));
	assert_int_equal(pxe_guest_parse("52:54:00:00:00:c3", &g, &err), 0);
	assert_int_equal(pxe_once_guest_check(&g, &err), 0);
	assert_int_equal(pxe_guest_parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427", &g, &err), 0);
	assert_int_equal(pxe_once_guest_check(&g, &err), 0);
}

static void test_decide(void **state)
{
	const char *why;

	(void)state;
	/* Only a start arms it, only the guest's own end after that turns it local. */
	assert_int_equal(pxe_once_decide(PXE_ONCE_WAITING, PXE_VM_STARTED, &why), PXE_ONCE_ARM);
	assert_int_equal(pxe_once_decide(PXE_ONCE_WAITING, PXE_VM_REBOOTED, &why), PXE_ONCE_KEEP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_WAITING, PXE_VM_SHUTDOWN, &why), PXE_ONCE_KEEP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_STARTED, PXE_VM_REBOOTED, &why), PXE_ONCE_FLIP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_STARTED, PXE_VM_SHUTDOWN, &why), PXE_ONCE_FLIP);
	assert_string_equal(why, "the installer shut the guest down");
	assert_int_equal(pxe_once_decide(PXE_ONCE_STARTED, PXE_VM_DESTROYED, &why), PXE_ONCE_KEEP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_STARTED, PXE_VM_CRASHED, &why), PXE_ONCE_KEEP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_STARTED, PXE_VM_STARTED, &why), PXE_ONCE_KEEP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_STARTED, PXE_VM_OTHER, &why), PXE_ONCE_KEEP);
	assert_int_equal(pxe_once_decide(PXE_ONCE_NONE, PXE_VM_SHUTDOWN, &why), PXE_ONCE_KEEP);
}

static void test_apply_in_a_tree(void **state)
{
	char root[] = "/tmp/test-once.XXXXXX", text[PXE_CFG_BUFFER], names[4][64];
	enum pxe_once_state states[4];
	struct pxe_domain dom = { .uuid = "6f1c8e2a-1234-4b5c-9d6e-0123456789e2",
				  .nmacs = 1,
				  .macs = { { 0x52, 0x54, 0, 0, 0, 0x01 } } };
	const char *old, *new;
	struct reipl_error err;
	struct pxe_tree t;
	bool changed;
	size_t size;

	(void)state;
	compose();
	assert_non_null(mkdtemp(root));
	chmod(root, 0755);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_once_files(&t, &dom, names, states, 4), 0);
	assert_int_equal(
		pxe_tree_write(&t, "01-52-54-00-00-00-01", once, strlen(once), &changed, &err), 0);
	assert_int_equal(pxe_tree_write(&t, "6f1c8e2a-1234-4b5c-9d6e-0123456789e2", local,
					strlen(local), &changed, &err),
			 0);
	/* The UUID file is an ordinary local entry: only the MAC file is install-once. */
	assert_int_equal(pxe_once_files(&t, &dom, names, states, 4), 1);
	assert_string_equal(names[0], "01-52-54-00-00-00-01");
	assert_int_equal(states[0], PXE_ONCE_WAITING);
	{
		char found[64];
		struct pxe_domain mac_only = dom;

		/* an install-once file is not a local one */
		mac_only.uuid[0] = '\0';
		assert_false(pxe_once_local_file(&t, &mac_only, found));
	}

	assert_int_equal(pxe_once_apply(&t, names[0], PXE_ONCE_ARM, &old, &new, &err), 0);
	assert_string_equal(old, "install once");
	assert_string_equal(new, "install once, started");
	assert_int_equal(pxe_once_apply(&t, names[0], PXE_ONCE_FLIP, &old, &new, &err), 0);
	assert_string_equal(new, "local");
	assert_int_equal(pxe_tree_read(&t, names[0], text, sizeof(text), &size, &err), 0);
	text[size] = '\0';
	assert_string_equal(text, local);
	/* Its MAC file is local now: what a follower that came second finds (the UUID file,
	 * a local entry too, comes first in its own order). */
	{
		char found[64];
		struct pxe_domain mac_only = dom;

		mac_only.uuid[0] = '\0';
		assert_true(pxe_once_local_file(&t, &mac_only, found));
		assert_string_equal(found, "01-52-54-00-00-00-01");
		assert_true(pxe_once_local_file(&t, &dom, found));
		assert_string_equal(found, "6f1c8e2a-1234-4b5c-9d6e-0123456789e2");
	}
	/* Once local (or rewritten by the admin), it is left alone. */
	assert_int_equal(pxe_once_apply(&t, names[0], PXE_ONCE_FLIP, &old, &new, &err), -ESTALE);
	assert_int_equal(pxe_once_files(&t, &dom, names, states, 4), 0);
	pxe_tree_remove(&t, "01-52-54-00-00-00-01", &err);
	pxe_tree_remove(&t, "6f1c8e2a-1234-4b5c-9d6e-0123456789e2", &err);
	pxe_tree_close(&t);
	fixture_remove(strdup(root));
}

/*
 * Two watches on one tree flip the same entry: the second finds the file changed since it
 * read it, into exactly the local entry it was writing. That is done by the other, not a
 * conflict, and not a flip of its own: its follower must not reset the guest a second
 * time (the other watch is a child process here, holding the writers' lock).
 */
static void test_apply_done_by_another(void **state)
{
	char root[] = "/tmp/test-once.XXXXXX", started[PXE_CFG_BUFFER];
	const char *old, *new;
	struct reipl_error err;
	struct pxe_tree t;
	bool changed;
	pid_t other;

	(void)state;
	compose();
	assert_int_equal(pxe_once_mark_started(once, strlen(once), started, sizeof(started), &err),
			 0);
	assert_non_null(mkdtemp(root));
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_tree_write(&t, "01-52-54-00-00-00-01", started, strlen(started),
					&changed, &err),
			 0);
	other = fixture_locked_writer(root, "01-52-54-00-00-00-01", local);
	assert_int_equal(
		pxe_once_apply(&t, "01-52-54-00-00-00-01", PXE_ONCE_FLIP, &old, &new, &err),
		-EALREADY);
	assert_string_equal(new, "local");
	assert_non_null(strstr(err.msg, "turned local meanwhile by another writer"));
	fixture_writer_done(other);
	/* as a follower carries it out: done (rc 0), by someone else (no reset of ours) */
	{
		struct pxe_once_change c = { .file = "01-52-54-00-00-00-01",
					     .action = PXE_ONCE_FLIP };

		assert_int_equal(pxe_tree_write(&t, c.file, started, strlen(started), &changed,
						&err),
				 0);
		other = fixture_locked_writer(root, c.file, local);
		pxe_once_carry(&t, &c);
		fixture_writer_done(other);
		assert_int_equal(c.rc, 0);
		assert_true(c.by_other);
		/* and alone, it is ours */
		assert_int_equal(pxe_tree_write(&t, c.file, started, strlen(started), &changed,
						&err),
				 0);
		pxe_once_carry(&t, &c);
		assert_int_equal(c.rc, 0);
		assert_false(c.by_other);
	}
	pxe_tree_close(&t);
	fixture_remove(strdup(root));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compose_and_states),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_guest_check),
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_apply_in_a_tree),
		cmocka_unit_test(test_apply_done_by_another),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
