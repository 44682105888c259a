#!/usr/bin/env bash
# s390x-guest.sh - run one emulated s390x guest that boots from the network, as a KVM
# guest under libvirt would: its only boot device is a virtio-net card, and QEMU's
# user-mode network serves DHCP and TFTP with boot file "/", so the firmware looks up
# pxelinux.cfg/<uuid>, 01-<mac>, ..., default in the TFTP tree.
#
# Usage: s390x-guest.sh --tftp DIR --console FILE [--mac MAC] [--uuid UUID]
#                       [--net DEVNO] [--disk FILE@DEVNO]... [--cd FILE@DEVNO]
#                       [--timeout SECONDS] [--kernel FILE --append TEXT]
#   --disk   a raw disk (512-byte blocks); --cd a disk with 2048-byte blocks, which the
#            firmware boots as El Torito. DEVNO is the device number, e.g. 0002.
#   --kernel starts FILE directly (qemu -kernel, with -append) instead of a network boot.
# Returns when QEMU exits (the guest powered off, or stopped in a disabled wait); exit
# status is QEMU's, or 124 when the time limit (default 120 s) ended it.
set -euo pipefail
tftp="" console="" mac=52:54:00:12:34:56 uuid="" net=0001 timeout=120 kernel="" append=""
devs=()
n=0
while (($#)); do
	case $1 in
	--tftp) tftp=$2 ;;
	--console) console=$2 ;;
	--mac) mac=$2 ;;
	--uuid) uuid=$2 ;;
	--net) net=$2 ;;
	--timeout) timeout=$2 ;;
	--kernel) kernel=$2 ;;
	--append) append=$2 ;;
	--disk | --cd)
		file=${2%@*} devno=${2##*@}
		blocks=""
		[[ $1 == --cd ]] && blocks=",logical_block_size=2048,physical_block_size=2048"
		devs+=(-drive "file=$file,format=raw,if=none,id=d$n"
			-device "virtio-blk-ccw,drive=d$n,devno=fe.0.$devno$blocks")
		n=$((n + 1))
		;;
	*) echo "s390x-guest: unknown option $1" >&2; exit 2 ;;
	esac
	shift 2
done
[[ -n $tftp && -n $console ]] || { echo "s390x-guest: --tftp and --console are required" >&2; exit 2; }
[[ -n $uuid ]] && devs+=(-uuid "$uuid")
bootindex=,bootindex=1
if [[ -n $kernel ]]; then
	devs+=(-kernel "$kernel" -append "$append")
	bootindex=""
fi
exec timeout "$timeout" qemu-system-s390x -M s390-ccw-virtio -m 512 -nographic \
	-no-user-config -nodefaults -serial none -chardev "file,id=c0,path=$console" \
	-device sclpconsole,chardev=c0 \
	-netdev "user,id=n0,tftp=$tftp,bootfile=/" \
	-device "virtio-net-ccw,netdev=n0,mac=$mac,devno=fe.0.$net$bootindex" \
	"${devs[@]}" </dev/null >/dev/null 2>&1
