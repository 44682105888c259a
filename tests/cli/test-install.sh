#!/usr/bin/env bash
# test-install.sh - `make install DESTDIR= PREFIX=` puts every file where it belongs, and
# the installed reboot-s390x finds the installed init by default.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
passed=0 failed=0

make -C "$top" --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr >/dev/null || {
	echo "FAIL: make install"
	echo "0 passed, 1 failed"
	exit 1
}
for f in usr/sbin/reboot-s390x usr/lib/reboot-s390x/reboot-s390x-init \
	usr/lib/reboot-s390x/reboot-s390x-payload.img \
	usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh \
	usr/lib/dracut/modules.d/99reboot-s390x/reboot-s390x-init \
	usr/share/man/man8/reboot-s390x.8 usr/share/man/man8/reboot-s390x-init.8 \
	usr/lib/systemd/system/reboot-s390x-watch.service; do
	if [[ -f $dest/$f ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: no $f"; fi
done
for f in usr/sbin/reboot-s390x usr/lib/dracut/modules.d/99reboot-s390x/module-setup.sh; do
	if [[ -x $dest/$f ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $f not executable"; fi
done
# watch's unit runs the installed program.
if grep -qx 'ExecStart=/usr/sbin/reboot-s390x watch --syslog' "$dest/usr/lib/systemd/system/reboot-s390x-watch.service"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL: the watch unit does not run /usr/sbin/reboot-s390x watch --syslog"
fi
# What verify may say of a staged install: the program and man page are not in /usr yet.
if command -v systemd-analyze >/dev/null; then
	if systemd-analyze verify "$dest/usr/lib/systemd/system/reboot-s390x-watch.service" 2>&1 |
		grep -v -e 'is not executable' -e "Command 'man reboot-s390x(8)'" | grep -q .; then
		failed=$((failed + 1))
		echo "FAIL: systemd-analyze verify complains about the unit"
	else
		passed=$((passed + 1))
	fi
fi
# Without --init, the installed mkinitrd takes the init installed beside it.
mkdir "$dest/x" && (cd "$dest/x" && "$dest/usr/sbin/reboot-s390x" mkinitrd -o "$dest/x/img" &&
	zcat "$dest/x/img" | cpio -id --quiet init)
if cmp -s "$dest/x/init" "$dest/usr/lib/reboot-s390x/reboot-s390x-init"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL: the installed mkinitrd does not default to the installed init"
fi
printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
