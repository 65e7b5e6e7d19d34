"""The quotient rule stated with letters, ``f(x) = \\frac{g(x)}{h(x)}``, beside a definition of
the document's own on an entry, ``f(x_j) = softmax(x_j) = \\frac{e^{x_j}}{\\sum_k e^{x_k}}``:
g and h are that fraction's numerator and denominator at the same entry (``g(x_j)`` is read as
``g_j = e^{x_j}``, see documents/letter_entries.py), the one reading of a text that names the
parts of its quotient and never writes them out."""

from __future__ import annotations

import re

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.letter_entries import quotient_templates
from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

Candidate = tuple[str, str, str, tuple[int, int] | None, int]

# \frac{A}{B} as a whole side: its numerator with its braces, its denominator without
FRACTION = lazy(r"\s*\\[dt]?frac\s*(\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})\s*\{(.*)\}\s*", re.S)


def _defined_elsewhere(everything: str, letter: str) -> bool:
    """``g(x) = …``, ``g_j = …``, ``g := …``: the text gives the letter a value of its own."""
    written = rf"(?<![\\A-Za-z]){letter}\s*(?:\([^()]*\)|_\s*(?:\{{[^{{}}]*\}}|[a-z0-9]))?\s*"
    return re.search(written + r"(?:=|:=|\\coloneqq|\\equiv)", everything) is not None


def quotient_parts(text: Text, steps: list[Step]) -> list[Candidate]:
    """``g_{j} = A`` and ``h_{j} = B`` for each quotient rule ``f(x) = \\frac{g(x)}{h(x)}`` whose
    f the text defines on entries of x as ``f_{j} = … = \\frac{A}{B}`` (the first fraction of that
    chain, its numerator written with x_j), placed where the rule is stated; none where the text
    gives g or h a value of its own."""
    everything = text.slice(0, len(text.chars))
    found: list[Candidate] = []
    for f, (x, g, h) in quotient_templates(everything).items():
        if _defined_elsewhere(everything, g) or _defined_elsewhere(everything, h):
            continue
        if len(re.findall(rf"(?<![\\A-Za-z]){f}_\{{[a-z]\}}\s*(?:=|:=)", everything)) != 1:
            continue  # f(x_j) defined twice (the sigmoid, then the softmax): which parts?
        rule = re.search(rf"(?<![\\A-Za-z]){f}\s*\(\s*{x}\s*\)\s*=", everything)
        fraction = _entry_fraction(text, steps, f, x)
        if rule is None or fraction is None:
            continue
        index, numerator, denominator = fraction
        line, _ = text.place(rule.start())
        for letter, value in ((g, numerator), (h, denominator)):
            found.append((f"{letter}_{{{index}}}", value, f"line {line}", None, rule.start()))
    return found


def _entry_fraction(text: Text, steps: list[Step], f: str, x: str) -> tuple[str, str, str] | None:
    """The index, numerator and denominator of the first fraction of the chain that defines
    ``f_{j}`` (spelled so from ``f(x_j)``), when its numerator is written with ``x_j``."""
    for first in steps:
        if first.lhs is None:
            continue
        lhs = text.slice(first.lhs.start, first.lhs.end)
        named = re.fullmatch(rf"\s*{f}_\{{([a-z])\}}\s*", lhs)
        if named is None:
            continue
        index = named.group(1)
        chain = [s for s in steps if s.display == first.display and s.step >= first.step]
        for step in chain:
            fraction = FRACTION.fullmatch(text.slice(step.rhs.start, step.rhs.end))
            if fraction is None:
                continue
            numerator, denominator = fraction.group(1)[1:-1].strip(), fraction.group(2).strip()
            entry = rf"(?<![A-Za-z\\]){x}\s*_\s*(?:\{{\s*{index}\s*\}}|{index})(?![A-Za-z0-9])"
            if re.search(entry, numerator) is None:
                return None
            return index, numerator, denominator
        return None
    return None
