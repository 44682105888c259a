/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fixture.h - fixture trees for unit tests: private copies and byte-exact snapshots.
 */
#ifndef TEST_FIXTURE_H
#define TEST_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

/* Copy tests/fixtures/@name to a new temporary directory; returns its path (free it
 * with fixture_remove). Fails the test when it cannot. With KERNEL_SYSFS in the
 * environment, its sys/firmware is then served as the s390 kernel would (tests/sysfs). */
char *fixture_copy(const char *name);

/* The same, always with plain files (for tests that put device nodes in the tree). */
char *fixture_copy_plain(const char *name);

void fixture_remove(char *dir);

/* Every path, file content and link target below @dir, in one sorted string. */
char *fixture_snapshot(const char *dir);

/* Read a file below @dir ("sys/firmware/reipl/reipl_type") into a static buffer. */
const char *fixture_read(const char *dir, const char *rel);

/* Write @text to a file below @dir, creating directories as needed. */
void fixture_write(const char *dir, const char *rel, const char *text);

/*
 * Another writer of reboot-s390x (a watch on a second host, say), in a child process: it
 * takes the writers' lock of @root/pxelinux.cfg/ and returns once it holds it; a second
 * later, well inside whatever compare the caller starts meanwhile, it renames @text into
 * pxelinux.cfg/@name (with @text NULL: removes that file), then lets the lock go. Wait
 * for it with fixture_writer_done, which fails the test unless all went well.
 */
#include <sys/types.h>
pid_t fixture_locked_writer(const char *root, const char *name, const char *text);
void fixture_writer_done(pid_t child);

/* Skip the calling cmocka test, counted and with its reason, when the tests do not run
 * as root: mknod of a character device needs root, and distribution builders run
 * `make check-unit` unprivileged. Include cmocka.h and unistd.h first. */
#define FIXTURE_REQUIRE_ROOT(why)                                                  \
	do {                                                                       \
		if (geteuid() != 0) {                                              \
			print_message("SKIP %s: needs root: %s\n", __func__, (why)); \
			skip();                                                    \
		}                                                                  \
	} while (0)

#endif
