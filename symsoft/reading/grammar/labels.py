"""Superscripts in parentheses over a name: labels, never powers.

``x^{(i)}`` (a sample), ``a^{(2)}`` (a layer or a unit), ``w^{(\\tau+1)}`` (an iterate) and
``y^{(2)}(0)`` (a derivative's order) are how texts label a name; none is a power, so the grammar
reads none of them as one (a digit label the document reader has spelled as a name of its own,
``labelled_names.py``, never reaches it).  A group in brackets keeps its power:
``(1 - y)^{(1 - t)}``.  Braces around one name print nothing, so ``{y_n}^{t_n}`` is
``y_n^{t_n}``; ``{w_1}^{(\\tau)}`` is Bishop's iterate, a label.
"""

from __future__ import annotations

import re

# a name (no bracket before its caret) whose superscript opens with a parenthesis
_NAME_LABEL = re.compile(r"\s*(?![(\[]|\\(?:left|[bB]igg?l?)(?![a-zA-Z]))[^\^]*\^\s*\{\s*\(")
# the script of a braced name that opens with a parenthesis: {w}^{(\tau + 1)}, {w}^{(2)}
_BRACED_LABEL = re.compile(r"\}\s*\^\s*\{?\s*\(")


def labelled(text: str, start: int, end: int) -> str:
    """The power ``text[start:end]`` as written when it is a name with a label in parentheses
    for its superscript (not a power), else ""."""
    return " ".join(text[start:end].split()) if _NAME_LABEL.match(text, start, end) else ""


def braced_label(written: str) -> bool:
    """Whether the braced name's script in ``written`` is a label in parentheses."""
    return _BRACED_LABEL.search(written) is not None


def label_problem(written: str) -> str:
    """Why ``written`` (a name with a label in parentheses) is not read."""
    return (
        f"'{written}': parentheses in a name's superscript label a layer, a sample, a unit or an "
        "iterate (or give a derivative's order), not a power: not read here"
    )


__all__ = ["braced_label", "label_problem", "labelled"]
