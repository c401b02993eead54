"""Build hook: compile the extraction pipeline with mypyc when it can.

Everything else about the package is in pyproject.toml. The modules below are the
per-item hot path (tokenising, matching, cue scanning, people, roles); mypyc turns
their type-annotated Python into a C extension, about 1.8x faster on
``benchmarks/extract.py``. The same ``.py`` files stay the source of truth and
the package works without the extension:

- only a wheel or extension build compiles; an editable install (``pip install -e .``,
  what ``make install`` does) and metadata steps never run mypyc, so edits take
  effect at once;
- ``TRACKER_PURE_PYTHON=1`` skips compilation for any install;
- a build where mypyc fails (a type error it rejects, no mypy) or no C compiler is
  found falls back to pure Python with a warning: the extensions are optional.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup

COMPILED = [
    f"tracker/pipeline/{name}.py"
    for name in (
        "text",
        "lang",
        "match",
        "extract",
        "extract_cases",
        "extract_clauses",
        "extract_dates",
        "extract_events",
        "extract_more",
        "extract_people",
        "extract_pick",
        "extract_prefix",
        "extract_roles",
        "extract_rules",
        "extract_sentence",
        "extract_spans",
        "extract_succession",
        "extract_who",
    )
]


_BUILDS = {"bdist_wheel", "build_ext", "build", "install"}


def _ext_modules() -> list[Any]:
    if os.environ.get("TRACKER_PURE_PYTHON") or not _BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify  # noqa: PLC0415  (present only when building)

        extensions = mypycify(COMPILED, opt_level="3", group_name="tracker_pipeline")
    except (ImportError, SystemExit) as exc:  # mypyc exits on a type error it rejects
        print(f"warning: building tracker as pure Python ({exc!r})", file=sys.stderr)
        return []
    for ext in extensions:
        ext.optional = True  # no C compiler: install the pure-Python package
    return list(extensions)


setup(ext_modules=_ext_modules())
