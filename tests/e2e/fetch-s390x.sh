#!/usr/bin/env bash
# fetch-s390x.sh - download Debian s390x packages and unpack them, with a cache.
#
# Usage: tests/e2e/fetch-s390x.sh DEST PACKAGE...
#
# Uses apt with a private package list for the s390x architecture, so the machine's own
# apt configuration is not touched. Each package is unpacked (dpkg -x) into DEST/PACKAGE.
# The .debs are kept in $REBOOT_S390X_CACHE (default ~/.cache/reboot-s390x) so that only
# the first run downloads anything. A package name may be a metapackage such as
# linux-image-s390x: its first dependency is followed to the real package.
set -euo pipefail
dest=$1
shift
cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}
mkdir -p "$cache/debs" "$cache/lists/partial" "$cache/apt-cache" "$dest"
apt_opts=(-q -oAPT::Architecture=s390x -oAPT::Architectures=s390x
	"-oDir::State::Lists=$cache/lists" "-oDir::Cache=$cache/apt-cache" -oDebug::NoLocking=1
	-oAPT::Sandbox::User=root)

lists_fresh() {
	[[ -n $(find "$cache/lists" -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null) ]]
}
lists_fresh || apt-get "${apt_opts[@]}" update >/dev/null

# The package a metapackage stands for (linux-image-s390x -> linux-image-6.1.0-NN-s390x).
resolve() {
	local pkg=$1 dep
	if apt-cache "${apt_opts[@]}" show "$pkg" 2>/dev/null | grep -q '^Filename:'; then
		dep=$(apt-cache "${apt_opts[@]}" depends "$pkg" 2>/dev/null |
			awk '/Depends:/ {print $2; exit}')
		if [[ $pkg == linux-image-s390x && -n $dep ]]; then
			echo "$dep"
			return
		fi
	fi
	echo "$pkg"
}

for pkg in "$@"; do
	real=$(resolve "$pkg")
	[[ -d $dest/$pkg ]] && continue
	deb=$(ls "$cache/debs/${real}"_*_s390x.deb "$cache/debs/${real}"_*_all.deb 2>/dev/null | head -n 1 || true)
	if [[ -z $deb ]]; then
		(cd "$cache/debs" && apt-get "${apt_opts[@]}" download "$real" >/dev/null 2>&1) ||
			{ echo "fetch-s390x: cannot download $real" >&2; exit 1; }
		deb=$(ls "$cache/debs/${real}"_*.deb | head -n 1)
	fi
	dpkg -x "$deb" "$dest/$pkg.tmp"
	mv "$dest/$pkg.tmp" "$dest/$pkg"
done
