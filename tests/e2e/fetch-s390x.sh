#!/usr/bin/env bash
# fetch-s390x.sh - download Debian s390x packages and unpack them, with a cache.
#
# Usage: tests/e2e/fetch-s390x.sh DEST PACKAGE[=PATH]...
#
# Uses apt with a private package list for the s390x architecture, so the machine's own
# apt configuration is not touched. Each package is unpacked (dpkg -x) into DEST/PACKAGE.
# The .debs are kept in $REBOOT_S390X_CACHE (default ~/.cache/reboot-s390x) so that only
# the first run downloads anything.
#
# PATH (a shell pattern, e.g. linux-image-s390x=boot/vmlinuz-*) is what the package is
# fetched for: a package without a matching file is refused, and its .deb leaves the cache,
# so one bad download cannot poison later runs. A package name may be a metapackage such as
# linux-image-s390x: its first dependency is followed to the real package.
#
# REBOOT_S390X_DEB_DIR names a folder of .debs looked in before the mirror (an offline
# copy; the tests use it to fetch again without downloading again).
#
# No pipeline here ends early: under pipefail a reader that quits first (grep -q, head) kills
# the writer with SIGPIPE and turns a success into a failure at random.
set -euo pipefail
dest=$1
shift
cache=${REBOOT_S390X_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reboot-s390x}
mkdir -p "$cache/debs" "$cache/lists/partial" "$cache/apt-cache" "$dest"
apt_opts=(-q -oAPT::Architecture=s390x -oAPT::Architectures=s390x
	"-oDir::State::Lists=$cache/lists" "-oDir::Cache=$cache/apt-cache" -oDebug::NoLocking=1
	-oAPT::Sandbox::User=root)

lists_fresh() {
	local found
	found=$(find "$cache/lists" -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null)
	[[ -n $found ]]
}
lists_fresh || apt-get "${apt_opts[@]}" update >/dev/null

# The package a metapackage stands for (linux-image-s390x -> linux-image-6.1.0-NN-s390x).
resolve() {
	local pkg=$1 deps dep
	if [[ $pkg == linux-image-s390x ]]; then
		deps=$(apt-cache "${apt_opts[@]}" depends "$pkg" 2>/dev/null) ||
			{ echo "fetch-s390x: apt-cache knows no $pkg" >&2; return 1; }
		dep=$(awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }' <<<"$deps")
		[[ -n $dep ]] || { echo "fetch-s390x: $pkg names no kernel package" >&2; return 1; }
		echo "$dep"
		return
	fi
	echo "$pkg"
}

# has_path DIR PATTERN: DIR holds a file matching PATTERN
has_path() {
	local f
	for f in "$1"/$2; do
		[[ -f $f ]] && return 0
	done
	return 1
}

cached_deb() {
	local f
	for f in "$cache/debs/$1"_*_s390x.deb "$cache/debs/$1"_*_all.deb; do
		[[ -f $f ]] && { echo "$f"; return 0; }
	done
	return 1
}

for spec in "$@"; do
	pkg=${spec%%=*} want=""
	[[ $spec == *=* ]] && want=${spec#*=}
	[[ -d $dest/$pkg ]] && continue
	real=$(resolve "$pkg")
	if ! deb=$(cached_deb "$real") && [[ -n ${REBOOT_S390X_DEB_DIR:-} ]]; then
		for f in "$REBOOT_S390X_DEB_DIR/$real"_*_s390x.deb "$REBOOT_S390X_DEB_DIR/$real"_*_all.deb; do
			[[ -f $f ]] && cp "$f" "$cache/debs/" && break
		done
	fi
	if ! deb=$(cached_deb "$real"); then
		(cd "$cache/debs" && apt-get "${apt_opts[@]}" download "$real" >/dev/null 2>&1) ||
			{ echo "fetch-s390x: cannot download $real" >&2; exit 1; }
		deb=$(cached_deb "$real") || { echo "fetch-s390x: no .deb for $real after download" >&2; exit 1; }
	fi
	rm -rf "$dest/$pkg.tmp"
	if ! dpkg -x "$deb" "$dest/$pkg.tmp"; then
		rm -f "$deb"
		echo "fetch-s390x: $deb is no Debian package; removed from the cache" >&2
		exit 1
	fi
	if [[ -n $want ]] && ! has_path "$dest/$pkg.tmp" "$want"; then
		rm -rf "$dest/$pkg.tmp"
		rm -f "$deb"
		echo "fetch-s390x: $(basename "$deb") has no $want (fetched for it); removed from the cache" >&2
		exit 1
	fi
	mv "$dest/$pkg.tmp" "$dest/$pkg"
done
