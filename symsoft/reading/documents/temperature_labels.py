r"""Outputs labelled by the temperature: ``q_i^T``, ``q^T_i``, ``p_k^{T}``, ``q_i^{(T)}``,
``p^{\tau}_j`` in a text that divides by that temperature (``e^{z_i / T}``,
``\frac{z_i}{T}``), as the distillation posts write a softmax at temperature T.

A superscript T could be a transpose or a power; it is the temperature's label only where the
text says so by its use: it divides by T somewhere in its math, every use of the letter
carries a superscript label (``q_i^T``, and ``q_k^1`` for the same softmax at temperature
1), and some use labelled T stands in one formula with a division by T (the
definition ``q_i^T = \frac{e^{z_i/T}}{\sum_k e^{z_k/T}}``).  A letter with the label T alone is
read as the letter (``q_i^T`` is ``q_i``); a letter with T and digits is one name per label
(``q^T_i``, ``q^1_i``, spelled as layers.py's ``w^1_{i,j}``).  Every spelling keeps the text's
length: columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.layers import _math_spans
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.lazy_regex import lazy

_INDEX = r"_\s*(?:\{\s*[a-z0-9]\s*\}|[a-z0-9])"
_LABEL = (
    r"\^\s*(?:\{\s*(?:\(\s*)?(?P<label>T|\\tau|[0-9])(?:\s*\))?\s*\}|(?P<bare>T|\\tau(?![a-zA-Z])"
    r"|[0-9]))"
)
_LABELLED = lazy(
    rf"(?<![\\A-Za-z])(?P<name>[a-df-zA-SU-Z])(?![A-Za-z])\s*(?P<before>{_INDEX})?\s*{_LABEL}"
    rf"(?:\s*(?P<after>{_INDEX}))?"
)
_USE = lazy(r"(?<![\\A-Za-z])([a-df-zA-SU-Z])(?![A-Za-z])")
# a division by the temperature: z_i / T, \frac{z_i}{T}, \tfrac{v}{T}, {z \over T}
# (a logit over T, never 1/T alone: "\frac{1}{T}\log p^T" writes a power, review 72d)
_DIVIDED = lazy(
    r"[A-Za-z}]\s*/\s*(?:T|\\tau)(?![A-Za-z])"
    r"|\\t?frac\s*\{[^{}]*[A-Za-z][^{}]*\}\s*\{\s*(?:T|\\tau)\s*\}"
    r"|[A-Za-z}]\s*\\over\s*(?:T|\\tau)(?![A-Za-z])"
)


def _label(match: re.Match[str]) -> str:
    written = match["label"] or match["bare"]
    return "T" if written in ("T", "\\tau") else written


def spell_temperature_labels(text: Text, displays: list[Display]) -> frozenset[str]:
    """Spell the outputs labelled by the temperature (see the module); the letters read as one
    name per label are returned (layers.py's ``LAYERED``)."""
    source = text.slice(0, len(text.chars))
    spans = [(span.start, source[span.start : span.end]) for span in _math_spans(text, displays)]
    if not any(_DIVIDED.search(body) for _, body in spans):
        return frozenset()
    found: dict[str, list[tuple[int, re.Match[str]]]] = {}
    uses: dict[str, int] = {}
    defined: set[str] = set()
    for start, body in spans:
        labelled = list(_LABELLED.finditer(body))
        for match in labelled:
            found.setdefault(match["name"], []).append((start, match))
            if (
                _label(match) == "T"
                and _DIVIDED.search(body)
                and (match["before"] or match["after"])
            ):
                defined.add(match["name"])
        for use in _USE.finditer(body):
            uses[use.group(1)] = uses.get(use.group(1), 0) + 1
    layered: set[str] = set()
    for name, matches in found.items():
        labels = {_label(m) for _, m in matches}
        # (an index before and after the label, q_i^T_k, is no entry of one name)
        if any(m["before"] and m["after"] for _, m in matches):
            continue
        if name not in defined or "T" not in labels or uses.get(name) != len(matches):
            continue  # (q_i beside q_i^T: the label may be a power or a transpose)
        if any(m["bare"] and not (m["before"] or m["after"]) for _, m in matches):
            continue  # p^T alone, no index, no braces: a power as well
        if labels != {"T"}:
            layered.add(name)
        for start, match in matches:
            index = re.sub(r"\s+", "", match["before"] or match["after"] or "")
            if labels == {"T"}:
                spelled = name + index  # (q^{(T)}, the vector, is q)
            elif index:
                spelled = f"{name}^{_label(match)}{index}"
            else:
                continue  # q^{(T)} beside q^{(1)}: the vector of one of them, not read
            begin, end = start + match.start(), start + match.end()
            if len(spelled) <= end - begin:
                text.chars[begin:end] = list(spelled.ljust(end - begin))
    return frozenset(layered)
