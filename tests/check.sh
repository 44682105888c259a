# check.sh - the bookkeeping every shell suite shares; sourced, not run.
#
# One output format, read by tests/runner.sh:
#   PASS NAME
#   FAIL NAME            followed by "  | " lines of details
#   SKIP NAME: REASON
#   N passed, M failed, K skipped      (the last line, from summary)
#
#   check NAME EXPR [DETAILS]   EXPR is evaluated in a subshell; PASS or FAIL NAME
#   ok NAME                     a check the caller decided passed
#   fail NAME [DETAILS]         ... failed. DETAILS (else $CHECK_DETAILS) is shown: the
#                               last 25 lines of it when it names a file, else the text
#   skip NAME REASON            a check that could not run here, and why
#   summary                     the closing line; its status is the verdict: 1 when a
#                               check failed or when nothing was checked at all
# CHECK_PREFIX goes before every name (a lane, say).
passed=0 failed=0 skipped=0
CHECK_PREFIX=${CHECK_PREFIX:-}
CHECK_DETAILS=${CHECK_DETAILS:-}

ok() {
	passed=$((passed + 1))
	printf 'PASS %s%s\n' "$CHECK_PREFIX" "$1"
}

fail() {
	local details=${2-$CHECK_DETAILS}

	failed=$((failed + 1))
	printf 'FAIL %s%s\n' "$CHECK_PREFIX" "$1"
	if [[ -n $details && $details != *$'\n'* && -f $details ]]; then
		tail -n 25 -- "$details" | sed 's/^/  | /'
	elif [[ -n $details ]]; then
		printf '%s\n' "$details" | sed 's/^/  | /'
	fi
	return 0
}

skip() {
	skipped=$((skipped + 1))
	printf 'SKIP %s%s: %s\n' "$CHECK_PREFIX" "$1" "${2:?skip needs a reason}"
}

# The subshell is not for speed: an expression that fails to parse (an unclosed [[, say)
# leaves bash's parser in a state that breaks the next eval; in its own process it cannot.
check() {
	if (eval "$2"); then
		ok "$1"
	else
		fail "$1" "${3:-}"
	fi
}

summary() {
	((passed + failed + skipped == 0)) && fail "no check ran"
	printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
	((failed == 0))
}

# A suite stopped by a signal (the runner's time limit) still runs its EXIT trap, which
# stops the guests and daemons it started.
trap 'exit 143' TERM
trap 'exit 130' INT
