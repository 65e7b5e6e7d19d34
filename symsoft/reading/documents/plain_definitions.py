"""Definitions said in a sentence of plain text, without ``$``: "Now, denote u = e^x and v =
e^{-x}. Thus," (a forum post pasted without its MathJax), "Let y = \\tanh(x). So,".

After a word that defines (denote, let, define, set, write), each equation ``name = value``
whose value is LaTeX and nothing else (commands, single letters, digits, scripts, signs;
no word of prose), joined by "and" or commas and ending the clause, is written as inline math
``$name = value$``, so the reader reads it as any definition said in a sentence.  A sentence
that goes on after the value (``let u = e^x be …``) is left alone."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

_NAME = r"[A-Za-z](?![A-Za-z])(?:_\{?[A-Za-z0-9]\}?)?"
_ATOM = (
    r"(?:\\[A-Za-z]+|(?<![A-Za-z])[A-Za-z](?![A-Za-z])|\d+(?:\.\d+)?"
    r"|[\^_](?:\{[^{}$`]*\}|[A-Za-z0-9])|[-+*/()]|\{[^{}$`]*\})"
)
_EQUATION = rf"{_NAME}\s*=\s*{_ATOM}(?:[ \t]*{_ATOM})*"
_SAID = lazy(
    rf"\b(?:[Dd]enote|[Ll]et|[Dd]efine|[Ss]et|[Ww]rite)[ \t]+"
    rf"(?P<first>{_EQUATION})(?P<more>(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+){_EQUATION})*)"
    r"(?=[ \t]*(?:[,.;:](?:\s|$)|$))"
)
_ONE = lazy(_EQUATION)


def said_definitions(line: str) -> list[tuple[int, int]]:
    """The (start, end) of each equation ``line`` defines in words (see the module)."""
    if "$" in line or "`" in line:
        return []
    spans = []
    for match in _SAID.finditer(line):
        pos = match.start("first")
        while (one := _ONE.search(line, pos, match.end())) is not None:
            spans.append((one.start(), one.end()))
            pos = one.end()
    return spans


def as_inline_math(line: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """``line`` with each span written ``$…$``, and the file column of each of its
    characters."""
    out, columns, pos = [], [], 0
    for start, end in spans:
        out += [line[pos:start], "$", line[start:end], "$"]
        columns += [*range(pos, start), start, *range(start, end), end - 1]
        pos = end
    out.append(line[pos:])
    columns += range(pos, len(line))
    return "".join(out), columns
