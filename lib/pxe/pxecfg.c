// SPDX-License-Identifier: GPL-2.0
/*
 * pxecfg.c - the s390x network firmware's pxelinux.cfg parser, as a model with notes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pxecfg.h"

static void note(struct pxe_cfg *cfg, int line, enum pxe_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void note(struct pxe_cfg *cfg, int line, enum pxe_severity sev, const char *fmt, ...)
{
	struct pxe_note *n;
	va_list ap;

	if (cfg->nnotes == PXE_NOTES_MAX)
		return;
	n = &cfg->notes[cfg->nnotes++];
	n->line = line;
	n->severity = sev;
	va_start(ap, fmt);
	vsnprintf(n->msg, sizeof(n->msg), fmt, ap);
	va_end(ap);
}

static int line_of(const char *data, size_t offset)
{
	int line = 1;
	size_t i;

	for (i = 0; i < offset; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

static bool is_keyword(const char *word)
{
	static const char *const words[] = { "default", "label", "kernel", "initrd", "append" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(word, words[i]) == 0)
			return true;
	return false;
}

/* What the firmware makes of one trimmed, non-empty, non-comment line. */
static void parse_line(struct pxe_cfg *cfg, char *ptr, int line)
{
	char *arg = strchr(ptr, ' ');
	struct pxe_entry *cur = cfg->count ? &cfg->entries[cfg->count - 1] : NULL;

	if (!arg)
		arg = strchr(ptr, '\t');
	if (!arg) {
		note(cfg, line, PXE_WARNING,
		     "'%.40s' has no argument: the firmware cannot parse it and skips the line",
		     ptr);
		return;
	}
	*arg++ = '\0';
	while (*arg == ' ' || *arg == '\t')
		arg++;
	if (strcasecmp(ptr, "default") == 0) {
		cfg->default_label = arg;
		cfg->default_line = line;
	} else if (strcasecmp(ptr, "label") == 0) {
		struct pxe_entry *e = &cfg->entries[cfg->count];

		memset(e, 0, sizeof(*e));
		e->label = arg;
		e->line = line;
		if (cfg->default_label && strcmp(arg, cfg->default_label) == 0) {
			cfg->def = cfg->count;
			cfg->default_matched = true;
		}
		cfg->count++;
	} else if (cur && strcasecmp(ptr, "kernel") == 0) {
		cur->kernel = arg;
	} else if (cur && strcasecmp(ptr, "initrd") == 0) {
		cur->initrd = arg;
	} else if (cur && strcasecmp(ptr, "append") == 0) {
		cur->append = arg;
	} else if (is_keyword(ptr)) {
		note(cfg, line, PXE_WARNING, "'%s' before the first label is ignored", ptr);
	} else {
		note(cfg, line, PXE_WARNING,
		     "'%.40s' is not supported by the s390x firmware and is ignored", ptr);
	}
}

static void check_entries(struct pxe_cfg *cfg)
{
	int i;

	for (i = 0; i < cfg->count; i++) {
		const struct pxe_entry *e = &cfg->entries[i];

		if (cfg->stop_line && e->line == cfg->stop_line) {
			note(cfg, e->line, PXE_ERROR,
			     "label '%.40s' is the 16th: the firmware stops reading here, so this "
			     "entry gets no kernel, initrd or append",
			     e->label);
			continue;
		}
		if (!e->kernel)
			note(cfg, e->line, PXE_ERROR, "entry '%.40s' has no kernel line", e->label);
		if (!e->initrd)
			note(cfg, e->line, PXE_ERROR,
			     "entry '%.40s' has no initrd line: the firmware does not clear its "
			     "entries and fetches a garbage file name",
			     e->label);
		if (!e->append)
			note(cfg, e->line, PXE_ERROR,
			     "entry '%.40s' has no append line: the kernel gets a junk or empty "
			     "command line",
			     e->label);
		if (e->append && strlen(e->append) > PXE_APPEND_MAX)
			note(cfg, e->line, PXE_ERROR,
			     "entry '%.40s': append is %zu bytes; the firmware cuts it at %d "
			     "without "
			     "terminating it",
			     e->label, strlen(e->append), PXE_APPEND_MAX);
		if ((e->kernel && strlen(e->kernel) > PXE_PATH_MAX) ||
		    (e->initrd && strlen(e->initrd) > PXE_PATH_MAX))
			note(cfg, e->line, PXE_ERROR,
			     "entry '%.40s': a file name over %d bytes does not fit the firmware's "
			     "TFTP buffer",
			     e->label, PXE_PATH_MAX);
	}
	if (cfg->default_label && !cfg->default_matched && cfg->count > 0) {
		bool later = false;

		for (i = 0; i < cfg->count; i++)
			if (strcmp(cfg->entries[i].label, cfg->default_label) == 0)
				later = true;
		if (later)
			note(cfg, cfg->default_line, PXE_ERROR,
			     "default '%.40s' comes after its label: the firmware only matches "
			     "labels after the default line and boots '%.40s' instead",
			     cfg->default_label, cfg->entries[0].label);
		else
			note(cfg, cfg->default_line, PXE_ERROR,
			     "default '%.40s' names no label (labels are case-sensitive): the "
			     "firmware boots the first entry '%.40s'",
			     cfg->default_label, cfg->entries[0].label);
	}
	if (cfg->count == 0)
		note(cfg, 1, PXE_ERROR, "no label: the firmware finds nothing to boot");
}

void pxe_cfg_parse(const char *data, size_t len, size_t file_size, struct pxe_cfg *cfg)
{
	size_t keep = len < PXE_CFG_USABLE ? len : PXE_CFG_USABLE, nul;
	char *ptr, *eol, *next, *end;
	int line = 1;

	memset(cfg, 0, sizeof(*cfg));
	memcpy(cfg->buf, data, keep);
	cfg->buf[keep] = '\0';
	/* The firmware works with C strings: a NUL byte ends the file for it. */
	nul = strlen(cfg->buf);
	if (nul < keep) {
		note(cfg, line_of(data, nul), PXE_ERROR,
		     "a NUL byte: the firmware reads nothing after it");
		keep = nul;
	}
	if (file_size > PXE_CFG_USABLE) {
		cfg->cut_line = line_of(data, PXE_CFG_USABLE);
		note(cfg, cfg->cut_line, PXE_ERROR,
		     "the file is %zu bytes; the firmware reads only the first %d, so it loses "
		     "everything from here (line %d) on",
		     file_size, PXE_CFG_USABLE, cfg->cut_line);
	}
	end = cfg->buf + keep;
	for (ptr = cfg->buf; ptr < end && cfg->count < PXE_MAX_ENTRIES; ptr = next, line++) {
		eol = strchr(ptr, '\n');
		if (!eol)
			eol = end;
		next = eol + 1;
		*eol = '\0';
		while (eol > ptr && (eol[-1] == '\r' || eol[-1] == ' ' || eol[-1] == '\t'))
			*--eol = '\0';
		while (*ptr == ' ' || *ptr == '\t')
			ptr++;
		if (*ptr == '\0' || *ptr == '#')
			continue;
		parse_line(cfg, ptr, line);
	}
	/* The loop ends at the 16th label: its kernel, initrd and append are never read. */
	if (cfg->count == PXE_MAX_ENTRIES)
		cfg->stop_line = cfg->entries[PXE_MAX_ENTRIES - 1].line;
	check_entries(cfg);
}

const struct pxe_entry *pxe_cfg_default(const struct pxe_cfg *cfg)
{
	return cfg->count ? &cfg->entries[cfg->def] : NULL;
}
