"""A hyperbolic function the text defines its own way, in words that define ("our own squashing
function, defined as $\\tanh(x) = \\frac{x}{1 + |x|}$ (not the usual one)", "Let $\\cosh x :=
…$"): its value (up to a second "=") differs from the standard function's at two points. Every
formula that writes it is then not read (a step judged with the standard tanh would be a false
verdict, review 74); a definition that gives the standard value keeps the standard reading."""

from __future__ import annotations

import re

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.lazy_regex import lazy

_DEFINED = lazy(
    r"(?i)\b(?:defin\w*|our\s+own|custom|modified|we\s+use|let|denote\w*)\b[^.!?$]{0,80}?\$\$?\s*"
    r"\\(?P<name>tanh|sinh|cosh|sech|coth|csch)\s*(?:\\left\s*)?\(?\s*(?P<var>[a-z])\s*"
    r"(?:\\right\s*)?\)?\s*(?::=|=)(?P<value>[^$]+)\$"
)


def own_hyperbolic(text: str) -> frozenset[str]:
    """The hyperbolic functions ``text`` defines with another value than the standard one."""
    own = set()
    for said in _DEFINED.finditer(text):
        name, var = said.group("name"), said.group("var")
        value = re.split(r"(?<![<>!:\\])=", said.group("value"))[0].strip().rstrip(",.;")
        if "\\" + name in value:
            continue  # \tanh(x) = … \tanh …: an identity, no definition
        try:
            written = parse_expression(value, open_names=True)
            standard = parse_expression(f"\\{name}({var})", open_names=True)
            points = [
                {s: v for s in written.free_symbols | standard.free_symbols} for v in (0.3, 1.7)
            ]
            same = all(
                abs(complex(written.evalf(30, subs=p)) - complex(standard.evalf(30, subs=p)))
                < 1e-20
                for p in points
            )
        except (SymsoftError, ValueError, TypeError, ArithmeticError, RecursionError):
            same = True  # a value not read: nothing says it is another function
        if not same:
            own.add(name)
    return frozenset(own)
