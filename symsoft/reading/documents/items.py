"""The ``\\item``s of a LaTeX list whose one ``$…$`` is a step: Beamer slides and lecture
notes write every step of a derivation as an item (``\\item $\\frac{\\partial f}{\\partial
w_{ji}} = - q_j x_i$``), as a Markdown list does (``* $f'(u) = -u^{-2}$``, see sentences.py).

An item is a step when its math is an equation with a derivative left of its first ``=``
(``\\item $g(x) = e^x$`` defines g and stays in the prose), or starts with ``=`` right under
such an item (the chain goes on: ``\\item $= (y - 1) x_1 \\sigma(wx)$``).  Nothing but a full
stop, or the Japanese and Korean words that assert the math after it (``$…$となる.``,
``$…$より``), may follow it on its line, and the item must end there (the next line is another
item, the list's end, or blank).  Never in a list that the words leading into it make a
case, a hypothesis, a wish or a list of slips (``Suppose:``, ``Common mistakes:``,
``場合``), nor in an item with a label (``\\item[Case $i = j$]``) that says so.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from symsoft.reading.documents.languages import ASSERTING_TAIL, NOT_ASSERTED_ABROAD, SLIP_STEMS
from symsoft.reading.documents.sentences import CONDITION_WORDS, NOT_ASSERTED, claims_derivative
from symsoft.reading.documents.spans import Display, Span
from symsoft.reading.lazy_regex import lazy

_ITEM = lazy(
    r"^[ \t]*\\item(?:<[^>\n]*>)?(?:\[(?P<label>[^\]\n]*)\])?[ \t]*"  # \item<2->: an overlay
    r"(?<![\\$])\$(?!\$)(?P<math>[^$\n]+)(?<![\\$])\$(?!\$)(?P<tail>[^\n]*)$",
    re.MULTILINE,
)
_LIST_EDGE = lazy(r"\\(begin|end)\s*\{\s*(?:itemize|enumerate|description)\s*\}")
# what may follow the math on its line: a full stop, a comma, a row break
_PLAIN_TAIL = lazy(r"[ \t]*[.,;:]?[ \t]*(?:\\\\)?[ \t]*")
# where an item ends: the next item, a list's edge, a blank line, a display
_ITEM_END = lazy(  # (\pause: a slide's next overlay, no words)
    r"[ \t]*(?:\\item(?![a-zA-Z])|\\(?:begin|end)\s*\{|\$\$|\\\[|\\pause(?![a-zA-Z])|$)"
)
# a list of hypotheses, exercises or slips, in words the guards of a sentence do not know
_LIST_GUARDS = lazy(r"(?i)\b(?:assumptions?|hypothes[ie]s|exercises?|quiz|true\s+or\s+false)\b")
_FULL_STOP = lazy(r"[.。．][ \t]*$")
SLIPS = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|errors?|typos?|false"
    r"|na[iï]ve\w*|tempt\w*|myths?|pitfalls?|fallac\w*|bogus|bugs?|buggy|misconceptions?|flawed"
    r"|exercises?|quiz|not)\b|\?|n't|誤|間違|错|？"
)
_INLINE = lazy(r"(?<![\\$])\$[^$\n]*(?<!\\)\$")


def latex_items(source: str, found: list[Display]) -> list[Display]:
    """The ``\\item $…$`` lines of ``source`` (a LaTeX file) that are steps, as displays;
    none inside a display of ``found``."""
    # the displays by start, with the furthest end up to each: an item inside one is found by
    # bisection; after a display never closed, the rest of the file is inside it
    taken_spans = sorted((d.start, len(source) if d.problem else d.body.end) for d in found)
    opened = [a for a, _ in taken_spans]
    reach = list(itertools.accumulate((b for _, b in taken_spans), max))
    leads = _list_leads(source)
    lines = source.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    items: list[Display] = []
    taken: set[int] = set()  # the lines of the items read as steps
    for match in _ITEM.finditer(source):
        number = bisect.bisect_right(starts, match.start()) - 1
        below = lines[number + 1] if number + 1 < len(lines) else ""
        math, tail = match.group("math"), match.group("tail")
        inside = bisect.bisect_right(opened, match.start())
        if (inside and reach[inside - 1] > match.start()) or not _ITEM_END.match(below):
            continue
        if not (_PLAIN_TAIL.fullmatch(tail) or ASSERTING_TAIL.fullmatch(tail)):
            continue  # "$…$ is wrong", "$…$となるように": the sentence goes on
        label = match.group("label") or ""
        if CONDITION_WORDS.search(label) or _guarded(label) or _leads_off(leads(match.start())):
            continue
        above = number - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        continued = math.lstrip().startswith("=") and above in taken
        if not (claims_derivative(math) or continued):
            continue
        taken.add(number)
        dollar = match.start("math") - 1
        items.append(Display(0, dollar, Span(dollar + 1, match.end("math")), lone=True))
    return items


def _leads_off(lead: str) -> bool:
    """Whether the words before a list make its items something else than steps: a list led
    by words that end in a full stop ("Let $p_i = …$.") only when they speak of slips."""
    if _FULL_STOP.search(lead):
        return SLIPS.search(_INLINE.sub(" ", lead)) is not None
    return _guarded(lead)


def _guarded(words: str) -> bool:
    bare = _INLINE.sub(" ", words)
    return any(
        guard.search(bare) is not None
        for guard in (NOT_ASSERTED, NOT_ASSERTED_ABROAD, _LIST_GUARDS)
    )


def _list_leads(source: str) -> Callable[[int], str]:
    """A function from a position to the words that lead into the list holding it: the last
    line before its ``\\begin{itemize}`` with words on it (a frame's title included).  Asked
    of positions in increasing order: one pass over the lists' edges."""
    edges = _LIST_EDGE.finditer(source)
    stack: list[int] = []  # the begins of the lists open at the position asked
    pending = next(edges, None)
    said: dict[int, str] = {}

    def lead(at: int) -> str:
        nonlocal pending
        while pending is not None and pending.start() < at:
            if pending.group(1) == "begin":
                stack.append(pending.start())
            elif stack:
                stack.pop()
            pending = next(edges, None)
        if not stack:
            return ""
        if stack[-1] not in said:  # (once a list: a long run of white space is read once)
            stop = stack[-1]
            while stop > 0 and source[stop - 1].isspace():
                stop -= 1
            said[stack[-1]] = source[source.rfind("\n", 0, stop) + 1 : stop]
        return said[stack[-1]]

    return lead
