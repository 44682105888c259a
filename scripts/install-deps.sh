#!/usr/bin/env bash
# install-deps.sh: install the Debian packages the build and the tests need, when missing.
#
# Idempotent: a package already installed is not asked for again, and apt is not
# touched at all when everything is there. Needs root only when something is missing.
#
# Usage: scripts/install-deps.sh [build|check|e2e|libvirt|package]...   (default: build check)
set -euo pipefail

declare -A sets=(
	[build]="make gcc libc6-dev pkg-config gcc-s390x-linux-gnu libc6-dev-s390x-cross libarchive-dev libvirt-dev libselinux1-dev libxml2-dev libsmartcols-dev libsystemd-dev"
	[check]="libcmocka-dev libfuse3-dev fuse3 clang libclang-rt-14-dev bash-completion"
	[e2e]="qemu-system-misc cpio xorriso dracut-core bc debootstrap python3 openssl e2fsprogs"
	[package]="debhelper fakeroot lintian rpm rpm2cpio rpmlint file"
	[libvirt]="iproute2 libvirt-daemon libvirt-daemon-driver-qemu libvirt-daemon-system libvirt-daemon-system-sysv libvirt-clients dnsmasq-base"
)

want=()
for set in "${@:-build check}"; do
	for s in $set; do
		[[ -n ${sets[$s]+x} ]] || { echo "install-deps: unknown set '$s'" >&2; exit 1; }
		want+=(${sets[$s]})
	done
done

missing=()
for pkg in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$pkg")
done
((${#missing[@]} == 0)) && exit 0

if ((EUID != 0)); then
	echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
	exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
