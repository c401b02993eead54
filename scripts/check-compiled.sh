#!/usr/bin/env bash
# Build the wheel users get (the extraction pipeline compiled with mypyc, see setup.py)
# and run the whole test suite against it (the repository's files with the wheel's
# tracker package), so the compiled build is tested as well as the pure-Python one
# that `make check` runs from the editable install.
#   scripts/check-compiled.sh          build, check it is compiled, run the tests
#   scripts/check-compiled.sh --bench  build, check it is compiled, run benchmarks/extract.py
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$PWD/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The repository's tracked files as they are in the working tree (no stale build/).
copy_tracked() {  # copy_tracked DEST [GREP-PATTERN-TO-EXCLUDE]
    mkdir -p "$1"
    git ls-files -z | "$PY" -c '
import os, re, sys
skip = re.compile(sys.argv[1]) if sys.argv[1] else None
paths = [p for p in sys.stdin.buffer.read().decode().split("\0") if p and os.path.exists(p)]
sys.stdout.write("\0".join(p for p in paths if not (skip and skip.match(p))))
' "${2:-}" | tar --null -T - -cf - | tar -xf - -C "$1"
}
copy_tracked "$work/src"
"$PY" -m pip wheel --no-deps --quiet "$work/src" --wheel-dir "$work/dist"
mkdir "$work/tree"
"$PY" -m zipfile -e "$work"/dist/tracker-*.whl "$work/tree"
copy_tracked "$work/tree" '^tracker/'
if [ -d ../shared ]; then ln -s "$(cd ../shared && pwd)" "$work/shared"; fi  # the seed article
cd "$work/tree"
"$PY" - <<'PYEOF'
import sys

import tracker.pipeline.extract as extract

if not extract.__file__.endswith(".so"):
    sys.exit(f"the wheel's pipeline is not compiled: {extract.__file__}")
print(f"compiled pipeline: {extract.__file__.rsplit('/', 1)[-1]}")
PYEOF
if [ "${1:-}" = "--bench" ]; then
    PYTHONPATH="$PWD" "$PY" benchmarks/extract.py
else
    "$PY" -m pytest -q -p no:cacheprovider
fi
