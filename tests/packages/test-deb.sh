#!/usr/bin/env bash
# test-deb.sh - the Debian packages: dpkg-buildpackage builds them from a copy of the
# tree, lintian finds no error, apt installs them into a throw-away Debian root (this
# machine's own packages are never touched), the installed commands work there on their
# own, and apt-get purge leaves nothing behind. Needs root (debootstrap, chroot) and
# scripts/install-deps.sh package. KEEP=1 keeps the work directory.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/reboot-s390x-deb.XXXXXX)
. "$top/tests/check.sh"
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
# (lintian leaves its ELF caches, mldbm-elf-*, in the temporary folder: this one)
mkdir "$work/tmp"
export TMPDIR=$work/tmp
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")

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

# A Debian root of this machine's release with the packages' dependencies already in it
# (made once, then copied), so the test installs from this build and downloads nothing.
deps=$(for d in "${debs[@]}"; do dpkg-deb -f "$d" Depends; done | tr ',' '\n' |
	sed -E 's/\|.*//; s/\(.*\)//; s/ //g' | grep -v '^reboot-s390x' | grep . | sort -u)
root=$work/root
# shellcheck disable=SC2086 # one word per package
"$top/scripts/debian-root.sh" copy "$suite" "$root" $deps >"$work/root.log" 2>&1
check "a throw-away $suite root" "[[ -x '$root/usr/bin/dpkg' ]]" "$work/root.log"
[[ -x $root/usr/bin/dpkg ]] || { summary; exit 1; }
in_root() { "$top/scripts/debian-root.sh" run "$root" "$@"; }
mkdir "$root/debs"
cp "${debs[@]}" "$root/debs/"
# The maintainer scripts talk to systemd only where it runs (/run/systemd/system): a
# systemctl of the test's own stands in for it, logs every call and answers is-enabled
# and is-active from /systemd-state ("enabled", "running").
# (systemd itself is not in the root: the recording systemctl takes its place in /usr/bin)
[[ ! -e $root/usr/bin/systemctl ]] || { fail "the throw-away root has systemd: no room for the recording systemctl"; summary; exit 1; }
mkdir -p "$root/run/systemd/system"
cat >"$root/usr/bin/systemctl" <<'EOF_SYSTEMCTL'
#!/bin/sh
echo "systemctl $*" >>/systemctl.log
state=$(cat /systemd-state 2>/dev/null)
case " $* " in
*" is-enabled "*) case $state in *enabled*) echo enabled; exit 0 ;; *) echo disabled; exit 1 ;; esac ;;
*" is-active "*) case $state in *running*) exit 0 ;; *) exit 3 ;; esac ;;
esac
exit 0
EOF_SYSTEMCTL
chmod 0755 "$root/usr/bin/systemctl"
# calls: the systemctl calls on watch's unit logged since the log was last emptied
calls() { grep -E "(start|stop|restart|enable|disable).*reboot-s390x-watch" "$root/systemctl.log" 2>/dev/null; }
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /debs/*.deb' >"$work/apt.log" 2>&1
check "apt-get install ./*.deb" "in_root dpkg -s reboot-s390x reboot-s390x-boot >/dev/null 2>&1" "$work/apt.log"
check "a first install neither enables nor starts watch" '! calls | grep -Eq " (start|restart|enable) "' "$(calls)"

# An upgrade (the same build installed again: dpkg runs the upgrade's scripts) while
# the admin runs watch: it runs again afterwards, or entries stop turning local.
: >"$root/systemctl.log"
echo "enabled running" >"$root/systemd-state"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall /debs/reboot-s390x_*.deb' \
	>"$work/upgrade.log" 2>&1
check "an upgrade restarts a running watch, and leaves it running" \
	'calls | grep -q " restart reboot-s390x-watch.service" && ! calls | grep -q " stop "' "$(calls; tail -5 "$work/upgrade.log")"
: >"$root/systemctl.log"
echo "running" >"$root/systemd-state"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall /debs/reboot-s390x_*.deb' \
	>"$work/upgrade.log" 2>&1
check "the same when the admin started it without enabling it" \
	'calls | grep -q " restart reboot-s390x-watch.service"' "$(calls)"
: >"$root/systemctl.log"
echo "" >"$root/systemd-state"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall /debs/reboot-s390x_*.deb' \
	>"$work/upgrade.log" 2>&1
check "an upgrade starts no watch that was neither enabled nor running" \
	'! calls | grep -Eq " (start|restart) reboot-s390x-watch"' "$(calls)"
echo "enabled running" >"$root/systemd-state"
files=$(in_root dpkg -L reboot-s390x reboot-s390x-boot | sort -u)

# The installed commands, inside the root: no build tree in reach.
check "reboot-s390x --version" "[[ \$(in_root /usr/sbin/reboot-s390x --version) == 'reboot-s390x 0.1.0' ]]"
mkdir -m 0755 "$root/tftp"
check "pxe local into a scratch root" \
	"in_root /usr/sbin/reboot-s390x pxe --root /tftp local 52:54:00:12:34:56 --method linux --target 'ccw 0.0.0002' >/dev/null 2>&1 && grep -q 'rd.chreipl=0.0.0002' '$root/tftp/pxelinux.cfg/01-52-54-00-12-34-56'"
in_root /usr/sbin/reboot-s390x mkinitrd -o /initrd.img >/dev/null 2>&1
mkdir "$work/x"
(cd "$work/x" && zcat "$root/initrd.img" | cpio -id --quiet init 2>/dev/null)
check "mkinitrd uses the installed init" "cmp -s '$work/x/init' '$root/usr/lib/reboot-s390x/reboot-s390x-init'"
check "pxe setup copies the installed payload" \
	"in_root /usr/sbin/reboot-s390x pxe --root /tftp setup >/dev/null 2>&1 && cmp -s '$root/tftp/reboot-s390x-payload.img' '$root/usr/lib/reboot-s390x/reboot-s390x-payload.img'"
check "the man pages are installed" \
	"[[ -f '$root/usr/share/man/man8/reboot-s390x.8.gz' && -f '$root/usr/share/man/man8/reboot-s390x-init.8.gz' ]]"
moddir=/usr/lib/dracut/modules.d
check "the dracut module is where dracut finds it, pointing at the installed init" \
	"grep -qx 'reboot_s390x_libdir=/usr/lib/reboot-s390x' '$root$moddir/99reboot-s390x/module-setup.sh'"
check "watch's unit is installed, not enabled" \
	"[[ -f '$root/lib/systemd/system/reboot-s390x-watch.service' && ! -e '$root/etc/systemd/system/multi-user.target.wants/reboot-s390x-watch.service' ]]"

: >"$root/systemctl.log"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq reboot-s390x reboot-s390x-boot' \
	>"$work/purge.log" 2>&1
check "removal stops watch" 'calls | grep -q " stop reboot-s390x-watch.service"' "$(calls)"
left=""
while read -r f; do
	# (dpkg -L lists directories too, such as /lib, a symlink to usr/lib here)
	[[ ! -d $root$f ]] && [[ -f $root$f || -L $root$f ]] && left+="$f "
done <<<"$files"
check "apt-get purge leaves none of the packages' files" \
	"[[ -n '$files' && -z '$left' ]] && ! in_root dpkg -s reboot-s390x >/dev/null 2>&1" "$left"
check "nor their directories" "[[ ! -e '$root/usr/lib/reboot-s390x' && ! -e '$root$moddir/99reboot-s390x' ]]"

summary
