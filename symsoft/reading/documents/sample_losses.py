"""The loss of one example beside the total: ``L = \\sum_i L_i``, ``J = \\frac{1}{m} \\sum_i
L^{(i)}``, ``E = \\sum_n E_n``.  When the text defines the total as a sum of the examples'
losses, and each example's loss by its own equation (``L_i = -\\log p_{i, y_i}``), they are two
names: ``L_i`` is no entry of the number ``L``.  The examples' losses are read under a spare
letter (a renaming, never a merge; messages show it as written), so that ``\\frac{dL}{dW} =
\\sum_i \\frac{dL_i}{dW}`` is judged.  The rewrite keeps the text's length, so columns stay
the file's."""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.documents.renaming import spare_letter
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.word_names import SPELLED_AS
from symsoft.reading.lazy_regex import lazy

# a loss's letter, alone or after the d of a differential (dL_i)
_LOSS = r"(?:(?:(?<![\\A-Za-z])|(?<=(?<![\\A-Za-z])d))[LJE]|\\ell(?![A-Za-z]))"
# the example's loss with its index: L_i, L_{i}, \ell_n, L^{(i)}
_ONE = rf"(?P<loss>{_LOSS})\s*(?:_\s*(?:\{{\s*(?P<a>[a-z])\s*\}}|(?P<b>[a-z])(?![A-Za-z]))" + (
    r"|\^\s*\{\s*\(\s*(?P<c>[a-z])\s*\)\s*\})"
)
_PER_SAMPLE = lazy(_ONE)
# L = \sum_{i=1}^{m} L_i, J = \frac{1}{m} \sum_i L^{(i)}: the total over the examples
_TOTAL = lazy(
    rf"(?P<total>{_LOSS})\s*=\s*(?:\\frac\s*\{{\s*1\s*\}}\s*\{{\s*[A-Za-z0-9]\s*\}}\s*)?"
    r"\\sum\s*_\s*(?:\{\s*(?P<s1>[a-z])[^{}]*\}|(?P<s2>[a-z]))\s*"
    r"(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\{?\s*" + _ONE
)
SUMMED_APART: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("summed_apart", default=())
"""The loss letters whose examples' losses the text sums over different ranges (``L =
\\sum_{i=0}^5 L_i`` beside ``\\sum_{i=1}^5 \\frac{dL_i}{dW}``), with the ranges: why ``L_i`` is
not read, said so."""

_SAID = lazy(
    r"\$\s*+(?P<said>[LJE]|\\ell)\s*+_\s*+\{?+\s*+(?P<i>[a-z])\s*+\}?+\s*+\$[^.$\n]{0,40}?\bloss\b[^.$\n]{0,40}?"
    r"\b(?:example|sample|instance|observation|data\s+point)\b"
)
# "### Loss Function for a Single Example … $$ L_i = …": the words just before its definition
_HEADED = lazy(
    r"(?i:\b(?:loss|cost|error)\b[^$\n]{0,60}?\b(?:for|of|on)\s+(?:a|one|each|an?\s+individual"
    r"|the\s+i-?th)\s+(?:single\s+)?(?:training\s+)?(?:example|sample|instance|observation"
    r"|data\s+point)\b)[^$]{0,120}?(?:\$\$|\\\[|\\begin\s*\{[a-z*]+\})\s*"
    r"(?P<said>[LJE]|\\ell)\s*_\s*\{?\s*(?P<i>[a-z])\s*\}?\s*:?=(?!=)"
)
# L_i = …, L_i := …: an example's loss defined by its own equation
_DEFINED = lazy(r"\s*:?=")
# a sum over the examples, with its bounds: \sum_{i=0}^5, \sum_{i=1}^{m}
_SUM = lazy(r"\\sum\s*_\s*\{\s*([a-z])\s*=\s*([^{}]*)\}\s*(?:\^\s*(\{[^{}]*\}|[A-Za-z0-9]))?")


def rename_sample_losses(text: Text, displays: list[Display]) -> list[tuple[str, str]]:
    """``L_i`` read under a spare letter (``R_i``) where the math defines ``L = \\sum_i L_i``
    and ``L_i`` by an equation of its own, with one index letter only; returns the renamings
    made, ``(as written, read as)``."""
    bodies = [(d.body.start, text.slice(d.body.start, d.body.end)) for d in displays]
    everything = text.slice(0, len(text.chars))
    math = " ".join(body for _, body in bodies)
    renamed: list[tuple[str, str]] = []
    totals = [
        (m["s1"] or m["s2"], m["loss"], m["total"])
        for m in _TOTAL.finditer(math)
        if (m["a"] or m["b"] or m["c"]) == (m["s1"] or m["s2"])  # not L = \sum_i L_j
    ]
    # "$L_i$ is the loss for a single training example $i$": the example's loss said in words
    totals += [(m["i"], m["said"], None) for m in _SAID.finditer(everything)]
    totals += [(m["i"], m["said"], None) for m in _HEADED.finditer(everything)]
    for index, loss, total in totals:
        if any(loss == old for old, _ in renamed):
            continue
        uses = [m for m in _PER_SAMPLE.finditer(math) if m["loss"] == loss]
        if {m["a"] or m["b"] or m["c"] for m in uses} != {index}:
            continue  # L_i and L_j, L_1: entries of something else, or examples by number
        if not any(_DEFINED.match(math, m.end()) for m in uses):
            continue  # L_i defined nowhere by its own equation
        if len(bounds := _bounds(math, index, loss)) > 1:
            ranges = " and over ".join(
                f"{index} = {low} to {high.strip('{}') or '?'}" for low, high in sorted(bounds)
            )
            why = f"the text sums {loss}_{index} over {ranges}: which examples? not read"
            SUMMED_APART.set((*SUMMED_APART.get(), (loss, why)))
            continue  # L = \sum_{i=0}^5 L_i, then \sum_{i=1}^5 \frac{dL_i}{dW}: which examples?
        if total and loss != total and re.search(rf"{re.escape(loss)}(?![A-Za-z_^\s])", math):
            continue  # J = \sum_i L_i beside a plain L: which L? not read
        spare = spare_letter(everything, {new for _, new in renamed})
        if spare is None:
            return renamed
        renamed.append((loss, spare))
        # messages show the example's loss as the text writes it: L_{i}, not the spare letter
        SPELLED_AS.set({**(SPELLED_AS.get() or {}), spare: loss})
        for offset, body in bodies:
            for match in _PER_SAMPLE.finditer(body):
                if match["loss"] != loss:
                    continue
                written = f"{spare}_{index}" if len(match.group()) < 6 else f"{spare}_{{{index}}}"
                start = offset + match.start()
                text.blank(start, offset + match.end())
                text.chars[start : start + len(written)] = list(written)
    return renamed


def _bounds(math: str, index: str, loss: str) -> set[tuple[str, str]]:
    """The bounds of the sums over ``index`` whose terms are the examples' losses (or their
    derivatives: ``\\sum_{i=1}^5 \\frac{dL_i}{dW}``), as written."""
    found = set()
    for match in _SUM.finditer(math):
        after = math[match.end() : match.end() + 40]
        use = _PER_SAMPLE.search(after)
        if match.group(1) == index and use is not None and use["loss"] == loss:
            found.add(("".join(match.group(2).split()), "".join((match.group(3) or "").split())))
    return found
