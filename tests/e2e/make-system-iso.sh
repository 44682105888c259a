#!/usr/bin/env bash
# make-system-iso.sh - the "installed system" of the tests and the demo: a disk image the
# s390x firmware boots (El Torito, 2048-byte blocks) whose kernel runs a stand-in /init
# that prints a line and powers off.
#
# Usage: make-system-iso.sh REBOOT-S390X STAND-IN-INIT KERNEL OUT.iso [EXTRA-ARGS]
#   EXTRA-ARGS are added to the system's kernel command line (e2e.reboot: it reboots).
set -euo pipefail
cli=$1 init=$2 kernel=$3 out=$4 extra=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/iso"
"$cli" mkinitrd --init "$init" -o "$tmp/initrd.img"
"$here/make-boot-image.py" "$kernel" "$tmp/initrd.img" "console=ttysclp0 quiet${extra:+ $extra}" "$tmp/iso/boot.img"
xorriso -as mkisofs -quiet -o "$out" -b boot.img -no-emul-boot "$tmp/iso" 2>/dev/null
