// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_pxecfg.c - a pxelinux.cfg file as each firmware generation reads it, its entry
 * chosen by a loadparm (the input's first 8 bytes), and what it boots (pxe_summarize).
 */
#include "fuzz.h"
#include "pxe/entry.h"
#include "pxe/pxecfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pxe_cfg cfg;
	struct pxe_summary sum;
	char loadparm[9] = "";
	int gen, index, i;

	if (size >= 8) {
		memcpy(loadparm, data, 8);
		data += 8, size -= 8;
	}
	for (gen = 0; gen < PXE_FWGEN_COUNT; gen++) {
		pxe_cfg_parse((const char *)data, size, size, (enum pxe_fwgen)gen, &cfg);
		FUZZ_CHECK(cfg.count >= 0 && cfg.count <= PXE_MAX_ENTRIES);
		FUZZ_CHECK(cfg.nnotes >= 0 && cfg.nnotes <= PXE_NOTES_MAX);
		FUZZ_CHECK(cfg.def >= -1 && cfg.def < (cfg.count ? cfg.count : 1));
		for (i = 0; i < cfg.count; i++)
			FUZZ_CHECK(cfg.entries[i].label != NULL);
		if (pxe_cfg_select(&cfg, loadparm, &index) == 0)
			FUZZ_CHECK(index >= 0 && index < cfg.count);
		else
			FUZZ_CHECK(index == -1 || cfg.count > 0);
		pxe_summarize(&cfg, &sum);
		FUZZ_CHECK(strlen(sum.target) < sizeof(sum.target));
	}
	return 0;
}
