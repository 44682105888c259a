// SPDX-License-Identifier: GPL-2.0
/*
 * kernel_rules_check.c - hold the tests' kernel model against what a real kernel did.
 *
 * Usage: kernel-rules-check < CONSOLE-LOG
 *
 * Reads the PROBE-COUNT, PROBE-TYPES, PROBE and PROBE-ABSENT lines of
 * tests/e2e/sysfs_probe.c from a guest's console, replays every write on the model
 * (kernel_rules.c) from the value the kernel showed before it, and compares the result
 * and the value shown after. Every probe counts: one that cannot be read (a line the
 * console mangled) and a probe missing from the log are failures; an attribute the
 * kernel lacks is skipped (an ABSENT line: the caller decides whether that kernel may
 * lack it). Prints "N passed, M failed, K skipped"; exit status 1 when anything failed,
 * or when there was nothing to compare.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_rules.h"

static size_t unhex(const char *h, unsigned char *out, size_t cap)
{
	size_t n = 0;

	if (strcmp(h, "-") == 0)
		return 0;
	while (h[0] && h[1] && n < cap) {
		unsigned int b;

		if (sscanf(h, "%2x", &b) != 1)
			break;
		out[n++] = (unsigned char)b;
		h += 2;
	}
	return n;
}

int main(void)
{
	static struct kr_attr attr;
	static unsigned char input[KR_VALUE_MAX], before[KR_VALUE_MAX], after[KR_VALUE_MAX];
	struct kr_model model = { &attr, 1, { { 0 } }, 0 };
	char line[20000], path[384], hb[9000], hi[9000], ha[9000];
	int agree = 0, differ = 0, absent = 0, count = -1, rc;

	while (fgets(line, sizeof(line), stdin)) {
		char *p = strstr(line, "PROBE");

		if (!p)
			continue;
		if (sscanf(p, "PROBE-COUNT %d", &count) == 1)
			continue;
		if (strncmp(p, "PROBE-ABSENT ", 13) == 0) {
			absent++;
			printf("ABSENT %s", p + 13);
			continue;
		}
		if (strncmp(p, "PROBE-TYPES", 11) == 0) {
			char *t, *save = NULL;

			for (t = strtok_r(p + 11, " \r\n", &save); t && model.ntypes < 8;
			     t = strtok_r(NULL, " \r\n", &save))
				snprintf(model.types[model.ntypes++], sizeof(model.types[0]),
					 "%.7s", t);
			continue;
		}
		if (strncmp(p, "PROBE-", 6) == 0) /* PROBE-BEGIN, PROBE-END */
			continue;
		if (sscanf(p, "PROBE %383s %8999s %8999s %d %8999s", path, hb, hi, &rc, ha) != 5) {
			differ++;
			printf("UNREADABLE %s", p);
			continue;
		}
		{
			size_t nb = unhex(hb, before, sizeof(before));
			size_t ni = unhex(hi, input, sizeof(input));
			size_t na = unhex(ha, after, sizeof(after));
			int mrc;

			memset(&attr, 0, sizeof(attr));
			snprintf(attr.path, sizeof(attr.path), "%s", path);
			attr.writable = strncmp(path, "reipl/", 6) == 0;
			kr_load(&attr, (const char *)before, nb);
			mrc = kr_store(&model, &attr, (const char *)input, ni);
			if (mrc == rc && attr.len == na && memcmp(attr.value, after, na) == 0) {
				agree++;
				continue;
			}
			differ++;
			printf("DIFFER %s input %s: kernel %d shows %s; model %d shows ", path, hi,
			       rc, ha, mrc);
			if (attr.len == 0)
				printf("-");
			for (size_t i = 0; i < attr.len; i++)
				printf("%02x", attr.value[i]);
			printf("\n");
		}
	}
	if (count < 0) {
		printf("MISSING the PROBE-COUNT line: how many probes ran is unknown\n");
		differ++;
	} else if (agree + differ + absent != count) {
		int missing = count - agree - differ - absent;

		printf("MISSING %d of %d probes are not in the log\n", missing, count);
		differ += missing > 0 ? missing : 1;
	}
	printf("%d passed, %d failed, %d skipped\n", agree, differ, absent);
	return differ || !agree;
}
