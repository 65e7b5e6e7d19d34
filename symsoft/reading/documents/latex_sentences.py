"""Chains and identities worked inside the sentences of a LaTeX file (``we have $\\frac{\\partial
Z}{\\partial z_j} = e^{z_j}$, and the quotient rule gives``), read as a Markdown file's are
(inline_chains.py): claims whose flags are withheld, since the words around them are not read.
Only the sentence chains: a LaTeX paragraph of one formula, an ``\\item`` and the other forms a
Markdown file may write are read by displays.py."""

from __future__ import annotations

import bisect

from symsoft.reading.documents.inline_chains import said_chains
from symsoft.reading.documents.spans import Display, Span, Text


def latex_sentence_chains(text: Text, found: list[Display]) -> list[Display]:
    """``found`` with the sentence chains of a LaTeX file added (outside every display and
    environment found), numbered in order."""
    source = text.slice(0, len(text.chars))
    taken = sorted((d.start, d.body.end + 2) for d in found)
    opened = [a for a, _ in taken]
    lines, at, added = source.split("\n"), 0, []
    for number, line in enumerate(lines):
        if "$" in line:
            following = lines[number + 1 : number + 4]
            above = lines[max(0, number - 3) : number]
            for match in said_chains(line, following, above):
                group = "math" if match.group("math") else "paren"
                dollar = at + match.start(group) - 1
                inside = bisect.bisect_right(opened, dollar)
                if inside and taken[inside - 1][1] > dollar:
                    continue  # in a display (or an environment) found before
                span = Span(dollar + 1, at + match.end(group))
                added.append(Display(0, dollar, span, lone=True, said=True))
        at += len(line) + 1
    merged = sorted(found + added, key=lambda d: d.start)
    return [
        Display(n, d.start, d.body, d.problem, d.lone, d.said)
        for n, d in enumerate(merged, start=1)
    ]
