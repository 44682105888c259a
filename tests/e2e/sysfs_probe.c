// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs_probe.c - /init of a test guest that asks the real s390 kernel what its
 * /sys/firmware/reipl attributes do, then runs `reboot-s390x set` on them.
 *
 * Part one writes a fixed list of values to every re-IPL attribute the kernel offers and
 * prints, per write, one line the host compares with the test suite's kernel model
 * (tests/sysfs/kernel_rules.c, through build/tests/kernel-rules-check):
 *   PROBE-TYPES ccw fcp ...                 the re-IPL types the kernel offers
 *   PROBE <attribute> <before> <input> <result> <after>
 * with the byte strings in hex ("-" when empty) and the result 0 or -errno. Part two runs
 * /bin/reboot-s390x with argument lists given on the kernel command line as
 * e2e.run=COMMAND,WORD,... (one per run, '' for an empty word) and prints
 * "RUN <n> rc=<exit status>" after each; the tool prints what it did itself. Then the
 * guest powers off.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct {
	const char *attr;
	const char *input;
	size_t len; /* 0: strlen(input) */
} cases[] = {
	{ "reipl/ccw/device", "0.0.0002\n", 0 },
	{ "reipl/ccw/device", "0.0.0003", 0 },
	{ "reipl/ccw/device", "0.1.0002\n", 0 },
	{ "reipl/ccw/device", "0.4.0002\n", 0 },
	{ "reipl/ccw/device", "1.0.0002\n", 0 },
	{ "reipl/ccw/device", "0.0.10000\n", 0 },
	{ "reipl/ccw/device", "0.0.0x2\n", 0 },
	{ "reipl/ccw/device", "0.0.ABCD\n", 0 },
	{ "reipl/ccw/device", "garbage\n", 0 },
	{ "reipl/ccw/device", "", 0 },
	{ "reipl/ccw/loadparm", "1\n", 0 },
	{ "reipl/ccw/loadparm", "AB.1 2\n", 0 },
	{ "reipl/ccw/loadparm", "lower\n", 0 },
	{ "reipl/ccw/loadparm", " A\n", 0 },
	{ "reipl/ccw/loadparm", "TOOLONG12\n", 0 },
	{ "reipl/ccw/loadparm", "A_B\n", 0 },
	{ "reipl/ccw/loadparm", "AB  \n", 0 },
	{ "reipl/ccw/loadparm", "\n", 0 },
	{ "reipl/ccw/loadparm", "X\n", 0 },
	{ "reipl/ccw/loadparm", "", 0 },
	{ "reipl/ccw/clear", "1\n", 0 },
	{ "reipl/ccw/clear", "0\n", 0 },
	{ "reipl/ccw/clear", "y\n", 0 },
	{ "reipl/ccw/clear", "off\n", 0 },
	{ "reipl/ccw/clear", "on\n", 0 },
	{ "reipl/ccw/clear", "2\n", 0 },
	{ "reipl/ccw/clear", "", 0 },
	{ "reipl/fcp/device", "0.0.1700\n", 0 },
	{ "reipl/fcp/device", "0.1.1700\n", 0 },
	{ "reipl/fcp/device", "1700\n", 0 },
	{ "reipl/fcp/wwpn", "0x500507630708d3b3\n", 0 },
	{ "reipl/fcp/wwpn", "500507630708d3b4\n", 0 },
	{ "reipl/fcp/wwpn", "zz\n", 0 },
	{ "reipl/fcp/wwpn", "\n", 0 },
	{ "reipl/fcp/lun", "0x4010403200000000\n", 0 },
	{ "reipl/fcp/bootprog", "2\n", 0 },
	{ "reipl/fcp/bootprog", "x\n", 0 },
	{ "reipl/fcp/br_lba", "0\n", 0 },
	{ "reipl/fcp/loadparm", "LP\n", 0 },
	{ "reipl/fcp/scp_data", "root=/dev/sda1", 0 },
	{ "reipl/fcp/scp_data", "old=scp", 0 },
	{ "reipl/fcp/scp_data", "", 0 },
	{ "reipl/fcp/scp_data", "\n", 0 },
	{ "reipl/fcp/scp_data", "abcdefghij\n", 0 },
	{ "reipl/fcp/clear", "1\n", 0 },
	{ "reipl/nvme/fid", "0x11\n", 0 },
	{ "reipl/nvme/fid", "11\n", 0 },
	{ "reipl/nvme/nsid", "0x0000000c\n", 0 },
	{ "reipl/nvme/nsid", "12\n", 0 },
	{ "reipl/nvme/bootprog", "3\n", 0 },
	{ "reipl/nvme/br_lba", "0\n", 0 },
	{ "reipl/nvme/loadparm", "N1\n", 0 },
	{ "reipl/nvme/scp_data", "quiet", 0 },
	{ "reipl/nvme/clear", "1\n", 0 },
	{ "reipl/eckd/device", "0.0.0002\n", 0 },
	{ "reipl/eckd/br_chr", "auto\n", 0 },
	{ "reipl/eckd/br_chr", "0,0,0\n", 0 },
	{ "reipl/eckd/br_chr", "1,2,3\n", 0 },
	{ "reipl/eckd/br_chr", "0x1 0x2 0x3\n", 0 },
	{ "reipl/eckd/br_chr", "1,0,0\n", 0 },
	{ "reipl/eckd/br_chr", "1,256,1\n", 0 },
	{ "reipl/eckd/bootprog", "1\n", 0 },
	{ "reipl/eckd/scp_data", "q", 0 },
	{ "reipl/nss/name", "linux\n", 0 },
	{ "reipl/nss/name", "TOOLONGNA\n", 0 },
	{ "reipl/nss/parm", "ROOT=X\n", 0 },
	{ "reipl/ccw/parm", "ROOT=/DEV/DASDA1\n", 0 },
	{ "reipl/ccw/parm", "Mixed\n", 0 },
	{ "reipl/reipl_type", "fcp\n", 0 },
	{ "reipl/reipl_type", "nvme\n", 0 },
	{ "reipl/reipl_type", "eckd\n", 0 },
	{ "reipl/reipl_type", "nss\n", 0 },
	{ "reipl/reipl_type", "ccwx\n", 0 },
	{ "reipl/reipl_type", "bogus\n", 0 },
	{ "reipl/reipl_type", "ccw\n", 0 },
};

static void hex(const unsigned char *b, size_t n)
{
	size_t i;

	if (n == 0)
		fputs("-", stdout);
	for (i = 0; i < n; i++)
		printf("%02x", b[i]);
}

static size_t read_attr(const char *path, unsigned char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, cap) : -1;

	if (fd >= 0)
		close(fd);
	return n > 0 ? (size_t)n : 0;
}

/* The re-IPL types the kernel offers: the directories in /sys/firmware/reipl. */
static void types(void)
{
	static const char *const names[] = { "ccw", "eckd", "fcp", "nvme", "nss" };
	size_t i;

	printf("PROBE-TYPES");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[64];

		snprintf(path, sizeof(path), "/sys/firmware/reipl/%s", names[i]);
		if (access(path, F_OK) == 0)
			printf(" %s", names[i]);
	}
	putchar('\n');
}

static void probe(void)
{
	unsigned char before[4096], after[4096];
	size_t i, nb, na;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char path[256];
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].input);
		int fd, rc = 0;

		snprintf(path, sizeof(path), "/sys/firmware/%s", cases[i].attr);
		if (access(path, F_OK) != 0) {
			/* Said, not skipped: the host counts every probe. */
			printf("PROBE-ABSENT %s\n", cases[i].attr);
			continue;
		}
		nb = read_attr(path, before, sizeof(before));
		fd = open(path, O_WRONLY);
		if (fd < 0)
			rc = -errno;
		else if (write(fd, cases[i].input, len) < 0)
			rc = -errno;
		if (fd >= 0)
			close(fd);
		na = read_attr(path, after, sizeof(after));
		printf("PROBE %s ", cases[i].attr);
		hex(before, nb);
		putchar(' ');
		hex((const unsigned char *)cases[i].input, len);
		printf(" %d ", rc);
		hex(after, na);
		putchar('\n');
	}
}

/* Run /bin/reboot-s390x with the comma-separated words of @spec. */
static int run(char *spec)
{
	char *argv[32] = { "/bin/reboot-s390x" };
	int argc = 1, status;
	pid_t pid;
	char *w;

	for (w = strtok(spec, ","); w && argc < 31; w = strtok(NULL, ","))
		argv[argc++] = strcmp(w, "''") == 0 ? "" : w;
	argv[argc] = NULL;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int main(void)
{
	static char cmdline[4096];
	char *p, *save = NULL;
	int fd, n = 0;
	ssize_t len;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mkdir("/proc", 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0755);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	fd = open("/dev/console", O_WRONLY);
	if (fd >= 0) {
		dup2(fd, 1);
		dup2(fd, 2);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("PROBE-BEGIN\n");
	printf("PROBE-COUNT %zu\n", sizeof(cases) / sizeof(cases[0]));
	types();
	probe();
	fd = open("/proc/cmdline", O_RDONLY);
	len = fd >= 0 ? read(fd, cmdline, sizeof(cmdline) - 1) : 0;
	cmdline[len > 0 ? len : 0] = '\0';
	for (p = strtok_r(cmdline, " \n", &save); p; p = strtok_r(NULL, " \n", &save)) {
		if (strncmp(p, "e2e.run=", 8) != 0)
			continue;
		printf("RUN-BEGIN %d %s\n", n, p + 8);
		printf("RUN %d rc=%d\n", n, run(p + 8));
		n++;
	}
	printf("PROBE-END\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
