"""What a LaTeX file never typesets: ``\\iffalse … \\fi`` (and ``\\if0``), the ``\\else``
branch of ``\\iftrue``, and the bodies of ``comment``, ``verbatim``, ``lstlisting`` and
``minted`` environments.  Conditionals nest: ``\\iffalse \\ifdraft … \\fi … \\fi`` hides up to
its own ``\\fi``; a conditional whose value is not known here (``\\ifdraft``) hides nothing."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_TOKEN = lazy(r"\\(if[a-zA-Z@]*+|else|fi)(?![a-zA-Z@])(\s*+0(?!\d))?")
_VERBATIM = lazy(
    r"\\begin\s*+\{\s*+(comment|verbatim\*?|lstlisting|minted|Verbatim)\s*+\}"
    r".*?\\end\s*+\{\s*+\1\s*+\}",
    re.DOTALL,
)


def hidden_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every part of ``text`` LaTeX never typesets (see the module)."""
    verbatim = [(m.start(), m.end()) for m in _VERBATIM.finditer(text)]
    spans = list(verbatim)
    stack: list[tuple[str, int, int]] = []  # (which conditional, where it starts, its \else)
    for token in _TOKEN.finditer(text):
        name = token.group(1)
        if any(start <= token.start() < end for start, end in verbatim):
            continue  # inside a verbatim environment
        if name == "fi":
            if stack:
                kind, start, other = stack.pop()
                if kind == "false":
                    spans.append((start, token.end()))
                elif kind == "true" and other >= 0:
                    spans.append((other, token.end()))
        elif name == "else":
            if stack:
                stack[-1] = (*stack[-1][:2], token.start())
        elif name in ("iffalse", "iftrue") or (name == "if" and token.group(2)):
            stack.append(("true" if name == "iftrue" else "false", token.start(), -1))
        elif name.startswith("if"):
            stack.append(("unknown", token.start(), -1))
    return spans
