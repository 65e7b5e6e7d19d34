"""A case written at the start of a display: ``$$\\mathrm{If}\\; z=0,\\; L = x + \\log(1 +
e^{-x})$$``, ``\\[ \\text{if } i = j: \\quad \\frac{\\partial S_i}{\\partial a_j} = … \\]``.

The words and the condition are the sentence that leads into the formula, as a post writes
"If $z = 0$, $$L = …$$"; read as a condition of the row they would be part of its first side
(``\\mathrm{If}\\; z`` a product, the condition a step of its own) and the row would be judged
without its case.  Respelled in place, the same length (columns of the formula stay the
file's): the words before the display, the condition in ``$…$``, the display opened after it
(as ``\\[ … \\]``: ``$$`` after words on a line is no display).
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_SPACE = r"(?:\\[,;:! ]|\\q?quad(?![a-zA-Z])|~|\s)*"
_LEADING_CASE = lazy(
    rf"(?P<open>\$\$|\\\[)\s*\\(?:mathrm|text|textrm|rm|mbox|textbf|textit)\s*\{{\s*"
    rf"(?P<word>[Ii]f|[Ww]hen|[Ff]or)\s*\}}{_SPACE}"
    r"(?P<case>[a-zA-Z](?:\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))?\s*"
    r"(?:=|\\neq?(?![a-zA-Z])|\\not\s*=|[<>]|\\[gl]eq?(?![a-zA-Z]))"
    r"\s*(?:[0-9]+|[a-zA-Z](?:\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))?))"
    rf"\s*(?:,|:|\\q?quad(?![a-zA-Z])){_SPACE}"
)


def spell_leading_cases(text: Text) -> None:
    """Each ``$$\\text{If} y = 1, L = …$$`` spelled ``If $y = 1$ $$L = …$$`` (see the module)."""
    source = text.slice(0, len(text.chars))
    if "$$" not in source and "\\[" not in source:
        return
    for match in list(_LEADING_CASE.finditer(source)):
        case = re.sub(r"\s+", " ", match.group("case"))
        spelled = f"{match.group('word')} ${case}$ "
        if len(spelled) + 2 > len(match.group()):
            continue
        if match.group("open") == "$$":  # $$ after words is no display: \[ … \] is
            close = source.find("$$", match.end())
            if close < 0:
                continue
            text.chars[close : close + 2] = ["\\", "]"]
        written = spelled.ljust(len(match.group()) - 2) + "\\["
        text.chars[match.start() : match.end()] = list(written)
