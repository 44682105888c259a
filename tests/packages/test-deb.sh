#!/usr/bin/env bash
# test-deb.sh - the Debian packages: dpkg-buildpackage builds them from a copy of the
# tree, lintian finds no error, apt installs them, the installed commands work on their
# own (no build tree), and apt-get purge leaves nothing behind. Needs root and
# scripts/install-deps.sh package. KEEP=1 keeps the work directory.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/reboot-s390x-deb.XXXXXX)
. "$top/tests/check.sh"
cleanup() {
	dpkg -s reboot-s390x >/dev/null 2>&1 && apt-get purge -y -qq reboot-s390x reboot-s390x-boot >/dev/null 2>&1
	[[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
if dpkg -s reboot-s390x >/dev/null 2>&1; then
	echo "test-deb: reboot-s390x is installed on this machine already: not touching it" >&2
	exit 1
fi

# The tree as committed and as it stands (tracked files), without build output.
mkdir "$work/src"
(cd "$top" && git ls-files -z | tar --null -cf - -T -) | tar -xf - -C "$work/src"
(cd "$work/src" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1
check "dpkg-buildpackage -us -uc -b" "[[ -f $work/reboot-s390x_0.1.0_amd64.deb || -n \$(ls $work/reboot-s390x_*_*.deb 2>/dev/null) ]]" "$(tail -n 30 "$work/build.log")"
debs=("$work"/reboot-s390x_*.deb "$work"/reboot-s390x-boot_*_all.deb)
lintian --fail-on error "$work"/*.changes >"$work/lintian.log" 2>&1
rc=$?
check "lintian: no errors" "((rc == 0)) && ! grep -q '^E:' '$work/lintian.log'" "$(cat "$work/lintian.log")"
grep '^W:' "$work/lintian.log" | sed 's/^/     lintian /'

dpkg -c "${debs[0]}" >"$work/cli.list" 2>&1
dpkg -c "${debs[1]}" >"$work/boot.list" 2>&1
check "the CLI package holds the program, its man page, completion and unit" \
	"grep -q ' ./usr/sbin/reboot-s390x$' '$work/cli.list' && grep -q 'bash-completion/completions/reboot-s390x$' '$work/cli.list' && grep -q 'reboot-s390x-watch.service$' '$work/cli.list'" "$(cat "$work/cli.list")"
check "the boot package holds the s390x init, the payload and the dracut module" \
	"grep -q 'usr/lib/reboot-s390x/reboot-s390x-init$' '$work/boot.list' && grep -q 'reboot-s390x-payload.img$' '$work/boot.list' && grep -q 'modules.d/99reboot-s390x/module-setup.sh$' '$work/boot.list'" "$(cat "$work/boot.list")"

apt-get install -y -qq "${debs[@]}" >"$work/apt.log" 2>&1
check "apt-get install ./*.deb" "dpkg -s reboot-s390x reboot-s390x-boot >/dev/null 2>&1" "$(tail "$work/apt.log")"
files=$(dpkg -L reboot-s390x reboot-s390x-boot | sort -u)

# The installed commands, from a directory with no build tree in reach.
cd "$work"
check "reboot-s390x --version" "[[ \$(/usr/sbin/reboot-s390x --version) == 'reboot-s390x 0.1.0' ]]"
mkdir -m 0755 "$work/tftp"
check "pxe local into a scratch root" \
	"/usr/sbin/reboot-s390x pxe --root '$work/tftp' local 52:54:00:12:34:56 --method linux --target 'ccw 0.0.0002' >/dev/null 2>&1 && grep -q 'rd.chreipl=0.0.0002' '$work/tftp/pxelinux.cfg/01-52-54-00-12-34-56'"
/usr/sbin/reboot-s390x mkinitrd -o "$work/initrd.img" >/dev/null 2>&1
mkdir "$work/x"
(cd "$work/x" && zcat "$work/initrd.img" | cpio -id --quiet init 2>/dev/null)
check "mkinitrd uses the installed init" "cmp -s '$work/x/init' /usr/lib/reboot-s390x/reboot-s390x-init"
check "pxe setup copies the installed payload" \
	"/usr/sbin/reboot-s390x pxe --root '$work/tftp' setup >/dev/null 2>&1 && cmp -s '$work/tftp/reboot-s390x-payload.img' /usr/lib/reboot-s390x/reboot-s390x-payload.img"
check "man -w reboot-s390x" "[[ \$(man -w reboot-s390x 2>/dev/null) == /usr/share/man/man8/reboot-s390x.8* ]]"
moddir=$(pkg-config --variable=dracutmodulesdir dracut 2>/dev/null || echo /usr/lib/dracut/modules.d)
check "the dracut module is where dracut finds it, pointing at the installed init" \
	"grep -qx 'reboot_s390x_libdir=/usr/lib/reboot-s390x' '$moddir/99reboot-s390x/module-setup.sh'"
check "watch's unit is installed, not enabled" \
	"[[ -f /lib/systemd/system/reboot-s390x-watch.service && ! -e /etc/systemd/system/multi-user.target.wants/reboot-s390x-watch.service ]]"

apt-get purge -y -qq reboot-s390x reboot-s390x-boot >/dev/null 2>&1
left=""
while read -r f; do
	# (dpkg -L lists directories too, such as /lib, a symlink to usr/lib here)
	[[ ! -d $f ]] && [[ -f $f || -L $f ]] && left+="$f "
done <<<"$files"
check "apt-get purge leaves none of the packages' files" "[[ -z '$left' ]] && ! dpkg -s reboot-s390x >/dev/null 2>&1" "$left"
check "nor their directories" "[[ ! -e /usr/lib/reboot-s390x && ! -e $moddir/99reboot-s390x ]]"

summary
