"""A hyperbolic function the text defines its own way, in words that define ("our own squashing
function, defined as $\\tanh(x) = \\frac{x}{1 + |x|}$ (not the usual one)", "Let $\\cosh x :=
…$"): its value (up to a second "=") differs from the standard function's at two points. Every
formula that writes it is then not read (a step judged with the standard tanh would be a false
verdict, review 74); a definition that gives the standard value keeps the standard reading."""

from __future__ import annotations

import re

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.builder import OWN_HYPERBOLIC
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy

_NAME = (
    r"(?:\\(?:text|mathrm|operatorname)\s*\{\s*(?P<worded>sech|csch)\s*\}"
    r"|\\(?P<name>tanh|sinh|cosh|sech|coth|csch))"
)
_FORMULA = (
    _NAME + r"\s*(?:\\left\s*)?\(?\s*(?P<var>[a-z]|\\[a-z]+)\s*(?:\\right\s*)?\)?\s*"
    r"(?::=|=)(?P<value>[^$]+)\$"
)
_OWN_WORDS = r"our\s+own|custom|modified|toy|redefin\w*|not\s+the\s+usual"
_DEFINED = lazy(  # the defining words before it (a decimal's point may stand between)
    r"(?i)\b(?:defin\w*|" + _OWN_WORDS + r"|we\s+use|let(?!['’])|set|denote\w*)\b"
    r"(?:[^.!?$]|\.(?=\d)){0,120}?\$\$?\s*" + _FORMULA
)
_OWNED_AFTER = lazy(r"(?i)\$\$?\s*" + _FORMULA + r"\$?[^.!?$]{0,60}?\b(?:" + _OWN_WORDS + r")\b")


def own_hyperbolic(text: str) -> frozenset[str]:
    """The hyperbolic functions ``text`` defines with another value than the standard one."""
    own = set()
    for said in [*_DEFINED.finditer(text), *_OWNED_AFTER.finditer(text)]:
        name, var = said.group("name") or said.group("worded"), said.group("var")
        value = re.split(r"(?<![<>!:\\])=", said.group("value"))[0].strip().rstrip(",.;")
        if "\\" + name in value:
            continue  # \tanh(x) = … \tanh …: an identity, no definition
        try:
            if re.search(r"(?<![\\a-zA-Z])[a-zA-Z]\s*\(", value):
                raise ValueError  # \frac{g(x)}{h(x)}: functions of x, no products
            written = parse_expression(value, open_names=True)
            standard = parse_expression(f"\\{name}({var})", open_names=True)
            if written.has(sympy.Abs, sympy.Max, sympy.Min) and standard.has(sympy.exp):
                raise ValueError  # (|x|, max, min: a piecewise function, no standard one)
            points = [
                {s: v for s in written.free_symbols | standard.free_symbols} for v in (0.3, 1.7)
            ]
            same = all(
                abs(complex(written.evalf(30, subs=p)) - complex(standard.evalf(30, subs=p)))
                < 1e-20
                for p in points
            )
        except (SymsoftError, ValueError, TypeError, ArithmeticError, RecursionError):
            # a value not read: another function where the words say it is the text's own
            same = not re.search(
                _OWN_WORDS, text[max(0, said.start() - 120) : said.end() + 80], re.I
            )
        if not same:
            own.add(name)
    return frozenset(own)


class StandardHyperbolic(dict):
    """The standard hyperbolic functions by name, none of those the text defines its own way:
    ``get`` of such a name is not read (``\\tanh'(x)`` after "our own $\\tanh(x) = 2x$")."""

    def get(self, name, default=None):  # type: ignore[override]
        if name in OWN_HYPERBOLIC.get():
            raise Unreadable(f"{name} is the text's own: not read")
        return super().get(name, default)


def standard_hyperbolic(x):
    """tanh, sinh, cosh of ``x`` by name, written with exponentials (sides.py)."""
    return StandardHyperbolic(
        {f.__name__: f(x).rewrite(sympy.exp) for f in (sympy.tanh, sympy.sinh, sympy.cosh)}
    )
