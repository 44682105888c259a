# check.sh - the PASS/FAIL bookkeeping of the shell tests; sourced, not run.
#
#   check NAME EXPR [DETAILS]   EXPR is evaluated; PASS or FAIL NAME. On a failure DETAILS
#                               (else $CHECK_DETAILS) is shown: the last 25 lines of it when
#                               it names a file, otherwise the text itself
#   ok NAME, bad NAME [DETAILS] the same, decided by the caller
#   summary                     prints "N passed, M failed"; its status is the verdict
# CHECK_PREFIX goes before every name (a lane, say).
passed=0 failed=0
CHECK_PREFIX=${CHECK_PREFIX:-}
CHECK_DETAILS=${CHECK_DETAILS:-}

ok() {
	passed=$((passed + 1))
	printf 'PASS %s%s\n' "$CHECK_PREFIX" "$1"
}

bad() {
	local details=${2:-$CHECK_DETAILS}

	failed=$((failed + 1))
	printf 'FAIL %s%s\n' "$CHECK_PREFIX" "$1"
	if [[ -n $details && -f $details ]]; then
		tail -n 25 -- "$details" | sed 's/^/  | /'
	elif [[ -n $details ]]; then
		printf '%s\n' "$details" | sed 's/^/  | /'
	fi
	return 0
}

# The subshell is not for speed: an expression that fails to parse (an unclosed [[, say)
# leaves bash's parser in a state that breaks the next eval; in its own process it cannot.
check() {
	if (eval "$2"); then
		ok "$1"
	else
		bad "$1" "${3:-}"
	fi
}

summary() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	((failed == 0))
}
