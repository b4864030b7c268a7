#!/usr/bin/env bash
# Fails when a C++ source under app/, src/ or tests/ differs from the repository's .clang-format.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
mapfile -t files < <(find app src tests ui \( -name node_modules -o -name 'build*' \) -prune -o \
  \( -name '*.cpp' -o -name '*.h' \) -type f -print 2>/dev/null | sort)
echo "check-format: ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
echo "check-format: all files match .clang-format"
