// SPDX-License-Identifier: GPL-2.0
/*
 * pxecfg.c - the s390x network firmware's pxelinux.cfg parser, as a model with notes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pxe/pxecfg.h"

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

/* Everything about one entry's lines that a guest would trip over. */
static void check_entry(struct pxe_cfg *cfg, const struct pxe_entry *e)
{
	bool old = cfg->gen == PXE_FW_7_2;
	size_t alen = e->append ? strlen(e->append) : 0;

	/* On the generations that fall back, the same outcome as a file with no entry. */
	if (!e->kernel)
		note(cfg, e->line, old ? PXE_ERROR : PXE_WARNING,
		     old ? "entry '%.40s' has no kernel line: the firmware fetches whatever name "
			   "is left in its memory, and the boot fails"
			 : "entry '%.40s' has no kernel line: the firmware says \"Kernel entry is "
			   "missing!\" and IPLs the next boot device, as for a file with no entry",
		     e->label);
	if (!e->initrd)
		note(cfg, e->line, PXE_ERROR,
		     "entry '%.40s' has no initrd line: the firmware does not clear its entries, "
		     "so by QEMU version and entry position it starts the kernel without one "
		     "(seen on 7.2 and 10.0) or fetches a garbage name and fails (seen on 11.1)",
		     e->label);
	/* SLOF's pxelinux_parse_cfg sets only the fields whose lines it sees, into entries
	 * on the stack that nothing clears: as for a missing initrd line, the firmware
	 * passes a field it never set (QEMU's netmain.c keeps entries[] on the stack
	 * uninitialised). The lanes measured pass an empty command line, after a reset with
	 * a changed file too (tests/e2e/firmware-model.sh), and the helpers then boot auto;
	 * nothing promises that of another build. */
	if (!e->append)
		note(cfg, e->line, PXE_ERROR,
		     "entry '%.40s' has no append line: the firmware passes a field it never set "
		     "(an empty command line on the QEMU builds measured, anything on another; "
		     "the helper then boots auto)",
		     e->label);
	if (alen >= PXE_APPEND_MAX)
		note(cfg, e->line, PXE_ERROR,
		     alen == PXE_APPEND_MAX
			     ? "entry '%.40s': append is %zu bytes, which the firmware copies "
			       "without a terminating NUL: the kernel reads on past it"
			     : "entry '%.40s': append is %zu bytes; the firmware copies %d of them "
			       "with no terminating NUL: the kernel reads on past it",
		     e->label, alen, PXE_APPEND_MAX);
	/* Measured on every lane (firmware-model.sh): 208 bytes fail the transfer, longer
	 * names hang the firmware, except an initrd's on 7.2, which starts the kernel with
	 * an initrd of zeros. */
	if (e->kernel && strlen(e->kernel) > PXE_PATH_MAX)
		note(cfg, e->line, PXE_ERROR,
		     "entry '%.40s': a kernel name over %d bytes does not fit the firmware's "
		     "TFTP request; the boot fails or hangs",
		     e->label, PXE_PATH_MAX);
	if (e->initrd && strlen(e->initrd) > PXE_PATH_MAX)
		note(cfg, e->line, PXE_ERROR,
		     old ? "entry '%.40s': an initrd name over %d bytes does not fit the "
			   "firmware's TFTP request; the boot fails, or the kernel starts with "
			   "an initrd of zeros"
			 : "entry '%.40s': an initrd name over %d bytes does not fit the "
			   "firmware's TFTP request; the boot fails or hangs",
		     e->label, PXE_PATH_MAX);
}

/* Where a label sits among all the file's labels, read or not: 1-based, or 0 if absent. */
static int label_position(const char *text, size_t len, const char *label)
{
	size_t i = 0, llen = strlen(label);
	int pos = 0;

	while (i < len) {
		size_t end = i, a;

		while (end < len && text[end] != '\n')
			end++;
		while (i < end && (text[i] == ' ' || text[i] == '\t'))
			i++;
		if (end - i > 6 && strncasecmp(text + i, "label", 5) == 0 &&
		    (text[i + 5] == ' ' || text[i + 5] == '\t')) {
			size_t stop = end;

			pos++;
			a = i + 6;
			while (a < end && (text[a] == ' ' || text[a] == '\t'))
				a++;
			while (stop > a && (text[stop - 1] == '\r' || text[stop - 1] == ' ' ||
					    text[stop - 1] == '\t'))
				stop--;
			if (stop - a == llen && memcmp(text + a, label, llen) == 0)
				return pos;
		}
		i = end + 1;
	}
	return 0;
}

static void check_entries(struct pxe_cfg *cfg, const char *text, size_t len)
{
	int max = pxe_fwgen_info(cfg->gen)->max_entries;
	int i;

	for (i = 0; i < cfg->count; i++) {
		const struct pxe_entry *e = &cfg->entries[i];

		if (cfg->stop_line && e->line == cfg->stop_line) {
			note(cfg, e->line, PXE_ERROR,
			     "label '%.40s' is number %d, the last this firmware reads: it stops "
			     "reading here, so this entry gets no kernel, initrd or append",
			     e->label, max);
			continue;
		}
		check_entry(cfg, e);
	}
	if (cfg->default_label && !cfg->default_matched && cfg->count > 0) {
		bool earlier = false;
		int pos = label_position(text, len, cfg->default_label);

		for (i = 0; i < cfg->count; i++)
			if (strcmp(cfg->entries[i].label, cfg->default_label) == 0)
				earlier = true;
		if (earlier)
			note(cfg, cfg->default_line, PXE_ERROR,
			     "default '%.40s' comes after its label: the firmware only matches "
			     "labels after the default line and boots '%.40s' instead",
			     cfg->default_label, cfg->entries[0].label);
		else if (pos > max)
			note(cfg, cfg->default_line, PXE_ERROR,
			     "default '%.40s' is label number %d, beyond the %d this firmware "
			     "reads: it boots the first entry '%.40s'",
			     cfg->default_label, pos, max, cfg->entries[0].label);
		else
			/* Foreman's menus say "default menu" and mean the first entry. */
			note(cfg, cfg->default_line, PXE_WARNING,
			     "default '%.40s' names no label (labels are case-sensitive): the "
			     "firmware boots the first entry '%.40s'",
			     cfg->default_label, cfg->entries[0].label);
	}
	if (cfg->count == 0)
		note(cfg, 1, pxe_fwgen_info(cfg->gen)->fallback ? PXE_WARNING : PXE_ERROR,
		     pxe_fwgen_info(cfg->gen)->fallback
			     ? "no label: the network boot fails and the firmware IPLs the next "
			       "boot device (the disk, when it follows the network in boot order)"
			     : "no label: the firmware finds nothing to boot and the guest stops");
}

/* True when nothing but NULs and blanks follows the first NUL. */
static bool blank_after(const char *data, size_t from, size_t len)
{
	size_t i;

	for (i = from; i < len; i++)
		if (data[i] != '\0' && data[i] != ' ' && data[i] != '\t' && data[i] != '\n' &&
		    data[i] != '\r')
			return false;
	return true;
}

void pxe_cfg_parse(const char *data, size_t len, size_t file_size, enum pxe_fwgen gen,
		   struct pxe_cfg *cfg)
{
	size_t keep = len < PXE_CFG_USABLE ? len : PXE_CFG_USABLE, nul;
	int max = pxe_fwgen_info(gen)->max_entries;
	char *ptr, *eol, *next, *end;
	int line = 1;

	memset(cfg, 0, sizeof(*cfg));
	cfg->gen = gen;
	if (file_size == 0) {
		cfg->skipped = true;
		note(cfg, 0, PXE_WARNING, "empty: the firmware skips it and tries the next name");
		return;
	}
	if (file_size > PXE_CFG_USABLE) {
		cfg->skipped = true;
		note(cfg, 0, PXE_ERROR,
		     "the file is %zu bytes: the firmware rejects a file over %d bytes whole "
		     "(\"TFTP buffer ... too small\") and tries the next name",
		     file_size, PXE_CFG_USABLE);
		return;
	}
	memcpy(cfg->buf, data, keep);
	cfg->buf[keep] = '\0';
	/* The firmware works with C strings: a NUL byte ends the file for it. */
	nul = strlen(cfg->buf);
	if (nul < keep) {
		if (!blank_after(data, nul, keep))
			note(cfg, line_of(data, nul), PXE_WARNING,
			     "a NUL byte: the firmware reads nothing after it, and text follows");
		keep = nul;
	}
	end = cfg->buf + keep;
	for (ptr = cfg->buf; ptr < end && cfg->count < max; ptr = next, line++) {
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
	/* The loop ends at the last label it may read: its lines are never read. */
	if (cfg->count == max)
		cfg->stop_line = cfg->entries[max - 1].line;
	check_entries(cfg, data, keep);
}

const struct pxe_entry *pxe_cfg_default(const struct pxe_cfg *cfg)
{
	return cfg->count ? &cfg->entries[cfg->def] : NULL;
}

int pxe_cfg_select(const struct pxe_cfg *cfg, const char *loadparm, int *index)
{
	unsigned long n = 0;
	const char *p = loadparm ? loadparm : "";

	*index = cfg->count ? cfg->def : -1;
	if (cfg->count == 0)
		return -ENOENT; /* nothing to select: the caller says what the firmware does */
	if (strncmp(p, "PROMPT", 6) == 0 && p[6 + strspn(p + 6, " ")] == '\0')
		return -EAGAIN;
	while (*p >= '0' && *p <= '9' && n < 100000)
		n = n * 10 + (unsigned long)(*p++ - '0');
	if (n == 0)
		return 0;
	if (n > (unsigned long)cfg->count)
		return -ERANGE;
	*index = (int)n - 1;
	return 0;
}
