#!/usr/bin/env bash
# Soak test: the suite must pass every time, also on a busy machine.
#
# Keeps one core busy (python3 -c 'while True: pass', stopped on exit), runs
# the real-terminal test files (every tests/test_*.py that uses tests/tmux.py)
# --tmux-runs times in a row, then the whole suite --suite-runs times in a row,
# Hypothesis derandomized (HYPOTHESIS_PROFILE=ci) as in CI. Stops at the first
# failed run and shows the end of its output. Prints one line per run as it
# goes, then a table of runs passed and failed and wall times.
#
#   scripts/soak.sh                                 # 20 + 3 runs, about 45 minutes
#   scripts/soak.sh --tmux-runs 5 --suite-runs 1    # a shorter soak
#
# Each run's output is kept in a temporary folder, named at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

tmux_runs=20
suite_runs=3
while (($#)); do
    case $1 in
        --tmux-runs) tmux_runs=${2:?--tmux-runs needs a number}; shift 2 ;;
        --suite-runs) suite_runs=${2:?--suite-runs needs a number}; shift 2 ;;
        -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        *) echo "soak.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for count in "$tmux_runs" "$suite_runs"; do
    [[ $count =~ ^[0-9]+$ ]] || { echo "soak.sh: run counts are whole numbers, not '$count'" >&2; exit 2; }
done

mapfile -t tmux_files < <(grep -l "from tests.tmux import" tests/test_*.py)
logs=$(mktemp -d "${TMPDIR:-/tmp}/hadath-soak-XXXXXX")
export UV_PYTHON_DOWNLOADS=never HYPOTHESIS_PROFILE=ci

python3 -c 'while True: pass' &
busy=$!
trap 'kill "$busy" 2>/dev/null || true' EXIT

times="$logs/times"  # one line per run: phase, result, seconds
: >"$times"

# run PHASE NUMBER ARGS...: one pytest run; prints its line; returns pytest's status.
run() {
    local phase=$1 number=$2 started seconds status=0 result
    shift 2
    local log="$logs/$phase-$number.log"
    started=$EPOCHREALTIME
    uv run pytest -q -p no:cacheprovider "$@" >"$log" 2>&1 || status=$?
    seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    result=$(grep -E '(passed|failed|error)' "$log" | tail -1 | tr -d '=' | xargs || true)
    if ((status == 0)); then
        echo "$phase passed $seconds" >>"$times"
        printf '%-6s %3d  %-4s %8s s  %s\n' "$phase" "$number" ok "$seconds" "$result"
    else
        echo "$phase failed $seconds" >>"$times"
        printf '%-6s %3d  %-4s %8s s  %s\n' "$phase" "$number" FAIL "$seconds" "${result:-exit $status}"
        echo "--- end of $log ---"
        tail -40 "$log"
    fi
    return "$status"
}

summary() {
    echo
    awk '
        BEGIN { printf "%-6s %6s %6s %6s %9s %9s %9s\n", "phase", "runs", "passed", "failed", "min s", "max s", "total s" }
        { runs[$1]++; count[$1, $2]++; total[$1] += $3
          if (!($1 in min) || $3 < min[$1]) min[$1] = $3
          if (!($1 in max) || $3 > max[$1]) max[$1] = $3 }
        END { split("tmux suite", phases, " ")
              for (i = 1; i <= 2; i++) { p = phases[i]
                  if (p in runs) printf "%-6s %6d %6d %6d %9.1f %9.1f %9.1f\n", p, runs[p], count[p, "passed"], count[p, "failed"], min[p], max[p], total[p]
                  else printf "%-6s %6d %6d %6d %9s %9s %9s\n", p, 0, 0, 0, "-", "-", "-" } }
    ' "$times"
    echo "one core kept busy; Hypothesis profile ci; logs in $logs"
}

echo "tmux files: ${tmux_files[*]}"
echo "$tmux_runs runs of the tmux files, then $suite_runs runs of the whole suite; $(nproc) cores, one kept busy"
printf '%-6s %3s  %-4s %10s  %s\n' phase run res wall pytest
status=0
for ((i = 1; i <= tmux_runs; i++)); do
    run tmux "$i" "${tmux_files[@]}" || { status=1; break; }
done
if ((status == 0)); then
    for ((i = 1; i <= suite_runs; i++)); do
        run suite "$i" || { status=1; break; }
    done
fi
summary
exit "$status"
