"""Chains and identities worked inside the sentences of a LaTeX file (``we have $\\frac{\\partial
Z}{\\partial z_j} = e^{z_j}$, and the quotient rule gives``), read as a Markdown file's are
(inline_chains.py): claims whose flags are withheld, since the words around them are not read.
Only the sentence chains: a LaTeX paragraph of one formula, an ``\\item`` and the other forms a
Markdown file may write are read by displays.py."""

from __future__ import annotations

import bisect
import re

from symsoft.reading.documents.inline_chains import arithmetic_tails, said_chains, supposes
from symsoft.reading.documents.macros import expand
from symsoft.reading.documents.mention_claims import said_after_mentions
from symsoft.reading.documents.sentences import said_inline
from symsoft.reading.documents.spans import Display, Span, Text
from symsoft.reading.meaning.definitions import _macros


def latex_sentence_chains(text: Text, found: list[Display]) -> list[Display]:
    """``found`` with the sentence chains of a LaTeX file added (outside every display and
    environment found), numbered in order."""
    source = text.slice(0, len(text.chars))
    macros = _macros(source)  # \newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}
    taken = sorted((d.start, d.body.end + 2) for d in found)
    opened = [a for a, _ in taken]
    lines, at, added = source.split("\n"), 0, []
    for number, line in enumerate(lines):
        if "$" in line:
            following = lines[number + 1 : number + 4]
            above = lines[max(0, number - 3) : number]
            for start, end, withheld in _said(line, following, above, macros):
                dollar = at + start - 1
                inside = bisect.bisect_right(opened, dollar)
                if inside and taken[inside - 1][1] > dollar:
                    continue  # in a display (or an environment) found before
                span = Span(dollar + 1, at + end)
                added.append(Display(0, dollar, span, lone=True, said=withheld))
        at += len(line) + 1
    merged = sorted(found + added, key=lambda d: d.start)
    return [
        Display(n, d.start, d.body, d.problem, d.lone, d.said)
        for n, d in enumerate(merged, start=1)
    ]


def _said(
    line: str, following: list[str], above: list[str], macros: dict[str, str]
) -> list[tuple[int, int, bool]]:
    """Where the math of each sentence chain of ``line`` starts and ends, its macros expanded
    to judge its form (``$\\pd{Z}{z_j} = e^{z_j}$`` is a derivative claim), the span as written,
    and whether its flags are withheld: a chain's are, an equation the sentence asserts keeps
    them (as in Markdown) unless a hypothesis is said before it."""
    found = []
    # one equation a sentence asserts ("Differentiating, we get $…$."), as in Markdown
    asserted = said_inline(line, above, following[0] if following else "")
    starts = {m.start() for m in asserted}
    chains = [m for m in said_chains(line, following, above) if m.start() not in starts]
    chains += [  # "Differentiating $L$ with respect to $z_i$ gives $…$" (flags withheld)
        m
        for m in said_after_mentions(line, above, following[0] if following else "")
        if m.start() not in starts | {c.start() for c in chains}
    ]
    for match in chains + asserted + arithmetic_tails(line, starts | {m.start() for m in chains}):
        group = "math" if match.group("math") else "paren"
        withheld = match not in asserted or supposes(line, match, above)
        found.append((match.start(group), match.end(group), withheld))
    if not macros:
        return found
    for math in re.finditer(r"(?<![\\$])\$([^$]+)\$", line):
        if any(start == math.start(1) for start, _, _ in found) or "\\" not in math.group(1):
            continue
        expanded = expand(math.group(1), macros)
        if expanded == math.group(1):
            continue
        written = f"{line[: math.start()]}${expanded}${line[math.end() :]}"
        if any(m.start() == math.start() for m in said_chains(written, following, above)):
            found.append((math.start(1), math.end(1), True))
    return sorted(found)
