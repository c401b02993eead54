"""Per-language word lists for matching and extraction.

Each language module defines the same names (see ``en.py``); patterns are
written against folded text (lower case, no accents, ``'`` for apostrophes).
``common.py`` holds the cross-language lists.
"""
