#!/usr/bin/env bash
# test-install.sh - `make install DESTDIR= PREFIX=` puts one copy of every file where it
# belongs (dracut's module where dracut looks), compiles in the install's own PREFIX, the
# installed reboot-s390x finds the installed init, and `make uninstall` removes exactly
# what install wrote.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
dest=$(mktemp -d)
trap 'rm -rf "$dest"; make -C "$top" --no-print-directory -s all >/dev/null 2>&1' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

make -C "$top" --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr \
	BASHCOMPDIR=/usr/share/bash-completion/completions >/dev/null || {
	echo "FAIL: make install"
	echo "0 passed, 1 failed"
	exit 1
}
expected="usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh
usr/lib/reboot-s390x/reboot-s390x-init
usr/lib/reboot-s390x/reboot-s390x-payload.img
usr/lib/systemd/system/reboot-s390x-watch.service
usr/sbin/reboot-s390x
usr/share/bash-completion/completions/reboot-s390x
usr/share/man/man8/reboot-s390x-init.8
usr/share/man/man8/reboot-s390x.8"
got=$(cd "$dest" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
[[ $got == "$expected" ]] && ok || bad "the installed files (one copy each) are not as expected:
$(diff <(echo "$expected") <(echo "$got"))"
for f in usr/sbin/reboot-s390x usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh \
	usr/lib/reboot-s390x/reboot-s390x-init; do
	[[ -x $dest/$f ]] && ok || bad "$f not executable"
done
# The compiled-in path is the install's, not the build's default /usr/local.
if strings "$dest/usr/sbin/reboot-s390x" | grep -qx '/usr/lib/reboot-s390x' &&
	! strings "$dest/usr/sbin/reboot-s390x" | grep -q '/usr/local/lib/reboot-s390x'; then
	ok
else
	bad "the installed program does not carry PREFIX=/usr's library path"
fi
# The dracut module takes the installed init, which it does not carry itself.
grep -qx 'reboot_s390x_libdir=/usr/lib/reboot-s390x' \
	"$dest/usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh" && ok ||
	bad "the dracut module does not point at the installed init"
# watch's unit runs the installed program.
if grep -qx 'ExecStart=/usr/sbin/reboot-s390x watch --syslog' "$dest/usr/lib/systemd/system/reboot-s390x-watch.service"; then
	ok
else
	bad "the watch unit does not run /usr/sbin/reboot-s390x watch --syslog"
fi
# What verify may say of a staged install: the program and man page are not in /usr yet.
if command -v systemd-analyze >/dev/null; then
	if systemd-analyze verify "$dest/usr/lib/systemd/system/reboot-s390x-watch.service" 2>&1 |
		grep -v -e 'is not executable' -e "Command 'man reboot-s390x(8)'" | grep -q .; then
		bad "systemd-analyze verify complains about the unit"
	else
		ok
	fi
fi
# Without --init, the installed mkinitrd takes the init installed beside it.
mkdir "$dest/x" && (cd "$dest/x" && "$dest/usr/sbin/reboot-s390x" mkinitrd -o "$dest/x/img" &&
	zcat "$dest/x/img" | cpio -id --quiet init)
cmp -s "$dest/x/init" "$dest/usr/lib/reboot-s390x/reboot-s390x-init" && ok ||
	bad "the installed mkinitrd does not default to the installed init"
rm -rf "$dest/x"
# uninstall removes every file install wrote, and the directories that were only ours.
make -C "$top" --no-print-directory -s uninstall DESTDIR="$dest" PREFIX=/usr \
	BASHCOMPDIR=/usr/share/bash-completion/completions >/dev/null || bad "make uninstall"
left=$(cd "$dest" && find . -type f)
[[ -z $left ]] && ok || bad "make uninstall left: $left"
[[ ! -e $dest/usr/lib/reboot-s390x && ! -e $dest/usr/lib/dracut/modules.d/99reboot-s390x ]] && ok ||
	bad "make uninstall left our directories"
printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
