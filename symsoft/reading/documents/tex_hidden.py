"""What a LaTeX file never typesets: ``\\iffalse … \\fi`` (and ``\\if0``), the ``\\else``
branch of ``\\iftrue``, and the bodies of ``comment``, ``verbatim``, ``lstlisting`` and
``minted`` environments.  Conditionals nest: ``\\iffalse \\ifdraft … \\fi … \\fi`` hides up to
its own ``\\fi``; a conditional whose value is not known here (``\\ifdraft``) hides nothing."""

from __future__ import annotations

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
    environments = re.compile(
        rf"\\begin\s*+\{{\s*+({names})\s*+\}}.*?\\end\s*+\{{\s*+\1\s*+\}}", re.DOTALL
    )
    verbatim = [(m.start(), m.end()) for m in environments.finditer(text)]
    switches = {m.group(1) for m in _SWITCH.finditer(text) if m.group(1)}  # \newif\ifdraft
    spans = list(verbatim)
    stack: list[tuple[str, int, int]] = []  # (which conditional, where it starts, its \else)
    for token in _TOKEN.finditer(text):
        name = token.group(1)
        if any(start <= token.start() < end for start, end in verbatim) or text[
            max(0, token.start() - 6) : token.start()
        ].endswith("newif"):  # inside a verbatim environment, or \newif\ifdraft
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
        elif name[2:] in switches:  # false until \drafttrue
            value = _switch_at(text, name[2:], token.start())
            stack.append(("true" if value else "false", token.start(), -1))
        elif name.startswith("if"):
            stack.append(("unknown", token.start(), -1))
    return spans


def _switch_at(text: str, name: str, at: int) -> bool:
    """The value of the switch ``\\if<name>`` (made by ``\\newif``, false) at ``at``: the last
    ``\\<name>true`` or ``\\<name>false`` before it."""
    value = False
    for found in _SWITCH.finditer(text, 0, at):
        if found.group(2) == name:
            value = found.group(3) == "true"
    return value
