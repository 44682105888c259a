// SPDX-License-Identifier: GPL-2.0
/*
 * test_pxetree.c - the pxelinux.cfg writer (atomic, symlink-safe, idempotent), the
 * linter on broken trees, doctor's checks, and libvirt look-ups via its test driver.
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
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"
#include "virt/doctor.h"
#include "virt/network.h"
#include "pxe/entry.h"
#include "pxe/helpers.h"
#include "virt/libvirt.h"
#include "pxe/lint.h"
#include "pxe/lookup.h"
#include "pxe/once.h"
#include "pxe/tree.h"

/* pxe_lint and pxe_doctor on the tree at @dir, opened as the commands open it. */
static int lint_root(const char *dir, const enum pxe_fwgen *gens, int n, struct pxe_findings *f,
		     struct reipl_error *err)
{
	struct pxe_tree t;
	int rc = pxe_tree_open(dir, &t, err);

	if (rc == 0)
		rc = pxe_lint(&t, gens, n, f, err);
	pxe_tree_close(&t);
	return rc;
}

static int doctor_root(const char *dir, const struct pxe_doctor_input *in,
		       struct pxe_findings *f, struct reipl_error *err)
{
	struct pxe_tree t;
	int rc = pxe_tree_open(dir, &t, err);

	if (rc == 0)
		rc = pxe_doctor(&t, in, f, err);
	pxe_tree_close(&t);
	return rc;
}

static char root[64];

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/reboot-s390x-tftp.XXXXXX");
	assert_non_null(mkdtemp(root));
	/* A TFTP root the server can enter, as a real one is. */
	assert_int_equal(chmod(root, 0755), 0);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static void put(const char *rel, const char *text, mode_t mode)
{
	char path[256];

	fixture_write(root, rel, text);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	assert_int_equal(chmod(path, mode), 0);
}

static void test_write(void **state)
{
	struct reipl_error err;
	struct pxe_tree t;
	struct stat st1, st2;
	char path[256], buf[64];
	bool changed;
	size_t size;

	(void)state;
	/* pxelinux.cfg/ is created when asked to. */
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	pxe_tree_close(&t);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_tree_write(&t, "default", "A\n", 2, &changed, &err), 0);
	assert_true(changed);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/default", root);
	assert_int_equal(stat(path, &st1), 0);
	assert_int_equal(st1.st_mode & 07777, 0644);
	/* The same content again changes nothing, not even the inode or the mtime. */
	sleep(1);
	assert_int_equal(pxe_tree_write(&t, "default", "A\n", 2, &changed, &err), 0);
	assert_false(changed);
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st1.st_ino, st2.st_ino);
	assert_int_equal(st1.st_mtime, st2.st_mtime);
	/* A wrong mode is repaired by a rewrite. */
	chmod(path, 0600);
	assert_int_equal(pxe_tree_write(&t, "default", "A\n", 2, &changed, &err), 0);
	assert_true(changed);
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st2.st_mode & 07777, 0644);
	assert_int_equal(pxe_tree_read(&t, "default", buf, sizeof(buf), &size, &err), 0);
	assert_int_equal(size, 2);
	/* Another writer's group bits stay through a rewrite (issue 23, item 5). */
	chmod(path, 0664);
	assert_int_equal(pxe_tree_write(&t, "default", "B\n", 2, &changed, &err), 0);
	assert_true(changed);
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st2.st_mode & 07777, 0664);
	/* No temporary files are left behind. */
	{
		char **names;
		size_t n;

		assert_int_equal(pxe_tree_list(&t, &names, &n, &err), 0);
		assert_int_equal(n, 1);
		assert_string_equal(names[0], "default");
		pxe_tree_free_list(names, n);
	}
	assert_int_equal(pxe_tree_remove(&t, "default", &err), 0);
	assert_int_equal(pxe_tree_remove(&t, "default", &err), -ENOENT);
	pxe_tree_close(&t);
}

/*
 * A file another writer owns keeps its owner, group and mode (made readable to all) when
 * we replace it (issue 23, item 5): Foreman's proxy writes these files in place.
 */
static void test_write_keeps_owner(void **state)
{
	struct reipl_error err;
	struct pxe_tree t;
	struct stat st;
	char path[256];
	bool changed;

	(void)state;
	FIXTURE_REQUIRE_ROOT("chown to another user");
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_tree_write(&t, "01-52-54-00-00-00-01", "A\n", 2, &changed, &err), 0);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-00-00-01", root);
	assert_int_equal(chmod(path, 0664), 0);
	assert_int_equal(chown(path, 4242, 4243), 0);
	assert_int_equal(pxe_tree_write(&t, "01-52-54-00-00-00-01", "B\n", 2, &changed, &err), 0);
	assert_true(changed);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0664);
	assert_int_equal(st.st_uid, 4242);
	assert_int_equal(st.st_gid, 4243);
	/* The same content and a mode that serves: nothing to do, group bits included. */
	assert_int_equal(pxe_tree_write(&t, "01-52-54-00-00-00-01", "B\n", 2, &changed, &err), 0);
	assert_false(changed);
	assert_int_equal(pxe_tree_remove(&t, "01-52-54-00-00-00-01", &err), 0);
	pxe_tree_close(&t);
}

/* A rewrite made from what was read never undoes a write made since (issue 23, item 4). */
static void test_replace_only_what_was_read(void **state)
{
	struct reipl_error err;
	struct pxe_tree t;
	char buf[64], **names;
	bool changed;
	size_t size, n;

	(void)state;
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_tree_write(&t, "default", "old\n", 4, &changed, &err), 0);
	/* Someone wrote "admin" after "old" was read: the rewrite of "old" is refused. */
	assert_int_equal(pxe_tree_write(&t, "default", "admin\n", 6, &changed, &err), 0);
	assert_int_equal(pxe_tree_replace(&t, "default", "old\n", 4, "new\n", 4, &changed, &err),
			 -ESTALE);
	assert_string_equal(err.msg, "pxelinux.cfg/default changed while it was being "
				     "rewritten: the newer write stays");
	assert_false(changed);
	assert_int_equal(pxe_tree_read(&t, "default", buf, sizeof(buf), &size, &err), 0);
	assert_int_equal(size, 6);
	assert_memory_equal(buf, "admin\n", 6);
	/* Removed meanwhile: not written back either. */
	assert_int_equal(pxe_tree_remove(&t, "default", &err), 0);
	assert_int_equal(pxe_tree_replace(&t, "default", "admin\n", 6, "new\n", 4, &changed, &err),
			 -ESTALE);
	/* No temporary file is left behind. */
	assert_int_equal(pxe_tree_list(&t, &names, &n, &err), 0);
	assert_int_equal(n, 0);
	pxe_tree_free_list(names, n);
	/* Unchanged since it was read: replaced. */
	assert_int_equal(pxe_tree_write(&t, "default", "old\n", 4, &changed, &err), 0);
	assert_int_equal(pxe_tree_replace(&t, "default", "old\n", 4, "new\n", 4, &changed, &err), 0);
	assert_true(changed);
	assert_int_equal(pxe_tree_read(&t, "default", buf, sizeof(buf), &size, &err), 0);
	assert_memory_equal(buf, "new\n", 4);
	pxe_tree_close(&t);
}

/* Dot files in the TFTP root: temporary files left behind. */
static int dot_files(void)
{
	struct dirent *d;
	DIR *dir = opendir(root);
	int n = 0;

	assert_non_null(dir);
	while ((d = readdir(dir)))
		n += d->d_name[0] == '.' && strcmp(d->d_name, ".") && strcmp(d->d_name, "..");
	closedir(dir);
	return n;
}

/*
 * Another reboot-s390x writer (here a child process, as a watch on a second host would be)
 * holds the writers' lock of pxelinux.cfg/ while it rewrites a file: a replace started
 * meanwhile waits for it, compares after its rename, and leaves the newer file (issue 23,
 * item 4). Without the lock the replace would compare before that rename and report its
 * own write, which the other rename then undid.
 */
static void test_replace_waits_for_the_writers_lock(void **state)
{
	struct reipl_error err;
	struct pxe_tree t;
	bool changed;
	pid_t other;

	(void)state;
	fixture_write(root, "pxelinux.cfg/default", "old\n");
	other = fixture_locked_writer(root, "default", "admin\n");
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_replace(&t, "default", "old\n", 4, "watch\n", 6, &changed, &err),
			 -ESTALE);
	pxe_tree_close(&t);
	fixture_writer_done(other);
	assert_string_equal(fixture_read(root, "pxelinux.cfg/default"), "admin\n");
}

/*
 * A removal waits for the writers' lock too: a watch between its compare and its rename
 * (here the other writer, holding the lock) finishes first, and the admin's `pxe remove`
 * that started meanwhile then removes the file. Without the lock the removal came first
 * and the watch's rename brought the file back: the admin's remove undone.
 */
static void test_remove_waits_for_the_writers_lock(void **state)
{
	const char *const names[] = { "default" };
	struct reipl_error err;
	struct pxe_tree t;
	bool removed[1];
	pid_t other;

	(void)state;
	fixture_write(root, "pxelinux.cfg/default", "install\n");
	other = fixture_locked_writer(root, "default", "local\n");
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_remove_all(&t, names, 1, removed, &err), 0);
	pxe_tree_close(&t);
	fixture_writer_done(other);
	assert_true(removed[0]);
	{
		char path[128];

		snprintf(path, sizeof(path), "%s/pxelinux.cfg/default", root);
		assert_int_equal(access(path, F_OK), -1);
	}
}

/*
 * pxe setup's files: all or none (issue 23, item 8). A write that fails on the third
 * file (a file size limit stands for a full disk) replaces neither of the first two.
 */
static void test_put_all_or_none(void **state)
{
	static char big[4096];
	const char *names[] = { "a.img", "b.img", "c.img" };
	const char *data[] = { "new-a", "new-b", big };
	const size_t lens[] = { 5, 5, sizeof(big) };
	struct reipl_error err;
	struct rlimit old, small;
	struct pxe_tree t;
	bool changed[3];
	int rc;

	(void)state;
	memset(big, 'x', sizeof(big));
	fixture_write(root, "a.img", "old-a");
	fixture_write(root, "b.img", "old-b");
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 1024; /* the soft limit only: it can be raised again */
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	rc = pxe_tree_put_all(&t, names, data, lens, 3, changed, &err);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_int_equal(rc, -EFBIG);
	assert_false(changed[0] || changed[1] || changed[2]);
	assert_string_equal(fixture_read(root, "a.img"), "old-a");
	assert_string_equal(fixture_read(root, "b.img"), "old-b");
	assert_int_equal(dot_files(), 0);
	/* With room: every file, and a second time none. */
	assert_int_equal(pxe_tree_put_all(&t, names, data, lens, 3, changed, &err), 0);
	assert_true(changed[0] && changed[1] && changed[2]);
	assert_string_equal(fixture_read(root, "b.img"), "new-b");
	assert_int_equal(pxe_tree_put_all(&t, names, data, lens, 3, changed, &err), 0);
	assert_false(changed[0] || changed[1] || changed[2]);
	assert_int_equal(dot_files(), 0);
	pxe_tree_close(&t);
}

/*
 * The same when the third file cannot be put in place after the first two were (its
 * old file cannot be kept aside: the name is taken): the first two are put back.
 */
static void test_put_all_rename_fails(void **state)
{
	const char *names[] = { "a.img", "b.img", "c.img" };
	const char *data[] = { "new-a", "new-b", "new-c" };
	const size_t lens[] = { 5, 5, 5 };
	struct reipl_error err;
	struct pxe_tree t;
	char path[4200];
	bool changed[3];

	(void)state;
	fixture_write(root, "a.img", "old-a");
	fixture_write(root, "c.img", "old-c");
	snprintf(path, sizeof(path), "%s/.c.img.%ld.old", root, (long)getpid());
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_put_all(&t, names, data, lens, 3, changed, &err), -EEXIST);
	assert_non_null(strstr(err.msg, "cannot keep"));
	assert_false(changed[0] || changed[1] || changed[2]);
	assert_string_equal(fixture_read(root, "a.img"), "old-a");
	assert_int_equal(faccessat(t.rootfd, "b.img", F_OK, 0), -1);
	assert_string_equal(fixture_read(root, "c.img"), "old-c");
	assert_int_equal(dot_files(), 1); /* the name that was taken, nothing of ours */
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(pxe_tree_put_all(&t, names, data, lens, 3, changed, &err), 0);
	assert_string_equal(fixture_read(root, "c.img"), "new-c");
	assert_int_equal(dot_files(), 0);
	pxe_tree_close(&t);
}

/* The rules `pxe local` and `pxe list` take from the library, on a real tree. */
static void test_entry_rules(void **state)
{
	struct pxe_cfg *cfg = malloc(sizeof(*cfg));
	const char *kernel, *initrd;
	struct reipl_error err;
	struct pxe_tree t;
	char text[PXE_CFG_BUFFER], install[PXE_CFG_BUFFER], both[PXE_CFG_BUFFER];
	enum pxe_once_state once;
	bool changed;

	(void)state;
	assert_non_null(cfg);
	/* Opened without pxelinux.cfg/, created on the same tree when the writes begin. */
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_true(t.rootfd >= 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_true(t.cfgfd >= 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);

	/* The seed's helper names, Foreman's when only those are there, the seed's if both. */
	pxe_helper_linux_names(&t, &kernel, &initrd);
	assert_string_equal(kernel, PXE_SEED_KERNEL);
	put(PXE_FOREMAN_INITRD, "x", 0644);
	pxe_helper_linux_names(&t, &kernel, &initrd);
	assert_string_equal(kernel, PXE_FOREMAN_KERNEL);
	assert_string_equal(initrd, PXE_FOREMAN_INITRD);
	put(PXE_SEED_KERNEL, "x", 0644);
	pxe_helper_linux_names(&t, &kernel, &initrd);
	assert_string_equal(initrd, PXE_SEED_INITRD);

	/* The payload's entry: its own file as the initrd; a target it cannot do refused. */
	assert_int_equal(pxe_entry_payload("01-52-54-00-00-00-01", NULL, NULL, NULL, text,
					   sizeof(text), &err),
			 0);
	assert_non_null(strstr(text, "kernel " PXE_PAYLOAD_FILE "\n"));
	assert_non_null(strstr(text, "initrd pxelinux.cfg/01-52-54-00-00-00-01\n"));
	assert_non_null(strstr(text, "append rd.chreipl=auto "));
	assert_int_equal(
		pxe_entry_payload("default", "p.img", "nss LINUX", NULL, text, sizeof(text), &err),
		-EINVAL);
	assert_int_equal(pxe_entry_payload("../x", NULL, NULL, NULL, text, sizeof(text), &err),
			 -EINVAL);

	/* A file read and parsed as a generation reads it, and its install-once state. */
	assert_int_equal(
		pxe_entry_payload("default", NULL, "ccw 0.0.0002", NULL, text, sizeof(text), &err),
		0);
	assert_int_equal(pxe_tree_write(&t, "default", text, strlen(text), &changed, &err), 0);
	once = PXE_ONCE_STARTED;
	assert_int_equal(pxe_lookup_file(&t, "default", PXE_FW_9_2, cfg, &once, &err), 0);
	assert_int_equal(cfg->count, 1);
	assert_string_equal(cfg->entries[0].initrd, "pxelinux.cfg/default");
	assert_int_equal(once, PXE_ONCE_NONE);
	assert_int_equal(pxe_entry_install("i.img", "i.rd", NULL, install, sizeof(install), &err),
			 0);
	assert_int_equal(pxe_once_compose(install, text, both, sizeof(both), &err), 0);
	assert_int_equal(pxe_tree_write(&t, "default", both, strlen(both), &changed, &err), 0);
	assert_int_equal(pxe_lookup_file(&t, "default", PXE_FW_9_2, cfg, &once, &err), 0);
	assert_int_equal(once, PXE_ONCE_WAITING);
	assert_string_equal(cfg->entries[0].kernel, "i.img");
	assert_int_equal(pxe_lookup_file(&t, "nothing", PXE_FW_9_2, cfg, NULL, &err), -ENOENT);
	pxe_tree_close(&t);
	free(cfg);
}

/* pxe remove's files: all or none, whatever stands in the way of one. */
static void test_remove_all(void **state)
{
	const char *names[] = { "01-52-54-00-00-00-01", "01-52-54-00-00-00-02", "default" };
	const char *twice[] = { "default", "default", "01-52-54-00-00-00-09" };
	char path[256], text[64];
	struct reipl_error err;
	bool removed[3];
	struct pxe_tree t;
	size_t size;

	(void)state;
	put("pxelinux.cfg/01-52-54-00-00-00-01", "default a\n", 0644);
	put("pxelinux.cfg/default", "default d\n", 0644);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);

	/* A directory where a guest's file would be: refused, nothing moved or removed. */
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-00-00-02", root);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(pxe_tree_remove_all(&t, names, 3, removed, &err), -EINVAL);
	assert_non_null(strstr(err.msg, "01-52-54-00-00-00-02 is not a regular file"));
	assert_int_equal(pxe_tree_read(&t, names[0], text, sizeof(text), &size, NULL), 0);
	assert_int_equal(pxe_tree_read(&t, "default", text, sizeof(text), &size, NULL), 0);
	assert_int_equal(rmdir(path), 0);

	/* A move that fails midway (its aside name taken by a directory) puts back the
	 * file moved before it. */
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/.default.removing", root);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(pxe_tree_remove_all(&t, names, 3, removed, &err), -EISDIR);
	assert_non_null(strstr(err.msg, "(nothing removed)"));
	assert_false(removed[0]);
	assert_int_equal(pxe_tree_read(&t, names[0], text, sizeof(text), &size, NULL), 0);
	assert_memory_equal(text, "default a\n", size);
	assert_int_equal(pxe_tree_read(&t, "default", text, sizeof(text), &size, NULL), 0);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/.01-52-54-00-00-00-01.removing", root);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/.default.removing", root);
	assert_int_equal(rmdir(path), 0);

	/* Then all of them; an absent one is no error. */
	assert_int_equal(pxe_tree_remove_all(&t, names, 3, removed, &err), 0);
	assert_true(removed[0]);
	assert_false(removed[1]);
	assert_true(removed[2]);
	assert_int_equal(pxe_tree_read(&t, names[0], text, sizeof(text), &size, NULL), -ENOENT);
	assert_int_equal(pxe_tree_read(&t, "default", text, sizeof(text), &size, NULL), -ENOENT);
	/* empty but for the writers' lock: no file left aside */
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/.reboot-s390x.lock", root);
	assert_int_equal(unlink(path), 0);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg", root);
	assert_int_equal(rmdir(path), 0);

	/* A name given twice counts once; a tree without pxelinux.cfg/ has nothing. */
	pxe_tree_close(&t);
	put("pxelinux.cfg/default", "default d\n", 0644);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_remove_all(&t, twice, 3, removed, &err), 0);
	assert_true(removed[0]);
	assert_false(removed[1]);
	assert_false(removed[2]);
	assert_int_equal(unlinkat(t.cfgfd, ".reboot-s390x.lock", 0), 0);
	assert_int_equal(rmdir(path), 0);
	pxe_tree_close(&t);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_remove_all(&t, twice, 3, removed, &err), 0);
	assert_false(removed[0]);
	assert_int_equal(pxe_tree_remove_all(&t, (const char *[]){ "../x" }, 1, removed, &err),
			 -EINVAL);
	pxe_tree_close(&t);
}

static void test_refused(void **state)
{
	static const char *const names[] = { "../evil", "a/b", ".hidden", "", "..", "." };
	char path[256], outside[256];
	struct reipl_error err;
	struct pxe_tree t;
	bool changed;
	size_t i;

	(void)state;
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		assert_int_equal(pxe_tree_write(&t, names[i], "x", 1, &changed, &err), -EINVAL);
		assert_non_null(strstr(err.msg, "is not a name in pxelinux.cfg/"));
	}
	/* A symlink in pxelinux.cfg/ is never written through, nor removed. */
	snprintf(outside, sizeof(outside), "%s/outside", root);
	put("outside", "precious\n", 0644);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-12-34-56", root);
	assert_int_equal(symlink(outside, path), 0);
	assert_int_equal(pxe_tree_write(&t, "01-52-54-00-12-34-56", "x", 1, &changed, &err),
			 -ELOOP);
	assert_string_equal(err.msg, "pxelinux.cfg/01-52-54-00-12-34-56 is a symlink: refusing to "
				     "write through it");
	assert_int_equal(pxe_tree_remove(&t, "01-52-54-00-12-34-56", &err), -EINVAL);
	{
		char buf[32];
		size_t size;

		assert_int_equal(
			pxe_tree_read(&t, "01-52-54-00-12-34-56", buf, sizeof(buf), &size, &err),
			-ELOOP);
	}
	/* A directory where a file should be. */
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/default", root);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(pxe_tree_write(&t, "default", "x", 1, &changed, &err), -EINVAL);
	pxe_tree_close(&t);
	{
		FILE *f = fopen(outside, "r");
		char buf[32] = "";

		assert_non_null(fgets(buf, sizeof(buf), f));
		fclose(f);
		assert_string_equal(buf, "precious\n");
	}
	/* pxelinux.cfg itself a symlink: refused. */
	{
		char cmd[600];

		snprintf(cmd, sizeof(cmd),
			 "cd '%s' && rm -rf pxelinux.cfg && mkdir elsewhere && ln -s elsewhere "
			 "pxelinux.cfg",
			 root);
		assert_int_equal(system(cmd), 0);
	}
	assert_int_equal(pxe_tree_open(root, &t, &err), -ELOOP);
	assert_non_null(strstr(err.msg, "pxelinux.cfg is a symlink: refusing to follow it"));
	pxe_tree_close(&t);
}

/* A reader that keeps reading while the writer replaces the file must never see a mix. */
static void test_concurrent_reader(void **state)
{
	static char a[1500], b[1500];
	struct reipl_error err;
	struct pxe_tree t;
	bool changed;
	pid_t pid;
	int i, status;

	(void)state;
	memset(a, 'a', sizeof(a));
	memset(b, 'b', sizeof(b));
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_tree_create_cfg(&t, &err), 0);
	assert_int_equal(pxe_tree_write(&t, "default", a, sizeof(a), &changed, &err), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char path[256], got[2000];
		int k, bad = 0;

		snprintf(path, sizeof(path), "%s/pxelinux.cfg/default", root);
		for (k = 0; k < 4000; k++) {
			int fd = open(path, O_RDONLY);
			ssize_t n = fd < 0 ? -1 : read(fd, got, sizeof(got));

			if (fd >= 0)
				close(fd);
			if (n != (ssize_t)sizeof(a) ||
			    (memcmp(got, a, sizeof(a)) != 0 && memcmp(got, b, sizeof(b)) != 0))
				bad++;
		}
		_exit(bad ? 1 : 0);
	}
	for (i = 0; i < 300; i++)
		assert_int_equal(
			pxe_tree_write(&t, "default", i % 2 ? a : b, sizeof(a), &changed, &err), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	pxe_tree_close(&t);
}

static bool found(const struct pxe_findings *f, const char *subject, int line,
		  enum pxe_severity sev, const char *part)
{
	size_t i;

	for (i = 0; i < f->count; i++)
		if (strcmp(f->items[i].subject, subject) == 0 && f->items[i].line == line &&
		    f->items[i].severity == sev && strstr(f->items[i].msg, part))
			return true;
	for (i = 0; i < f->count; i++)
		print_message("finding: %s:%d: %s\n", f->items[i].subject, f->items[i].line,
			      f->items[i].msg);
	return false;
}

static const enum pxe_fwgen all_gens[] = { PXE_FW_7_2, PXE_FW_9_2, PXE_FW_10_1 };

/* Symlinks are judged by what the TFTP server serves; what differs by generation says so. */
static void test_lint_served(void **state)
{
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	char path[256];

	(void)state;
	put("k", "K", 0644);
	put("i", "I", 0644);
	put("shared.cfg", "label s\nkernel k\ninitrd i\nappend a\n", 0644);
	put("pxelinux.cfg/default", "# pxelinux\n# local boot by fallback\n", 0644);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-12-34-56", root);
	assert_int_equal(symlink("../shared.cfg", path), 0);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-12-34-57", root);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-12-34-58", root);
	assert_int_equal(symlink("../../../../../../etc/hostname", path), 0);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/01-52-54-00-12-34-59", root);
	assert_int_equal(symlink("nowhere", path), 0);
	assert_int_equal(lint_root(root, all_gens, PXE_FWGEN_COUNT, &f, &err), 0);
	assert_true(found(&f, "pxelinux.cfg/01-52-54-00-12-34-57", 0, PXE_ERROR,
			  "leads outside the TFTP root"));
	assert_true(found(&f, "pxelinux.cfg/01-52-54-00-12-34-58", 0, PXE_ERROR,
			  "leads outside the TFTP root"));
	assert_true(found(&f, "pxelinux.cfg/01-52-54-00-12-34-59", 0, PXE_WARNING,
			  "a symlink to nothing: the firmware skips it"));
	assert_true(found(&f, "pxelinux.cfg/default", 1, PXE_ERROR,
			  "firmware 7.2: no label: the firmware finds nothing to boot"));
	assert_true(found(&f, "pxelinux.cfg/default", 1, PXE_WARNING,
			  "firmware 9.2, 10.1: no label: the network boot fails and the firmware "
			  "IPLs"));
	{
		size_t i;

		/* The symlink inside the root is served and clean. */
		for (i = 0; i < f.count; i++)
			assert_string_not_equal(f.items[i].subject,
						"pxelinux.cfg/01-52-54-00-12-34-56");
	}
	pxe_findings_free(&f);
	/* One generation: no prefix. */
	assert_int_equal(lint_root(root, all_gens + 1, 1, &f, &err), 0);
	assert_true(found(&f, "pxelinux.cfg/default", 1, PXE_WARNING,
			  "no label: the network boot fails and the firmware IPLs"));
	pxe_findings_free(&f);
}

/* The firmware's search: UUID, MAC, hex IP prefixes, default; skipped files do not stop it. */
static void test_lookup(void **state)
{
	struct pxe_ident id = { .has_uuid = true,
				.has_mac = true,
				.has_ip = true,
				.uuid = "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
				.mac = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 },
				.ip = 0x0a00020f };
	static struct pxe_lookup l;
	struct reipl_error err;
	struct pxe_tree t;
	char big[2100];

	(void)state;
	memset(big, '#', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	put("pxelinux.cfg/1b4e28ba-2fa1-11d2-883f-0016d3cca427", "", 0644);
	put("pxelinux.cfg/01-52-54-00-12-34-56", big, 0644);
	put("pxelinux.cfg/0A00020F", "label x\nkernel k\ninitrd i\nappend a\n", 0600);
	put("pxelinux.cfg/0A000",
	    "default b\nlabel a\nkernel k\ninitrd i\nappend a\n"
	    "label b\nkernel k\ninitrd i\nappend b\n",
	    0644);
	put("pxelinux.cfg/default", "label d\nkernel k\ninitrd i\nappend d\n", 0644);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);
	assert_int_equal(pxe_lookup(&t, &id, PXE_FW_7_2, &l, &err), 0);
	assert_int_equal(l.nsteps, 11);
	assert_int_equal(l.steps[0].state, PXE_STEP_SKIPPED);
	assert_string_equal(l.steps[0].why, "empty");
	assert_int_equal(l.steps[1].state, PXE_STEP_SKIPPED);
	assert_string_equal(l.steps[1].why, "over 2047 bytes: the firmware rejects it whole");
	assert_string_equal(l.steps[2].name, "0A00020F");
	assert_int_equal(l.steps[2].state, PXE_STEP_SKIPPED);
	assert_non_null(strstr(l.steps[2].why, "mode 0600"));
	assert_int_equal(l.steps[3].state, PXE_STEP_ABSENT);
	assert_string_equal(l.steps[5].name, "0A000");
	assert_int_equal(l.used, 5);
	assert_int_equal(l.steps[6].state, PXE_STEP_UNTRIED);
	assert_string_equal(l.steps[10].name, "default");
	assert_int_equal(l.outcome, PXE_OUT_BOOTS);
	assert_string_equal(l.cfg.entries[l.entry].label, "b");
	/* 10.1: the loadparm picks; beyond the entries the guest stops. */
	id.loadparm = "1";
	assert_int_equal(pxe_lookup(&t, &id, PXE_FW_10_1, &l, &err), 0);
	assert_string_equal(l.cfg.entries[l.entry].label, "a");
	assert_int_equal(pxe_lookup(&t, &id, PXE_FW_9_2, &l, &err), 0);
	assert_string_equal(l.cfg.entries[l.entry].label, "b");
	id.loadparm = "3";
	assert_int_equal(pxe_lookup(&t, &id, PXE_FW_10_1, &l, &err), 0);
	assert_int_equal(l.outcome, PXE_OUT_LOADPARM_RANGE);
	/* Nothing for the guest: the default file; no file at all: fallback where there is. */
	id.has_ip = false;
	id.loadparm = NULL;
	assert_int_equal(pxe_lookup(&t, &id, PXE_FW_9_2, &l, &err), 0);
	assert_string_equal(l.steps[l.used].name, "default");
	put("pxelinux.cfg/default", "", 0644);
	assert_int_equal(pxe_lookup(&t, &id, PXE_FW_9_2, &l, &err), 0);
	assert_int_equal(l.used, -1);
	assert_int_equal(l.outcome, PXE_OUT_NO_FILE);
	{
		char text[300];

		pxe_lookup_result(&l, text, sizeof(text));
		assert_non_null(strstr(text, "the firmware IPLs the next boot device"));
		assert_int_equal(pxe_lookup(&t, &id, PXE_FW_7_2, &l, &err), 0);
		pxe_lookup_result(&l, text, sizeof(text));
		assert_string_equal(text, "no file: the network boot fails and the guest stops");
	}
	pxe_tree_close(&t);
}

static void test_lint(void **state)
{
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	char path[256];

	(void)state;
	assert_int_equal(lint_root(root, all_gens, PXE_FWGEN_COUNT, &f, &err), 0);
	assert_true(found(&f, "pxelinux.cfg", 0, PXE_ERROR, "missing"));
	pxe_findings_free(&f);

	put("reboot-kernel.img", "K", 0644);
	put("reboot-initrd.img", "I", 0600);
	put("pxelinux.cfg/01-52-54-00-12-34-56",
	    "label local\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend quiet\n",
	    0644);
	put("pxelinux.cfg/00-AA-BB-CC-DD-EE-FF",
	    "label x\nkernel gone.img\ninitrd /reboot-initrd.img\n", 0644);
	put("pxelinux.cfg/C0A87A",
	    "label x\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\nappend a\n", 0600);
	snprintf(path, sizeof(path), "%s/pxelinux.cfg/sub", root);
	mkdir(path, 0755);
	assert_int_equal(lint_root(root, all_gens, PXE_FWGEN_COUNT, &f, &err), 0);
	assert_true(
		found(&f, "pxelinux.cfg/01-52-54-00-12-34-56", 1, PXE_ERROR,
		      "initrd 'reboot-initrd.img' has mode 0600: the TFTP server cannot read it"));
	/* A misspelt MAC: the guest boots something else. An error. */
	assert_true(found(&f, "pxelinux.cfg/00-AA-BB-CC-DD-EE-FF", 0, PXE_ERROR,
			  "never fetched: the firmware asks for 01-aa-bb-cc-dd-ee-ff"));
	assert_true(found(&f, "pxelinux.cfg/00-AA-BB-CC-DD-EE-FF", 1, PXE_ERROR,
			  "kernel 'gone.img' does not exist in the TFTP root"));
	assert_true(
		found(&f, "pxelinux.cfg/00-AA-BB-CC-DD-EE-FF", 1, PXE_ERROR, "no append line"));
	assert_true(found(&f, "pxelinux.cfg/C0A87A", 0, PXE_ERROR,
			  "mode 0600: the TFTP server cannot read it"));
	assert_true(found(&f, "pxelinux.cfg/sub", 0, PXE_WARNING, "a directory"));
	assert_true(found(&f, "pxelinux.cfg/default", 0, PXE_WARNING, "missing"));
	pxe_findings_free(&f);

	/* A clean tree has nothing to say. */
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd),
			 "rm -rf '%s/pxelinux.cfg' && chmod 0644 '%s/reboot-initrd.img'", root,
			 root);
		assert_int_equal(system(cmd), 0);
	}
	put("pxelinux.cfg/default",
	    "# pxelinux\ndefault local\nlabel local\nkernel reboot-kernel.img\n"
	    "initrd reboot-initrd.img\nappend rd.chreipl=0.0.0002\n",
	    0644);
	assert_int_equal(lint_root(root, all_gens, PXE_FWGEN_COUNT, &f, &err), 0);
	assert_int_equal(f.count, 0);
	pxe_findings_free(&f);
	/* A pxelinux.cfg/ the TFTP server cannot read hides every file in it. */
	{
		char dir[300];

		snprintf(dir, sizeof(dir), "%s/pxelinux.cfg", root);
		assert_int_equal(chmod(dir, 0700), 0);
		assert_int_equal(lint_root(root, all_gens, PXE_FWGEN_COUNT, &f, &err), 0);
		assert_true(found(&f, "pxelinux.cfg", 0, PXE_ERROR,
				  "mode 0700: the TFTP server cannot enter the directory"));
		pxe_findings_free(&f);
		assert_int_equal(chmod(dir, 0755), 0);
	}
	assert_int_equal(lint_root("/nonexistent", all_gens, PXE_FWGEN_COUNT, &f, &err), -ENOENT);
	pxe_findings_free(&f);
}

static const char good_network[] =
	"<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>\n"
	"  <name>prov</name>\n"
	"  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
	"    <tftp root='%s'/>\n"
	"    <dhcp><range start='192.168.122.2' end='192.168.122.254'/><bootp file='/'/></dhcp>\n"
	"  </ip>\n"
	"  <dnsmasq:options><dnsmasq:option value='no-ping'/></dnsmasq:options>\n"
	"</network>\n";

static void test_doctor_network(void **state)
{
	struct pxe_findings f = { 0 };
	char xml[2048];

	(void)state;
	snprintf(xml, sizeof(xml), good_network, root);
	pxe_doctor_network(root, xml, "prov", &f);
	assert_int_equal(f.count, 0);
	pxe_doctor_network("/tmp", xml, "prov", &f);
	assert_true(found(&f, "network prov", 0, PXE_ERROR, "serves TFTP from"));
	pxe_findings_free(&f);

	pxe_doctor_network(root,
			   "<network><ip><dhcp><bootp file='pxelinux.0'/></dhcp></ip></network>",
			   "seed", &f);
	assert_true(found(&f, "network seed", 0, PXE_ERROR, "serves no TFTP"));
	assert_true(found(&f, "network seed", 0, PXE_WARNING, "hands out boot file 'pxelinux.0'"));
	assert_true(found(&f, "network seed", 0, PXE_WARNING, "5-7 s lost per boot"));
	pxe_findings_free(&f);
	pxe_doctor_network(root, "<network><ip/></network>", "bare", &f);
	assert_true(found(&f, "network bare", 0, PXE_ERROR, "hands out no boot file"));
	pxe_findings_free(&f);
	pxe_doctor_network(root, "<network", "broken", &f);
	assert_true(found(&f, "network broken", 0, PXE_ERROR, "cannot be parsed"));
	pxe_findings_free(&f);
}

static void test_doctor_files(void **state)
{
	struct pxe_doctor_input in = { 0 };
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	char kernel[0x10010];

	(void)state;
	put("pxelinux.cfg/default",
	    "default local\nlabel local\nkernel reboot-kernel.img\ninitrd reboot-initrd.img\n"
	    "append rd.chreipl=0.0.0002\n",
	    0644);
	put("reboot-kernel.img", "not a kernel", 0644);
	put("reboot-initrd.img", "not a cpio", 0644);
	assert_int_equal(doctor_root(root, &in, &f, &err), 0);
	assert_true(
		found(&f, "reboot-kernel.img", 0, PXE_ERROR, "does not look like an s390x kernel"));
	assert_true(
		found(&f, "reboot-initrd.img", 0, PXE_ERROR, "cannot be read as a cpio initrd"));
	pxe_findings_free(&f);

	/* A kernel with the magic passes. */
	memset(kernel, 0, sizeof(kernel));
	memcpy(kernel + 0x10008, "S390EP", 6);
	{
		char path[256];
		FILE *k;

		snprintf(path, sizeof(path), "%s/reboot-kernel.img", root);
		k = fopen(path, "wb");
		fwrite(kernel, 1, sizeof(kernel), k);
		fclose(k);
	}
	assert_int_equal(doctor_root(root, &in, &f, &err), 0);
	assert_false(found(&f, "reboot-kernel.img", 0, PXE_ERROR, "s390x kernel"));
	pxe_findings_free(&f);
}

/*
 * Doctor with --domain reads a domain's own file as its own firmware does: a fallback entry
 * is an error for QEMU 7.2 only, a note for a domain on 10.0 whose disk follows the
 * network, and still a warning for one whose disk does not.
 */
static void test_lint_domains(void **state)
{
	static const char uuid[] = "9d1f7d36-5c65-4b4e-8d3a-2f0d5e1a0b01";
	struct pxe_domain d = { .nmacs = 1, .macs = { { 0x52, 0x54, 0, 0xde, 0, 1 } },
				.net_first = true, .disk_second = true, .qemu_known = true,
				.qemu_major = 10, .qemu_minor = 0 };
	struct pxe_lint_domain dom = { "guest1", &d };
	struct pxe_findings f = { 0 };
	struct reipl_error err;
	char entry[512], file[64];
	struct pxe_tree t;

	(void)state;
	strcpy(d.uuid, uuid);
	assert_int_equal(pxe_entry_fallback(entry, sizeof(entry), &err), 0);
	snprintf(file, sizeof(file), "pxelinux.cfg/%s", uuid);
	put(file, entry, 0644);
	put("pxelinux.cfg/01-52-54-00-de-00-01", entry, 0644);
	put("pxelinux.cfg/default", entry, 0644);
	assert_int_equal(pxe_tree_open(root, &t, &err), 0);

	/* Without the domain: every generation, 7.2's error among them. */
	assert_int_equal(pxe_lint(&t, all_gens, 3, &f, &err), 0);
	assert_true(found(&f, file, 1, PXE_ERROR, "firmware 7.2: no label"));
	pxe_findings_free(&f);

	/* With it: its files (by UUID and by MAC) are a note; the default is not its own. */
	assert_int_equal(pxe_lint_domains(&t, all_gens, 3, &dom, 1, &f, &err), 0);
	assert_true(found(&f, file, 0, PXE_NOTE, "domain guest1's network boot ends here"));
	assert_true(found(&f, "pxelinux.cfg/01-52-54-00-de-00-01", 0, PXE_NOTE, "fallback"));
	assert_false(found(&f, file, 1, PXE_ERROR, "no label"));
	assert_false(found(&f, file, 1, PXE_WARNING, "no label"));
	assert_true(found(&f, "pxelinux.cfg/default", 1, PXE_ERROR, "firmware 7.2: no label"));
	pxe_findings_free(&f);

	/* Its disk does not follow the network: its own generation's warning, unprefixed. */
	d.disk_second = false;
	assert_int_equal(pxe_lint_domains(&t, all_gens, 3, &dom, 1, &f, &err), 0);
	assert_true(found(&f, file, 1, PXE_WARNING, "no label: the network boot fails"));
	assert_false(found(&f, file, 1, PXE_ERROR, "no label"));
	pxe_findings_free(&f);

	/* On QEMU 7.2 the fallback entry is the error it is there. */
	d.disk_second = true;
	d.qemu_major = 7;
	d.qemu_minor = 2;
	assert_int_equal(pxe_lint_domains(&t, all_gens, 3, &dom, 1, &f, &err), 0);
	assert_true(found(&f, file, 1, PXE_ERROR, "no label: the firmware finds nothing"));
	assert_false(found(&f, file, 0, PXE_NOTE, "fallback"));
	pxe_findings_free(&f);
	pxe_tree_close(&t);
}

static void test_libvirt(void **state)
{
	struct reipl_error err;
	struct pxe_domain d;
	char *xml = NULL;

	(void)state;
	/* libvirt's test driver: a fake hypervisor with domain "test" and network "default". */
	assert_int_equal(pxe_libvirt_domain("test:///default", "test", &d, &err), 0);
	assert_string_equal(d.uuid, "6695eb01-f6a4-8304-79aa-97f2502e193f");
	assert_int_equal(d.nmacs, 1);
	assert_int_equal(d.macs[0][0], 0xaa);
	assert_int_equal(pxe_libvirt_domain("test:///default", "nope", &d, &err), -ENOENT);
	assert_string_equal(err.msg, "libvirt has no domain named 'nope'");
	assert_int_equal(pxe_libvirt_network_xml("test:///default", "default", &xml, &err), 0);
	assert_non_null(strstr(xml, "<network"));
	free(xml);
	assert_int_equal(pxe_libvirt_network_xml("test:///default", "nope", &xml, &err), -ENOENT);
	assert_int_equal(pxe_libvirt_domain("bogus:///x", "test", &d, &err), -ECONNREFUSED);
	assert_non_null(strstr(err.msg, "cannot connect to libvirt at bogus:///x"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_keeps_owner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_only_what_was_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_waits_for_the_writers_lock, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_remove_waits_for_the_writers_lock, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_put_all_or_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_all_rename_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remove_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_entry_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_reader, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lint, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lint_served, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lookup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doctor_network, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doctor_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lint_domains, setup, teardown),
		cmocka_unit_test(test_libvirt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
