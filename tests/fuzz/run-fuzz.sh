#!/usr/bin/env bash
# Usage: run-fuzz.sh <target> <seconds> [--binary <fuzzer>] [--work-dir <dir>] [-- <libFuzzer args>]
#
# Without --binary: configures a separate clang build (build-fuzz/ beside the sources, or
# $CALLBOARD_FUZZ_BUILD_DIR) with -DCALLBOARD_BUILD_FUZZ=ON and builds <target>.
# Then builds the seed corpus from the official-SDK fixtures (make-corpus.sh; hook requests for
# fuzz_hook_request, the repository's scenarios for fuzz_scenario_parser) plus the regression
# inputs in tests/fuzz/regressions/ (and regressions/<target>/) and tests/fuzz/seeds/<target>/,
# and fuzzes for <seconds> with -max_len=65536.
# New interesting inputs are kept in <work-dir>/corpus, crashers in <work-dir>/artifacts.
# Exits non-zero when the fuzzer finds a crash, a leak or a timeout.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)

target=${1:?usage: run-fuzz.sh <target> <seconds> [--binary path] [--work-dir dir]}
seconds=${2:?usage: run-fuzz.sh <target> <seconds> [--binary path] [--work-dir dir]}
shift 2
binary=""
build_dir=${CALLBOARD_FUZZ_BUILD_DIR:-$source_dir/build-fuzz}
work_dir=""
extra=()
while (($#)); do
    case $1 in
    --binary) binary=$2; shift 2 ;;
    --work-dir) work_dir=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "run-fuzz.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

if [[ -z $binary ]]; then
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build_dir" -G Ninja \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCALLBOARD_BUILD_FUZZ=ON \
            -DCALLBOARD_BUILD_TESTS=OFF -DCALLBOARD_BUILD_BENCH=OFF
    fi
    cmake --build "$build_dir" --target "$target"
    binary=$build_dir/tests/fuzz/$target
fi
[[ -x $binary ]] || { echo "run-fuzz.sh: no fuzzer binary $binary" >&2; exit 2; }

work_dir=${work_dir:-$build_dir/fuzz-run/$target}
seeds=$work_dir/seeds
corpus=$work_dir/corpus
artifacts=$work_dir/artifacts
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
# seeds made from the fixtures / the repository (see make-corpus.sh)
case $target in
fuzz_hook_request) kind=hook-requests ;;
fuzz_scenario_parser) kind=scenarios ;;
*) kind=frames ;;
esac
"$here/make-corpus.sh" --kind "$kind" "$seeds"
# the codec's hostile JSON inputs for every target, plus the target's own reproducers
find "$here/regressions" -maxdepth 1 -type f ! -name 'README*' -exec cp {} "$seeds/" \;
if [[ -d $here/regressions/$target ]]; then
    find "$here/regressions/$target" -maxdepth 1 -type f ! -name 'README*' -exec cp {} "$seeds/" \;
fi
# per-target seeds (e.g. SIP messages for fuzz_sip_message)
if [[ -d $here/seeds/$target ]]; then cp "$here/seeds/$target"/* "$seeds/"; fi

dict=()
[[ -f $here/$target.dict ]] && dict=("-dict=$here/$target.dict")

echo "run-fuzz.sh: fuzzing $target for ${seconds}s (crashers -> $artifacts)"
set +e
"$binary" "$corpus" "$seeds" -max_len=65536 -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" \
    "${extra[@]}"
rc=$?
set -e
if ((rc != 0)); then
    echo "run-fuzz.sh: $target FAILED (exit $rc); reproducer(s):" >&2
    ls -1 "$artifacts" >&2 || true
    echo "Copy each reproducer to tests/fuzz/regressions/ and fix the bug." >&2
fi
exit $rc
