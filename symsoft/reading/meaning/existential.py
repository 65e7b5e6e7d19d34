"""Names the text says exist, not names that range over every value: "by the mean value
theorem there exists $\\varepsilon \\in (0, 1)$ such that $$f'(\\varepsilon) = f(1) - f(0)$$",
"for some $\\xi$ between $x$ and $y$", "存在$\\varepsilon\\in(0, 1)$，使得".

A step that writes such a name is claimed for that one value: one that holds for every value
holds for it too, but one that fails for some value may still hold at the value that exists,
so no flag rests on it (steps.judge).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from symsoft.errors import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.defined_names import defined_name

if TYPE_CHECKING:
    import sympy

    from symsoft.reading.judge.steps import CaseCheck
    from symsoft.reading.meaning.table import Meanings

# the words that introduce a value that exists, then the math that names it
_EXISTS = lazy(
    r"(?i)(?:\bthere\s+exists?(?:\s+(?:an?|some|at\s+least\s+one))?"
    r"|\bexists?(?:\s+(?:an?|some))?|\b(?:for|at)\s+some|\bsome\s+(?:value|point|number)"
    r"|\bfor\s+(?:an?\s+)?(?:suitable|certain)|\bat\s+a\s+(?:certain|suitable)\s+(?:point|value)"
    r"|\bil\s+existe(?:\s+une?)?|\bexiste(?:\s+(?:une?|uma|alg[uú]n))?|\bes\s+gibt(?:\s+eine?n?)?"
    r"|\bgibt\s+es(?:\s+eine?n?)?|\bhay\s+un[oa]?|\bh[áa]\s+u(?:m|ma)\b|\bwith\s+some"
    r"|\bfor\s+at\s+least\s+one|\bthere\s+is\s+a\s+unique|\bthere\s+must\s+be(?:\s+an?)?"
    r"|\bthere(?:'s|\s+is)\s+at\s+least\s+one|\bthere's\s+an?|\besiste(?:\s+un[oa]?)?"
    r"|\bis\s+er\s+een"
    r"|\bсуществует|\bнайд[её]тся|存在(?:一个|某个)?|某个|某一|有一(?:点|个|點|個)?)"
    r"\s*(?:(?:value|point|number|real|constant|scalar)\s+)?"
    r"(?<![\\$])\$(?P<math>[^$]+)\$"
    # "there is a $c$ such that", "a point $c \in (a, b)$ with", "we can pick $c$ so that":
    # only with the words that make it a value that exists
    r"|(?i:\b(?:there\s+is|(?:a|one)\s+(?:point|value|number)|pick|choose|find|can\s+find)"
    r"(?:\s+(?:an?|some|one))?(?:\s+(?:value|point|number))?\s+)"
    r"(?<![\\$])\$(?P<some>[^$]+)\$"
    r"(?=[^.!?\n]{0,60}?(?:\b(?:such\s+that|so\s+that|satisfying|with(?!\s+respect\b)|for\s+which)\b"
    r"|使得))"
    # "…$$ where $c$ lies between $0$ and $x$": a point the theorem gives
    r"|(?<![\\$])\$(?P<lies>[^$]{1,20})\$\s+(?:lies\s+(?:between|in|strictly)"
    r"|is\s+(?:a|some)\s+(?:point|value|number)\s+(?:between|in))"
    r"|\$\s*\\exists\s*(?:\\[,;:! ]\s*)?(?P<exists>[^$]{1,20})\$"  # $\exists\, c \in (0, x)$
)
# where the name ends: "\varepsilon \in (0, 1)", "\xi, \eta", "c > 0"
_NAME_END = lazy(r"\\in(?![a-zA-Z])|∈|[,<>=]|\\[lg]eq?(?![a-zA-Z])|\\neq?(?![a-zA-Z])")

_LETTER = lazy(r"(\\?[a-zA-Z]+)\s*+_\s*+(?:\{[^{}]*\}|\w)")


def existential_names(text: str) -> dict[str, str]:
    """Each name ``text`` says exists, by the name a step's symbols carry, with where: "line 4"."""
    found: dict[str, str] = {}
    for said in _EXISTS.finditer(text):
        math = said["math"] or said["some"] or said["lies"] or said["exists"]
        if "=" in math:
            continue  # "choose $z = (0, \\ln 2)$ so that": a value given, no value that exists
        head = _NAME_END.split(math, maxsplit=1)[0].strip()
        named = defined_name(head) if head else None
        # (t_0: every step writing t, not only at 0 — it only keeps flags from standing)
        letter = _LETTER.fullmatch(head) if named is None else None
        name = named[0] if named is not None else letter[1] if letter is not None else None
        if name is not None:
            line = text.count("\n", 0, said.start()) + 1
            found.setdefault(re.sub(r"^\\", "", name), f"line {line}")
    return found


def refuse_existential(
    sides: list[sympy.Expr], meanings: Meanings, checks: list[CaseCheck]
) -> None:
    """Raise Unreadable where a step that is not proved in every case writes a name the text
    says exists: it is claimed for that value alone."""
    written = {str(symbol) for side in sides for symbol in side.free_symbols}
    exists = sorted(written & meanings.existential.keys())
    if exists and not all(check.verdict.status == "proved" for check in checks):
        at = meanings.existential[exists[0]]
        raise Unreadable(
            f"{exists[0]} is a value the text says exists ({at}): the step is claimed for that "
            "value alone, not judged for every value"
        )
