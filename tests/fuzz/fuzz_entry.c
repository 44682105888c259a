// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_entry.c - the entry writer's round trip: what `pxe local` and `pxe install` write
 * must parse back, on every firmware generation, to the entry they were asked for.
 * Input lines: target, kernel, initrd, extra append words.
 */
#include "fuzz.h"
#include "pxe/entry.h"
#include "pxe/pxecfg.h"

static void reads_back(const char *buf, enum pxe_role role, const char *kernel, const char *initrd)
{
	static struct pxe_cfg cfg;
	struct pxe_summary sum;
	int gen, i;

	for (gen = 0; gen < PXE_FWGEN_COUNT; gen++) {
		const struct pxe_entry *e;

		pxe_cfg_parse(buf, strlen(buf), strlen(buf), (enum pxe_fwgen)gen, &cfg);
		FUZZ_CHECK(!cfg.skipped && cfg.count == 1);
		for (i = 0; i < cfg.nnotes; i++) {
			if (cfg.notes[i].severity == PXE_ERROR)
				fprintf(stderr, "line %d: %s\n%s", cfg.notes[i].line,
					cfg.notes[i].msg, buf);
			FUZZ_CHECK(cfg.notes[i].severity != PXE_ERROR);
		}
		e = pxe_cfg_default(&cfg);
		FUZZ_CHECK(e && e->kernel && e->initrd && e->append);
		FUZZ_CHECK(strcmp(e->kernel, kernel) == 0 && strcmp(e->initrd, initrd) == 0);
		pxe_summarize(&cfg, &sum);
		FUZZ_CHECK(sum.role == role);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reipl_error err;
	char *copy, *f[4] = { NULL, NULL, NULL, NULL }, buf[PXE_FILE_MAX];
	const char *target;

	if (fuzz_fields(data, size, &copy, f, 4) < 3 || !copy) {
		free(copy);
		return 0;
	}
	target = f[0][0] ? f[0] : NULL;
	if (pxe_entry_local(target, f[1], f[2], f[3], buf, sizeof(buf), &err) == 0)
		reads_back(buf, PXE_ROLE_LOCAL, f[1], f[2]);
	else
		FUZZ_CHECK(err.msg[0] != '\0');
	if (pxe_entry_install(f[1], f[2], f[3], buf, sizeof(buf), &err) == 0)
		reads_back(buf, PXE_ROLE_INSTALL, f[1], f[2]);
	free(copy);
	return 0;
}
