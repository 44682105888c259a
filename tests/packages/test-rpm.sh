#!/usr/bin/env bash
# test-rpm.sh - the RPMs: `make rpm` builds them here with Debian's rpmbuild (--nodeps:
# the Fedora build dependencies have other names here), their metadata, file lists and
# scriptlets are as the spec says, their payload unpacks (rpm2cpio) to working files,
# and rpmlint finds nothing but what Debian's rpmlint profile says of any Fedora spec.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$top/tests/check.sh"

make -C "$top" --no-print-directory rpm >"$work/build.log" 2>&1
rc=$?
check "make rpm" "((rc == 0))" "$(tail -n 30 "$work/build.log")"
cli=$(ls "$top"/build/rpm/RPMS/*/reboot-s390x-0*.rpm 2>/dev/null | head -n 1)
boot=$(ls "$top"/build/rpm/RPMS/noarch/reboot-s390x-boot-*.noarch.rpm 2>/dev/null | head -n 1)
check "two packages: the command per architecture, the boot files noarch" "[[ -f '$cli' && -f '$boot' && '$cli' != *noarch* ]]"
[[ -f $cli && -f $boot ]] || { summary; exit 1; }

check "licence GPL-2.0-only on both" \
	"[[ \$(rpm -qp --qf '%{LICENSE}' '$cli') == GPL-2.0-only && \$(rpm -qp --qf '%{LICENSE}' '$boot') == GPL-2.0-only ]]"
check "the command recommends the boot files" "rpm -qp --recommends '$cli' | grep -q '^reboot-s390x-boot = 0.1.0-1'"
files=$(rpm -qlp "$cli" | grep -v '^/usr/lib/.build-id')
check "the command's files" "[[ '$files' == '/usr/lib/systemd/system/reboot-s390x-watch.service
/usr/sbin/reboot-s390x
/usr/share/bash-completion/completions/reboot-s390x
/usr/share/doc/reboot-s390x-0.1.0
/usr/share/doc/reboot-s390x-0.1.0/README.md
/usr/share/licenses/reboot-s390x-0.1.0
/usr/share/licenses/reboot-s390x-0.1.0/COPYING
/usr/share/man/man8/reboot-s390x.8'* ]]" "$files"
files=$(rpm -qlp "$boot")
check "the boot package's files" "[[ '$files' == '/usr/lib/dracut/modules.d/99reboot-s390x
/usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh
/usr/lib/reboot-s390x
/usr/lib/reboot-s390x/reboot-s390x-init
/usr/lib/reboot-s390x/reboot-s390x-payload.img
/usr/share/licenses/reboot-s390x-boot-0.1.0
/usr/share/licenses/reboot-s390x-boot-0.1.0/COPYING
/usr/share/man/man8/reboot-s390x-init.8'* ]]" "$files"
# Each scriptlet must act on watch's unit: a first install presets it, removal stops it,
# an upgrade restarts it (RPM passes the count of installed versions as $1).
rpm -qp --scripts "$cli" >"$work/scripts.txt" 2>&1
scriptlet() { awk -v s="$1" '/^[a-z]+ scriptlet/ { on = ($1 == s) } on' "$work/scripts.txt"; }
check "postinstall: the preset on first install" \
	"scriptlet postinstall | grep -Eq 'preset .*reboot-s390x-watch.service|install-system-units .*reboot-s390x-watch.service'" "$work/scripts.txt"
check "preuninstall: stopped and disabled on removal" \
	"scriptlet preuninstall | grep -Eq 'disable --now .*reboot-s390x-watch.service|remove-system-units .*reboot-s390x-watch.service'" "$work/scripts.txt"
check "postuninstall: restarted after an upgrade" \
	"scriptlet postuninstall | grep -Eq 'try-restart .*reboot-s390x-watch.service|mark-restart-system-units .*reboot-s390x-watch.service'" "$work/scripts.txt"

mkdir "$work/root"
(cd "$work/root" && rpm2cpio "$cli" | cpio -id --quiet && rpm2cpio "$boot" | cpio -id --quiet)
check "unpacked, the command runs" "[[ \$('$work/root/usr/sbin/reboot-s390x' --version) == 'reboot-s390x 0.1.0' ]]"
check "the init is a static s390x ELF" "file '$work/root/usr/lib/reboot-s390x/reboot-s390x-init' | grep -q 'IBM S/390.*statically linked'"
check "the unpacked command finds the unpacked init" \
	"'$work/root/usr/sbin/reboot-s390x' mkinitrd -o '$work/img' >/dev/null 2>&1 && (cd '$work' && zcat img | cpio -id --quiet init) && cmp -s '$work/init' '$work/root/usr/lib/reboot-s390x/reboot-s390x-init'"
check "the dracut module points at the installed init" \
	"grep -qx 'reboot_s390x_libdir=/usr/lib/reboot-s390x' '$work/root/usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh'"

# rpmlint with Debian's profile: what it says of every Fedora package built outside
# Fedora's build system (no Group, Packager or signature, the SPDX licence, man pages
# and binaries that Fedora's brp scripts and debuginfo would compress and strip,
# and the noarch s390x init, on purpose;
# nothing else.
rpmlint "$cli" "$boot" >"$work/rpmlint.log" 2>&1
unexpected=$(grep -E '^[^ ]+: [EW]: ' "$work/rpmlint.log" | grep -vE ': (no-group-tag|no-packager-tag|no-signature|unstripped-binary-or-object /usr/sbin/reboot-s390x|invalid-license GPL-2.0-only|manpage-not-compressed|no-manual-page-for-binary reboot-s390x|arch-independent-package-contains-binary-or-object /usr/lib/reboot-s390x/reboot-s390x-init)( |$)')
check "rpmlint: nothing unexpected" "[[ -z '$unexpected' ]]" "$unexpected"
summary
