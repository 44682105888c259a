#!/bin/bash
# test-layout.sh - the library's rooms and the arrows between them, as HACKING.md draws
# them: lib/reipl <- lib/initrd <- lib/pxe <- lib/virt <- cli. A room includes only the
# rooms below it; only lib/virt (and the commands) call libvirt; nothing in lib/ prints to
# stdout. Read from the sources and from the built objects (undefined symbols).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top/build}/host
. "$top/tests/check.sh"

declare -A below=([reipl]="reipl" [initrd]="initrd reipl" [pxe]="pxe initrd reipl"
	[virt]="virt pxe initrd reipl")

for room in reipl initrd pxe virt; do
	for f in "$top"/lib/$room/*.[ch]; do
		name=lib/$room/$(basename "$f")
		bad=""
		while read -r inc; do
			[[ " ${below[$room]} " == *" ${inc%%/*} "* ]] || bad+=" $inc"
		done < <(sed -n 's/^#include "\([a-z]*\/[^"]*\)".*/\1/p' "$f")
		if [[ -z $bad ]]; then
			ok "$name includes only rooms below it"
		else
			fail "$name includes from above:$bad"
		fi
	done
done

# libvirt's API and headers stay in lib/virt; no room prints.
for room in reipl initrd pxe virt; do
	if [[ $room == virt ]]; then
		:
	elif grep -l '#include <libvirt/' "$top"/lib/$room/*.[ch] >/dev/null 2>&1; then
		fail "lib/$room includes libvirt's headers" "$(grep -l '#include <libvirt/' "$top"/lib/$room/*.[ch])"
	else
		ok "lib/$room does not include libvirt's headers"
	fi
	objs=()
	for f in "$top"/lib/$room/*.c; do
		objs+=("$build/lib/$room/$(basename "${f%.c}").o")
	done
	if ! ls "${objs[@]}" >/dev/null 2>&1; then
		fail "lib/$room is built (make first)"
		continue
	fi
	calls=$(nm -u "${objs[@]}" | grep -E ' U vir[A-Z]' | sort -u)
	if [[ $room == virt ]]; then
		:
	elif [[ -z $calls ]]; then
		ok "lib/$room's objects call nothing of libvirt"
	else
		fail "lib/$room's objects call libvirt" "$calls"
	fi
	# (a printer may write to a stream its caller hands it: stdout is the caller's word)
	out=$(nm -u "${objs[@]}" | grep -E ' U (stdout|stderr|printf|puts|putchar|vprintf|perror)$' | sort -u)
	if [[ -z $out ]]; then
		ok "lib/$room prints nothing itself"
	else
		fail "lib/$room prints" "$out"
	fi
done

summary
