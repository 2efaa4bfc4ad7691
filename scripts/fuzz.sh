#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-15, ASan + UBSan) into build-fuzz/, replays every input of
# tests/fuzz/corpus/<target>/, then fuzzes each target for a bounded time. Exits 1 if any input
# crashes, hangs or fails a check, printing the path of each culprit. New corpus entries go to a
# temporary folder, never into the repository.
#
#   scripts/fuzz.sh                  # every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh schema pattern
#   FUZZ_SECONDS=0 scripts/fuzz.sh   # replay only
#   FUZZ_RUNS=20000 FUZZ_SEED=1 scripts/fuzz.sh   # a fixed number of runs from a fixed seed:
#                                    # the same inputs every time (what CI runs), so a passing
#                                    # commit cannot fail later by luck; longer campaigns use time
#
# Needs clang-15 and libfuzzer-15-dev (scripts/install-deps.sh installs both).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPILLWAY_FUZZ_BUILD_DIR:-$here/build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"
runs="${FUZZ_RUNS:-}"
seed="${FUZZ_SEED:-0}" # 0: libFuzzer picks one
jobs="${FUZZ_BUILD_JOBS:-$(nproc)}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(schema pattern csv conninfo import)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-15 -DSPILLWAY_FUZZ=ON "${launcher[@]}" >/dev/null || exit 1
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}" || exit 1

for symbolizer in llvm-symbolizer-15 /usr/lib/llvm-15/bin/llvm-symbolizer llvm-symbolizer; do
    if command -v "$symbolizer" >/dev/null; then
        export ASAN_SYMBOLIZER_PATH="$(command -v "$symbolizer")"
        break
    fi
done
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/spillway-fuzz.XXXXXX")"
echo "fuzz: work folder $work (new corpus entries, crash artifacts, logs)"
limits=(-rss_limit_mb=2048 -timeout=10)
failed=()

options_for() { # extra libFuzzer options per target
    case "$1" in
    schema) echo "-dict=$here/tests/fuzz/schema.dict -max_len=16384" ;;
    import) echo "-dict=$here/tests/fuzz/import.dict -max_len=4096" ;;
    *) echo "" ;;
    esac
}

for t in "${targets[@]}"; do
    binary="$build/tests/fuzz/fuzz_$t"
    corpus="$here/tests/fuzz/corpus/$t"
    # 1. Replay: every input on its own, so that every culprit is named.
    for input in "$corpus"/*; do
        if ! "$binary" "${limits[@]}" -runs=1 "$input" >"$work/replay.log" 2>&1; then
            echo "fuzz: FAILED replay of $input (fuzz_$t):"
            grep -E "ERROR|check failed|runtime error|SUMMARY" "$work/replay.log" | head -5
            failed+=("$input")
        fi
    done
    echo "fuzz: fuzz_$t replayed $(ls "$corpus" | wc -l) input(s)"
    [ -n "$runs" ] || [ "$seconds" -gt 0 ] || continue
    # 2. Fuzz for a bounded time (or number of runs); new entries land in $work/corpus-$t.
    mkdir -p "$work/corpus-$t" "$work/artifacts-$t"
    bound=(-max_total_time="$seconds")
    [ -n "$runs" ] && bound=(-runs="$runs")
    # shellcheck disable=SC2046
    "$binary" "${limits[@]}" "${bound[@]}" -seed="$seed" -print_final_stats=1 \
        -artifact_prefix="$work/artifacts-$t/" $(options_for "$t") \
        "$work/corpus-$t" "$corpus" >"$work/fuzz-$t.log" 2>&1
    status=$?
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec)|DONE" "$work/fuzz-$t.log" |
        sed "s/^/fuzz: fuzz_$t /"
    found=0
    for artifact in "$work/artifacts-$t"/*; do
        [ -e "$artifact" ] || continue
        found=$((found + 1))
        echo "fuzz: FAILED fuzz_$t on $artifact (log: $work/fuzz-$t.log)"
        grep -E "ERROR|check failed|runtime error|SUMMARY" "$work/fuzz-$t.log" | head -5
        failed+=("$artifact")
    done
    if [ $status -ne 0 ] && [ $found -eq 0 ]; then
        echo "fuzz: fuzz_$t exited with $status (log: $work/fuzz-$t.log)"
        failed+=("fuzz_$t")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} failure(s):"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
echo "fuzz: no failures"
