"""The name a sentence calls one-hot beside another statement ("hard one-hot label $y$ and
teacher targets $t$ with $\\sum_i t_i = 1$"): both are stated."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

ONE_HOT_NAMED = lazy(  # "a one-hot label $y$", "the label $y$ is one-hot"
    r"(?<!weighted\s)(?<!scaled\s)one[- ]?hot\s++(?:[a-z-]++\s++){0,2}"
    r"\$\s*+(?:\\mathbf\s*+\{?\s*+)?([a-zA-Z])(?![a-zA-Z])"
    r"|\$\s*+([a-zA-Z])(?:\s*+_\s*+\{?\w\}?)?\s*+\$\s++(?:is|are)\s++(?:an?\s+)?one[- ]?hot",
    re.I,
)

__all__ = ["ONE_HOT_NAMED"]
