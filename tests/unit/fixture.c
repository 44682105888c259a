// SPDX-License-Identifier: GPL-2.0
/*
 * fixture.c - copies and snapshots of fixture trees for the unit tests.
 */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

static const char *fixture_root(void)
{
	const char *dir = getenv("FIXTURE_DIR");

	return dir ? dir : "tests/fixtures";
}

char *fixture_copy_plain(const char *name)
{
	char tmpl[] = "/tmp/reboot-s390x-test.XXXXXX", cmd[1024];
	char *dir = mkdtemp(tmpl);

	assert_non_null(dir);
	snprintf(cmd, sizeof(cmd), "cp -a '%s/%s/.' '%s/'", fixture_root(), name, dir);
	if (system(cmd) != 0)
		fail_msg("cannot copy fixture %s", name);
	return strdup(dir);
}

/*
 * With KERNEL_SYSFS set (to the kernel-sysfs program, or 1 for build/tests/kernel-sysfs),
 * the copy's sys/firmware is served as the s390 kernel serves it (tests/sysfs).
 */
char *fixture_copy(const char *name)
{
	const char *model = getenv("KERNEL_SYSFS");
	char *dir = fixture_copy_plain(name), cmd[4096], fw[512];
	struct stat st;

	snprintf(fw, sizeof(fw), "%s/sys/firmware", dir);
	if (!model || !*model || stat(fw, &st) != 0)
		return dir;
	if (strcmp(model, "1") == 0)
		model = "build/tests/kernel-sysfs";
	snprintf(cmd, sizeof(cmd),
		 "'%s' '%s' >/dev/null 2>&1 & for i in $(seq 100); do mountpoint -q '%s' && "
		 "exit 0; sleep 0.05; done; exit 1",
		 model, fw, fw);
	if (system(cmd) != 0)
		fail_msg("cannot mount the kernel model on %s", fw);
	return dir;
}

void fixture_remove(char *dir)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd),
		 "if mountpoint -q '%s/sys/firmware'; then fusermount3 -u '%s/sys/firmware'; fi; "
		 "rm -rf '%s'",
		 dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

/* nftw has no user pointer: collect into these. */
static char **entries;
static size_t n_entries, cap_entries, base_len;

static int collect(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	char *entry = NULL, link[4096];
	size_t size = 0;
	FILE *out = open_memstream(&entry, &size);
	ssize_t n;

	(void)flag;
	(void)ftw;
	fprintf(out, "%s mode=%o\n", path + base_len, (unsigned)st->st_mode);
	if (S_ISLNK(st->st_mode)) {
		n = readlink(path, link, sizeof(link) - 1);
		link[n < 0 ? 0 : n] = '\0';
		fprintf(out, "-> %s\n", link);
	} else if (S_ISREG(st->st_mode)) {
		FILE *f = fopen(path, "rb");
		int c;

		while (f && (c = fgetc(f)) != EOF)
			fputc(c, out);
		if (f)
			fclose(f);
	}
	fclose(out);
	if (n_entries == cap_entries) {
		cap_entries = cap_entries ? cap_entries * 2 : 64;
		entries = realloc(entries, cap_entries * sizeof(*entries));
	}
	entries[n_entries++] = entry;
	return 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *fixture_snapshot(const char *dir)
{
	char *all = NULL;
	size_t size = 0, i;
	FILE *out;

	n_entries = 0;
	base_len = strlen(dir);
	assert_int_equal(nftw(dir, collect, 16, FTW_PHYS), 0);
	qsort(entries, n_entries, sizeof(*entries), by_string);
	out = open_memstream(&all, &size);
	for (i = 0; i < n_entries; i++) {
		fputs(entries[i], out);
		fputc('\0', out);
		free(entries[i]);
	}
	fclose(out);
	free(entries);
	entries = NULL;
	cap_entries = 0;
	return all;
}

const char *fixture_read(const char *dir, const char *rel)
{
	static char buf[8192];
	char path[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot read %s", path);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

void fixture_write(const char *dir, const char *rel, const char *text)
{
	char path[4096], cmd[4200];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s')\"", path);
	assert_int_equal(system(cmd), 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

pid_t fixture_locked_writer(const char *root, const char *name, const char *text)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char path[4200], from[4200], ready;
	int pipefd[2];
	pid_t child;

	assert_int_equal(pipe(pipefd), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		int lock, fd;
		size_t len = text ? strlen(text) : 0;

		close(pipefd[0]);
		snprintf(path, sizeof(path), "%s/pxelinux.cfg/.reboot-s390x.lock", root);
		lock = open(path, O_RDWR | O_CREAT, 0644);
		if (lock < 0 || fcntl(lock, F_OFD_SETLK, &fl) != 0 || write(pipefd[1], "r", 1) != 1)
			_exit(2);
		usleep(1000000); /* the caller's compare, well inside this */
		snprintf(path, sizeof(path), "%s/pxelinux.cfg/%s", root, name);
		if (!text)
			_exit(unlink(path) == 0 ? 0 : 3);
		snprintf(from, sizeof(from), "%s/pxelinux.cfg/.other-writer", root);
		fd = open(from, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd) != 0)
			_exit(4);
		_exit(rename(from, path) == 0 ? 0 : 5);
	}
	/* (our end of the pipe closed first: a child that dies before it holds the lock
	 * makes the read return 0, not wait for ever) */
	close(pipefd[1]);
	assert_int_equal(read(pipefd[0], &ready, 1), 1);
	close(pipefd[0]);
	return child;
}

void fixture_writer_done(pid_t child)
{
	int status;

	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
