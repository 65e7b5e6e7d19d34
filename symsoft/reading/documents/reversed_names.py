"""A name given to a value the other way round: "Denote $f(z) = a$, the activation", "we write
$\\sigma(z) = a$": a is the name of f(z), as ``a = f(z)`` says (review 74c: a was read as a free
variable and ``f'(z) = a(1 - a)`` failed). After a word that names (denote, write, call) the
inline formula ``<call> = <letter>`` is spelled ``<letter> = <call>`` in place: the same
characters, so the columns stay the file's."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_REVERSED = lazy(
    r"(?i)\b(?:denote|write|call|name)\s+(?:it\s+(?:as|by)\s+|this\s+(?:as\s+)?|by\s+)?\$"
    r"(?P<call>\s*(?:\\[a-zA-Z]+|[a-zA-Z])\s*(?:\\left\s*)?\([^()$]{1,20}\)\s*(?:\\right\s*)?)"
    r"=(?P<name>\s*(?:\\hat\s*\{\s*[a-z]\s*\}|[a-z])\s*)\$"
)


def spell_reversed_names(text: Text) -> None:
    """Each ``<call> = <letter>`` said after a naming word spelled ``<letter> = <call>``."""
    everything = "".join(text.chars)
    for said in _REVERSED.finditer(everything):
        call, name = said.group("call"), said.group("name")
        letter = re.escape(name.strip())
        elsewhere = everything[: said.start()] + everything[said.end() :]
        if re.search(rf"(?<![\\\w]){letter}\s*(?::=|=)", elsewhere):
            continue  # "$a = 2$ … We write $f(z) = a$ and solve": a has a value, an equation
        width = len(call) + 1 + len(name)
        spelled = f"{name.strip()} = {call.strip()}"
        if len(spelled) > width:
            spelled = f"{name.strip()}={call.strip()}"  # f(z)=a: a=f(z)
        if len(spelled) > width:
            continue
        spelled = spelled.ljust(width)
        start = said.start("call")
        text.chars[start : start + len(spelled)] = list(spelled)
