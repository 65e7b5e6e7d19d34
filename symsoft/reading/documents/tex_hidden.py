"""What a LaTeX file never typesets: ``\\iffalse … \\fi`` (and ``\\if0``), the ``\\else``
branch of ``\\iftrue``, and the bodies of ``comment``, ``verbatim``, ``lstlisting`` and
``minted`` environments.  Conditionals nest: ``\\iffalse \\ifdraft … \\fi … \\fi`` hides up to
its own ``\\fi``; a conditional whose value is not known here (``\\ifdraft``) hides nothing."""

from __future__ import annotations

import bisect
import re

from symsoft.reading.lazy_regex import lazy

_TOKEN = lazy(r"\\(if[a-zA-Z@]*+|else|fi)(?![a-zA-Z@])(\s*+0(?!\d))?")
_VERBATIM_NAMES = (
    "comment|verbatim\\*?|Verbatim\\*?|BVerbatim|LVerbatim|spverbatim|lstlisting|minted"
    "|tcblisting|filecontents\\*?"
)
_EXCLUDED = lazy(r"\\excludecomment\s*+\{\s*+([A-Za-z*]+)\s*+\}")  # comment.sty
_SWITCH = lazy(r"\\newif\s*+\\if([a-zA-Z@]+)|\\([a-zA-Z@]+)(true|false)(?![a-zA-Z@])")


def hidden_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every part of ``text`` LaTeX never typesets (see the module)."""
    names = _VERBATIM_NAMES + "".join(f"|{re.escape(m)}" for m in _EXCLUDED.findall(text))
    verbatim = closed_spans(text, re.compile(rf"\\begin\s*+\{{\s*+({names})\s*+\}}"), _ender)
    spans = list(verbatim)
    starts = [start for start, _ in verbatim]
    switches = {m.group(1) for m in _SWITCH.finditer(text) if m.group(1)}  # \newif\ifdraft
    values: dict[str, bool] = {}  # each switch's value where the tokens have got to
    events = [m for m in _SWITCH.finditer(text) if m.group(2) in switches]
    stack: list[tuple[str, int, int]] = []  # (which conditional, where it starts, its \else)
    for token in _TOKEN.finditer(text):
        while events and events[0].start() < token.start():
            event = events.pop(0)
            values[event.group(2)] = event.group(3) == "true"
        name, at = token.group(1), bisect.bisect_right(starts, token.start()) - 1
        if (at >= 0 and token.start() < verbatim[at][1]) or text[
            max(0, token.start() - 6) : token.start()
        ].endswith("newif"):
            continue  # inside a verbatim environment, or \newif\ifdraft
        if name == "fi":
            if stack:
                kind, start, other = stack.pop()
                if kind == "false":  # (its \else branch is typeset)
                    spans.append((start, other if other >= 0 else token.end()))
                elif kind == "true" and other >= 0:
                    spans.append((other, token.end()))
        elif name == "else":
            if stack:
                stack[-1] = (*stack[-1][:2], token.start())
        elif name in ("iffalse", "iftrue") or (name == "if" and token.group(2)):
            stack.append(("true" if name == "iftrue" else "false", token.start(), -1))
        elif name[2:] in switches:  # false until \drafttrue
            stack.append(("true" if values.get(name[2:]) else "false", token.start(), -1))
        elif name.startswith("if"):
            stack.append(("unknown", token.start(), -1))
    return spans


def _ender(opening: re.Match[str]) -> str:
    return rf"\end{{{opening.group(1)}}}"


def closed_spans(text: str, opening: re.Pattern[str], closer) -> list[tuple[int, int]]:  # noqa: ANN001
    """Each span from a match of ``opening`` to the end of the text ``closer(match)`` names (its
    spacing aside), searched once: without one the rest of the text is in it, and the search
    stops (linear in the text, however many openings have no closer)."""
    spans, pos = [], 0
    while (found := opening.search(text, pos)) is not None:
        end = _loose_find(text, closer(found), found.end())
        if end < 0:
            spans.append((found.start(), len(text)))
            break
        spans.append((found.start(), end))
        pos = end
    return spans


def _loose_find(text: str, closer: str, start: int) -> int:
    """The end of the first ``closer`` after ``start``, spaces inside braces allowed, else -1."""
    pattern = re.escape(closer).replace("\\{", "\\{\\s*+").replace("\\}", "\\s*+\\}")
    found = re.compile(pattern).search(text, start)
    return -1 if found is None else found.end()


_PRE = lazy(r"<pre\b[^>]*+>|\{%-?\s*+comment\s*+-?%\}")


def markdown_hidden(text: str) -> list[tuple[int, int]]:
    """Markdown's ``<pre>`` blocks (shown as code) and Jekyll's ``{% comment %}`` (not shown)."""
    return closed_spans(
        text, _PRE, lambda m: "</pre>" if m.group().startswith("<") else "{% endcomment %}"
    )
