"""The atoms of a vector expression: bold letters, calls such as softmax(z), gradients, transposes,
each read as a value with its shape and its entry in index notation.
"""

from __future__ import annotations

import re

from symsoft.reading.names import Unreadable
from symsoft.reading.written_out import (
    _BOLD,
    _marked,
    _Value,
)

_LETTER = rf"(?:{_BOLD}|([a-zA-Z]))"


_SCALAR = r"(\\mathcal\s*\{\s*L\s*\}|\\ell(?![a-zA-Z])|[A-Za-z])"


_CALL = r"(?:\s*(?:\\left\s*)?\([^()]*(?:\\right\s*)?\))?"


_D = r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|d(?=\s*(?:\\|[A-Za-z]\s*\})))"  # ∂, or a total d


_ATOMS = [
    (  # [\nabla_{v} L]_i: one entry, a scalar
        "entry_gradient",
        re.compile(
            r"\[\s*\\nabla\s*_\s*\{?\s*"
            + _LETTER
            + r"\s*\}?\s*"
            + _SCALAR
            + _CALL
            + r"\s*\]\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"
        ),
    ),
    (  # [\mathbf{v}]_i
        "entry",
        re.compile(r"\[\s*" + _BOLD + r"\s*\]\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"),
    ),
    (  # \nabla^2_{v} L, \nabla_{v} L
        "gradient",
        re.compile(
            r"\\nabla\s*(\^\s*\{?\s*2\s*\}?)?\s*_\s*\{?\s*"
            + _LETTER
            + r"\s*\}?\s*"
            + r"(\^\s*\{?\s*2\s*\}?)?\s*"
            + _SCALAR
            + _CALL
        ),
    ),
    (  # J_{\mathbf{x}}(\mathbf{s}), \mathbf{J}_{\mathbf{x}}(\mathbf{s}): the Jacobian of s by x
        "jacobian",
        re.compile(
            r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*J\s*\}|\\(?:mathbf|boldsymbol|bm)\s+J|(?<![\\a-zA-Z])J)"
            r"\s*_\s*\{\s*"
            + _BOLD
            + r"\s*\}\s*(?:\\left\s*)?\(\s*"
            + _BOLD
            + r"\s*(?:\\right\s*)?\)"
        ),
    ),
    (  # \frac{\partial L}{\partial \mathbf{o}}, \frac{\partial \mathbf{p}}{\partial \mathbf{o}}
        "fraction",
        re.compile(
            r"\\[dt]?frac\s*\{\s*" + _D + r"\s*(?:" + _BOLD + r"|" + _SCALAR + r")\s*\}\s*"
            r"\{\s*" + _D + r"\s*" + _BOLD + r"\s*\}"
        ),
    ),
    (
        "diag",
        re.compile(
            r"(?:\\operatorname\s*\{\s*diag\s*\}|\\(?:text|mathrm|textrm)\s*\{\s*diag\s*\}"
            r"|\\diag(?![a-zA-Z]))\s*(?:\\left\s*)?\(\s*" + _BOLD + r"\s*(?:\\right\s*)?\)"
        ),
    ),
    (  # \hat{\mathbf{y}}: the vector ŷ
        "accented",
        re.compile(r"\\(hat|tilde|bar)\s*\{\s*" + _BOLD + r"\s*\}(?!\s*_)"),
    ),
    (  # \log \mathbf{p}, \exp(\mathbf{o}): the function entry by entry
        "elementwise",
        re.compile(
            r"\\(log|ln|exp)\s*(?:\\left\s*\(\s*"
            + _BOLD
            + r"\s*\\right\s*\)|\(\s*"
            + _BOLD
            + r"\s*\)(?!\s*[_^])|"
            + _BOLD
            # nothing after it in its term (but a transpose: \log \mathbf{s}^\top is (\log s)^T):
            # \log \mathbf{p} \mathbf{q} may be \log(p q)
            + r"(?=\s*(?:\^\s*(?:\{\s*(?:\\top|T|\\intercal)\s*\}|\\top|T|\\intercal)(?![a-zA-Z]))?"
            + r"\s*(?:$|[-+)\]}.,=&]|\\right(?![a-zA-Z])|\\end(?![a-zA-Z])|\\\\)))"
        ),
    ),
    ("bold", re.compile(_BOLD + r"(?!\s*_)")),
    ("identity", re.compile(r"(?<![\\a-zA-Z])I(?![a-zA-Z_])")),
]


_APPLIED_GRADIENT = re.compile(
    r"\\nabla\s*_\s*\{?\s*" + _LETTER + r"\s*\}?\s*(?=\\left\s*\(|\\[bB]igg?l?\s*\(|\()"
)


_LITERAL = re.compile(r"(\\left\s*[\[(]\s*)?\\begin\s*\{\s*([bp]?matrix)\s*\}")


def _delta(a: str, b: str) -> str:
    if a.isdigit() and b.isdigit():
        return "1" if a == b else "0"
    return rf"\delta_{{{a}{b}}}"


def _scalar(text: str) -> _Value:
    return _Value(False, False, lambda a, b: text)


def _name(match: re.Match[str], first: int) -> str:
    return match.group(first) or match.group(first + 1)


def _matching(text: str, start: int) -> int:
    from symsoft.reading.brackets import matching

    return matching(text, start)


class _Atoms:
    """Part of :class:`_Translation`."""

    def _atom(self, pos: int, end: int) -> tuple[_Value, int] | None:
        literal = _LITERAL.match(self.text, pos, end)
        if literal:
            return self._literal(literal, end)
        applied = _APPLIED_GRADIENT.match(self.text, pos, end)
        if applied:  # \nabla_{\mathbf{z}} \left( … \right): the gradient of what is in the group
            close = _matching(self.text, applied.end())
            if 0 < close <= end and not _marked(self.text[applied.end() : close]):
                variable = _name(applied, 1) or applied.group(3)
                group = self.text[applied.end() : close]
                return self._oriented(
                    _Value(
                        True,
                        False,
                        lambda a, b: rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}} {group}",
                    )
                ), close
        for kind, pattern in _ATOMS:
            match = pattern.match(self.text, pos, end)
            if match is None:
                continue
            if kind == "identity" and not _marked(self.text):
                continue
            return self._oriented(self._value(kind, match)), match.end()
        return None

    def _value(self, kind: str, m: re.Match[str]) -> _Value:
        if kind == "entry_gradient":
            variable = _name(m, 1) or m.group(3)
            quantity, index = m.group(4), m.group(5) or m.group(6)
            return _scalar(rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{index}}}}}")
        if kind == "entry":
            return _scalar(f"{_name(m, 1)}_{{{m.group(3) or m.group(4)}}}")
        if kind == "gradient":
            variable = _name(m, 2) or m.group(4)
            quantity = m.group(6)
            if m.group(1) or m.group(5):
                return _Value(
                    True,
                    True,
                    lambda a, b: (
                        rf"\frac{{\partial^2 {quantity}}}"
                        rf"{{\partial {variable}_{{{a}}} \partial {variable}_{{{b}}}}}"
                    ),
                )
            return _Value(
                True,
                False,
                lambda a, b: rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{a}}}}}",
            )
        if kind in ("fraction", "jacobian"):
            variable, vector = (
                (_name(m, 4), _name(m, 1)) if kind == "fraction" else (_name(m, 1), _name(m, 3))
            )
            if vector:
                flip = self.layout.startswith("denominator")  # row: the variable
                return _Value(
                    True,
                    True,
                    lambda a, b: (
                        rf"\frac{{\partial {vector}_{{{b if flip else a}}}}}"
                        rf"{{\partial {variable}_{{{a if flip else b}}}}}"
                    ),
                )
            quantity = m.group(3)
            return _Value(
                True,
                False,
                lambda a, b: rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{a}}}}}",
            )
        if kind == "diag":
            vector = _name(m, 1)
            return _Value(True, True, lambda a, b: f"{_delta(a, b)} {vector}_{{{a}}}")
        if kind == "elementwise":
            function, vector = m.group(1), next(g for g in m.groups()[1:] if g)
            if not vector.lstrip("\\").isalpha() or vector.isupper():
                raise Unreadable(f"\\{function} of a bold {vector} is not read", m.start())
            return _Value(True, False, lambda a, b: rf"\{function}({vector}_{{{a}}})")
        if kind == "accented":
            accent, vector = m.group(1), _name(m, 2)
            if not vector.lstrip("\\").isalpha() or vector.isupper():
                raise Unreadable(f"\\{accent} of a bold {vector} is not read", m.start())
            return _Value(True, False, lambda a, b: rf"\{accent}{{{vector}}}_{{{a}}}")
        if kind == "bold":
            vector = _name(m, 1)
            if vector.isupper() and vector not in self.vectors:
                raise Unreadable(f"a bold capital {vector}: a matrix? not read", m.start())
            if vector == "1":
                return _Value(True, False, lambda a, b: "1")
            if vector == "0":
                return _Value(True, False, lambda a, b: "0")
            if vector.isdigit():
                raise Unreadable(f"\\mathbf{{{vector}}} is not read", m.start())
            return _Value(True, False, lambda a, b: f"{vector}_{{{a}}}")
        assert kind == "identity"
        return _Value(True, True, lambda a, b: _delta(a, b))
