#!/bin/bash
# replay.sh - replay each fuzzer's corpus, then fuzz it for a while.
#
# Usage: tests/fuzz/replay.sh [--time SECONDS | --runs N] [--keep DIR] NAME...
# NAME is a harness, tests/fuzz/fuzz_NAME.c, built as build/fuzz/fuzz_NAME. Its corpus,
# tests/fuzz/corpus/NAME/ (seeds taken from the tests, and every past finding), is first
# run input by input; then libFuzzer mutates it, in a scratch copy, or in DIR/NAME with
# --keep (make fuzz), so the tree's corpus only grows by hand. --time: for SECONDS with
# a random seed (make fuzz); --runs: N inputs from seed 1, the same ones every time
# (make check: a test must not pass or fail by chance).
# A crash, a sanitizer report or a leak fails the run and names the input that caused it:
# fix the code, add the input to the corpus and a unit test for it.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=5 runs="" keep=
while (($#)); do
	case $1 in
	--time) seconds=$2 && shift 2 ;;
	--runs) runs=$2 && shift 2 ;;
	--keep) keep=$2 && shift 2 ;;
	*) break ;;
	esac
done
(($#)) || { echo "usage: replay.sh [--time SECONDS | --runs N] [--keep DIR] NAME..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$top/tests/check.sh"
budget=(-max_total_time="$seconds")
[[ -n $runs ]] && budget=(-runs="$runs" -seed=1)

for name in "$@"; do
	fuzzer=$top/build/fuzz/fuzz_$name
	seeds=$top/tests/fuzz/corpus/$name
	[[ -x $fuzzer ]] || { echo "replay.sh: $fuzzer is not built (make fuzzers)" >&2; exit 1; }
	[[ -d $seeds ]] || { echo "replay.sh: no corpus $seeds" >&2; exit 1; }
	corpus=${keep:+$keep/$name}
	corpus=${corpus:-$work/$name}
	mkdir -p "$corpus" "$work/artifacts"
	extra=()
	# The payload is a real static s390x ELF: a seed the ELF check must accept.
	[[ $name == elf && -f $top/build/s390x/reboot-s390x-payload.elf ]] &&
		extra+=("$top/build/s390x/reboot-s390x-payload.elf")

	if ! "$fuzzer" -artifact_prefix="$work/artifacts/$name-" "$seeds"/* "${extra[@]}" \
		>"$work/log" 2>&1; then
		fail "fuzz_$name: replaying tests/fuzz/corpus/$name" "$(tail -40 "$work/log")"
		continue
	fi
	# -timeout: one input taking 10 s is a finding too (a parser must never hang); not less,
	# so that a shared, loaded machine pausing the process is not taken for a hang.
	ok "fuzz_$name: corpus replayed ($(ls "$seeds" | wc -l) inputs)"
	if ! timeout $((seconds + 600)) "$fuzzer" "${budget[@]}" -timeout=10 \
		-max_len=4096 -artifact_prefix="$work/artifacts/$name-" -print_final_stats=1 \
		"$corpus" "$seeds" >"$work/log" 2>&1; then
		details=$(tail -40 "$work/log"
			for a in "$work/artifacts"/$name-*; do [[ -f $a ]] && od -c "$a" | head -20; done)
		fail "fuzz_$name: a finding (the input: $(ls "$work/artifacts"/$name-* 2>/dev/null | head -1))" "$details"
		continue
	fi
	done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
	ok "fuzz_$name: ${done_runs:-?} runs${runs:+ from seed 1}, no finding"
done
summary
