#!/usr/bin/env bash
# Callboard's two entry points on a Debian 12 machine (README "Set up"):
#   packaging/dev.sh demo [args...]      install what is missing, build, start Callboard (the
#                                        desktop window) on its built-in demo server; without a
#                                        display, the headless callboard-cli monitor --demo
#   packaging/dev.sh test                install what is missing (test tools too), build with
#                                        warnings as errors, run every test (fuzzers briefly)
# CALLBOARD_BUILD_DIR overrides the build directory (default: build/ in the repository).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CALLBOARD_BUILD_DIR:-$root/build}
jobs=${CALLBOARD_JOBS:-2}
mode=${1:-}
[ $# -gt 0 ] && shift

configure_and_build() {
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  cmake --build "$build" -j "$jobs"
}

case "$mode" in
  demo)
    "$root/packaging/install-deps.sh"
    configure_and_build -DCALLBOARD_BUILD_TESTS=OFF -DCALLBOARD_BUILD_BENCH=OFF
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec "$build/app/callboard/callboard" --demo "$@"
    fi
    echo "dev.sh: no display (DISPLAY/WAYLAND_DISPLAY unset): running the headless client" >&2
    exec "$build/app/cli/callboard-cli" monitor --demo "$@"
    ;;
  test)
    "$root/packaging/install-deps.sh" --test
    configure_and_build -DCALLBOARD_WERROR=ON -DCALLBOARD_BUILD_TESTS=ON -DCALLBOARD_BUILD_BENCH=ON
    # Bounded fuzzing of every libFuzzer target (clang, ASan+UBSan) before the suite.
    for target in fuzz_codec_decode fuzz_sip_message fuzz_hook_request fuzz_scenario_parser; do
      CALLBOARD_FUZZ_BUILD_DIR="$build-fuzz" \
        "$root/tests/fuzz/run-fuzz.sh" "$target" "${CALLBOARD_FUZZ_SECONDS:-60}"
    done
    cd "$build"
    exec ctest --output-on-failure --timeout 900 "$@"
    ;;
  *)
    sed -n '2,8p' "${BASH_SOURCE[0]}" >&2
    exit 2
    ;;
esac
