#!/usr/bin/env bash
# Build the wheel users get (the extraction pipeline compiled with mypyc, see setup.py)
# and run the whole test suite against it (the repository's files with the wheel's
# tracker package), so the compiled build is tested as well as the pure-Python one
# that `make check` runs from the editable install.
#   scripts/check-compiled.sh          build, check it is compiled, run the tests
#   scripts/check-compiled.sh --bench  the same, then benchmarks/extract.py on the build
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$PWD/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PY" -m pip wheel --no-deps --quiet . --wheel-dir "$work/dist"
mkdir "$work/tree"
"$PY" -m zipfile -e "$work"/dist/tracker-*.whl "$work/tree"
git ls-files -z | grep -zv '^tracker/' | xargs -0 tar -cf - | tar -xf - -C "$work/tree"
if [ -d ../shared ]; then ln -s "$(cd ../shared && pwd)" "$work/shared"; fi  # the seed article
cd "$work/tree"
"$PY" - <<'PYEOF'
import sys

import tracker.pipeline.extract as extract

if not extract.__file__.endswith(".so"):
    sys.exit(f"the wheel's pipeline is not compiled: {extract.__file__}")
print(f"compiled pipeline: {extract.__file__.rsplit('/', 1)[-1]}")
PYEOF
"$PY" -m pytest -q -p no:cacheprovider
if [ "${1:-}" = "--bench" ]; then
    PYTHONPATH="$PWD" "$PY" benchmarks/extract.py
fi
