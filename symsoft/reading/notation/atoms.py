"""The atoms of a vector expression: bold letters, calls such as softmax(z), gradients, transposes,
each read as a value with its shape and its entry in index notation.
"""

from __future__ import annotations

import re

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.atom_patterns import _ATOMS, _DIAG
from symsoft.reading.notation.differentials import value as differential_value
from symsoft.reading.notation.gradient_operators import (
    _APPLIED_GRADIENT,
    _OPEN_GRADIENT,
    by_a_number,
)
from symsoft.reading.notation.sample_vectors import sample_atom
from symsoft.reading.notation.written_out import (
    _BOLD,
    LOGISTIC_SIGMA,
    SOFTMAX_SIGMA,
    _marked,
    _Value,
    vector_call,
)

# a matrix or vector written out: bmatrix, pmatrix, matrix, the bars of vmatrix and Vmatrix
# that posts put around a Jacobian (a determinant or a norm is a number: its shape fits no
# matrix on the other side, so it is never read as one), and an array with its columns' spec
_LITERAL = lazy(
    r"(\\left\s*[\[(]\s*)?\\begin\s*\{\s*([bpvBV]?matrix|array)\s*\}(?:\s*\{[lcr|\s]*\})?"
)


def _delta(a: str, b: str) -> str:
    if a.isdigit() and b.isdigit():
        return "1" if a == b else "0"
    return rf"\delta_{{{a}{b}}}"


def _scalar(text: str) -> _Value:
    return _Value(False, False, lambda a, b: text)


def _name(match: re.Match[str], first: int) -> str:
    return match.group(first) or match.group(first + 1)


def _accented(match: re.Match[str], first: int) -> str | None:
    """The vector of an :data:`_ACCENTED` whose groups start at ``first``: ``\\hat{y}``, ``p``."""
    accent, letter = (
        match.group(first),
        next((g for g in match.groups()[first : first + 4] if g), None),
    )
    if letter is None:
        return None
    if accent is None:
        return letter
    if not letter.lstrip("\\").isalpha() or letter.isupper():
        raise Unreadable(f"\\{accent} of a bold {letter} is not read", match.start())
    return rf"\{accent}{{{letter}}}"


def _matching(text: str, start: int) -> int:
    from symsoft.reading.documents.brackets import matching

    return matching(text, start)


# \exp( … ), \log \left( … \right): a function of a group; \frac{…}{…}
_SOFTMAX_BEFORE = lazy(
    r"(?:\\(?:text|textrm|mathrm|operatorname|textsf|mathsf)\s*\{\s*[sS]oftmax\s*\}"
    r"|(?<![a-zA-Z\\])[sS]oftmax)\s*$"
)
_SIGMA_BEFORE = lazy(r"\\sigma\s*$")
_DIAG_OF_GROUP = lazy(_DIAG + r"\s*(?=\\left\s*\(|\()")
_FUNCTION_OF_GROUP = lazy(r"\\(exp|log|ln|tanh)\s*(?=\\left\s*\(|\\[bB]igg?l?\s*\(|\()")
# σ(\mathbf{z}), σ'(\mathbf{z}), tanh'(\mathbf{z}) (tanh without a prime is the pattern above)
_PRIMED_OF_GROUP = lazy(r"\\(sigma|tanh)\s*(')?\s*(?=\\left\s*\(|\\[bB]igg?l?\s*\(|\()")
_DERIVATIVE = lazy(r"\s*(?:\\mathrm\s*\{\s*d\s*\}|d(?![a-zA-Z])|.*\\partial|.*\\nabla)", re.S)
_FRACTION = lazy(r"\\[dt]?frac\s*(?=\{)")
_INNER = lazy(
    r"(?:\\left\s*\(|\\[bB]igg?l?\s*\(|\()(.*?)(?:\\right\s*\)|\\[bB]igg?r?\s*\)|\))$", re.S
)


class _Atoms:
    """Part of :class:`_Translation`."""

    def _inside(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The group opened at ``start`` (a parenthesis or a brace): where its inside begins and
        ends, and where the group closes; None when it does not close before ``end``."""
        close = _matching(self.text, start)
        if not start < close <= end:
            return None
        if self.text[start] == "{":
            return start + 1, close - 1, close
        inner = _INNER.match(self.text, start, close)
        return (inner.start(1), inner.end(1), close) if inner else None

    def _call(self, pos: int, end: int) -> tuple[_Value, int] | None:
        """softmax(…) and logsumexp(…) of a vector; \\exp, \\log of a vector in a group, entry by
        entry."""
        call = vector_call(self.text, pos, end)
        if call is not None:
            return self._vector_function(call[0], call[1], end), call[2]
        logarithm = re.match(r"\\(?:log|ln)(?![a-zA-Z])\s*", self.text[pos:end])
        call = vector_call(self.text, pos + logarithm.end(), end) if logarithm else None
        if logarithm and call is not None and call[0] == "softmax":  # \log \mathrm{softmax}(z)
            value = self._vector_function(call[0], call[1], end)
            return _Value(
                value.rows, value.columns, lambda a, b: rf"\log\left({value.entry(a, b)}\right)"
            ), call[2]
        diagonal = _DIAG_OF_GROUP.match(self.text, pos, end)
        group = self._inside(diagonal.end(), end) if diagonal else None
        if (
            diagonal
            and group
            and _marked(self.text[group[0] : group[1]])
            and not re.fullmatch(r"\s*" + _BOLD + r"\s*", self.text[group[0] : group[1]])
        ):  # diag(\mathbf{p}), diag(\mathbf{p})^{-1}: the atom below
            value = self.sum(group[0], group[1])  # diag(\mathrm{softmax}(\mathbf{z}))
            if value.shape not in ("vector", "row vector") or value.size is not None:
                raise Unreadable(f"diag of a {value.shape} is not read", pos)
            diagonal = lambda a, b: rf"{_delta(a, b)} \left({value.entry(a, a)}\right)"  # noqa: E731
            return _Value(True, True, diagonal), group[2]
        applied = _FUNCTION_OF_GROUP.match(self.text, pos, end)
        primed = None if applied else _PRIMED_OF_GROUP.match(self.text, pos, end)
        if primed and (primed.group(1) != "sigma" or LOGISTIC_SIGMA.get()):
            applied = primed  # σ(\mathbf{z}), σ' where σ is the text's logistic function
        group = self._inside(applied.end(), end) if applied else None
        if applied and group and _marked(self.text[group[0] : group[1]]):
            value = self.sum(group[0], group[1])
            if applied is primed and (
                value.shape == "scalar" or value.shape == "matrix" or value.size is not None
            ):
                return None  # σ(\mathbf{w}^T \mathbf{x}): a number (translation's own path)
            if value.shape == "matrix":
                raise Unreadable(f"\\{applied.group(1)} of a matrix is not read", pos)
            name = applied.group(1)
            if applied is primed and primed.group(2):  # σ'(z_r): the grammar's own prime
                return _Value(
                    value.rows, value.columns, lambda a, b: rf"\{name}'({value.entry(a, b)})"
                ), group[2]
            return _Value(
                value.rows, value.columns, lambda a, b: rf"\{name}\left({value.entry(a, b)}\right)"
            ), group[2]
        return None

    def _softmax_named(self, before: str) -> bool:
        """Whether ``before`` ends with σ and σ is the document's softmax: ``\\sigma(\\mathbf{z})``
        is a vector, not a number like ``L(\\mathbf{o})``."""
        return SOFTMAX_SIGMA.get() and _SIGMA_BEFORE.search(before) is not None

    def _softmax_group(
        self, before: str, pos: int, inside: tuple[int, int], factors: list
    ) -> _Value | None:
        """``\\mathrm{softmax}(\\mathbf{z} + c)``, ``\\sigma\\left(\\frac{\\mathbf{z}}{T}\\right)``
        where σ is the document's softmax: the softmax of a vector expression, a vector (its
        entry when an index follows); ``before`` is the text before the group at ``pos``."""
        found = _SOFTMAX_BEFORE.search(before) or (
            _SIGMA_BEFORE.search(before) if SOFTMAX_SIGMA.get() else None
        )
        if found is None or not _marked(self.text[inside[0] : inside[1]]):
            return None
        _, at = self.coefficients.pop()
        factors.pop()  # the function's name, read as a coefficient
        if before[: found.start()].strip():
            factors.append(self._coefficient(before[: found.start()], at))
        return self._vector_function("softmax", pos, len(self.text))

    def _quotient(self, pos: int, end: int) -> tuple[_Value, int] | None:
        """A fraction with a vector above or below the bar, entry by entry (not a derivative)."""
        fraction = _FRACTION.match(self.text, pos, end)
        above = self._inside(fraction.end(), end) if fraction else None
        gap = re.match(r"\s*", self.text[above[2] : end]).end() if above else 0  # a line break
        below = (
            self._inside(above[2] + gap, end)
            if above and self.text[above[2] + gap : above[2] + gap + 1] == "{"
            else None
        )
        if not (above and below) or not _marked(self.text[above[0] : below[1]]):
            return None
        if any(_DERIVATIVE.match(self.text, part[0], part[1]) for part in (above, below)):
            return None  # a derivative, not a quotient
        top, bottom = (
            self.sum(*part[:2])
            if _marked(self.text[part[0] : part[1]])
            else _scalar(self.text[part[0] : part[1]])
            for part in (above, below)
        )
        shapes = {v.shape for v in (top, bottom)} - {"scalar"}
        if "matrix" in shapes or len(shapes) > 1:
            raise Unreadable(f"a {top.shape} over a {bottom.shape} is not read", pos)
        quotient = top if top.shape != "scalar" else bottom
        return _Value(
            quotient.rows,
            quotient.columns,
            lambda a, b: rf"\frac{{{top.entry(a, b)}}}{{{bottom.entry(a, b)}}}",
        ), below[2]

    def _vector_function(self, kind: str, start: int, end: int) -> _Value:
        """softmax(v) at entry a, ``e^{v_a} / \\sum_k e^{v_k}``, or log-sum-exp(v), a number."""
        group = self._inside(start, end)
        assert group is not None
        value = self.sum(group[0], group[1])
        if value.shape in ("matrix", "scalar"):
            raise Unreadable(f"{kind} of a {value.shape} is not read", start)
        bare = re.fullmatch(r"\s*" + _BOLD + r"\s*", self.text[group[0] : group[1]])
        name = bare and (bare.group(1) or bare.group(2))
        if name and name.isalpha() and name.islower():  # the reading of softmax(z)_i, lse(z)
            if kind == "lse":
                return _scalar(rf"\mathrm{{lse}}({name})")
            return _Value(
                value.rows,
                value.columns,
                lambda a, b: rf"\mathrm{{softmax}}({name})_{{{a if value.rows else b}}}",
            )
        k = self.fresh()
        total = rf"\sum_{{{k}}} e^{{{value.entry(k, k)}}}"
        if kind == "lse":
            return _scalar(rf"\log\left({total}\right)")
        return _Value(
            value.rows,
            value.columns,
            lambda a, b: rf"\frac{{e^{{{value.entry(a, b)}}}}}{{{total}}}",
        )

    def _atom(self, pos: int, end: int) -> tuple[_Value, int] | None:
        differential = differential_value(self.text, pos, end, self.fresh, self.vectors)
        if differential is not None:  # d\mathbf{p}, dL: a directional derivative
            return self._oriented(differential[0]), differential[1]
        literal = _LITERAL.match(self.text, pos, end)
        if literal:
            return self._literal(literal, end)
        call = self._call(pos, end)
        if call is not None:
            value, after = call
            return self._oriented(value), after
        opened = self._open_gradient(pos, end)
        if opened is not None:
            return self._oriented(opened), end
        grouped = self._group_derivative(pos, end)  # \frac{\partial (…)}{\partial \mathbf{b}}
        if grouped is not None:
            return self._oriented(grouped[0]), grouped[1]
        applied = _APPLIED_GRADIENT.match(self.text, pos, end)
        if applied:  # \nabla_{\mathbf{z}} \left( … \right): the gradient of what is in the group
            close = _matching(self.text, applied.end())
            inside = self._inside(applied.end(), end)
            variable = _name(applied, 1) or applied.group(3)
            if inside and _marked(self.text[inside[0] : inside[1]]):  # ∇_w (log σ(w^T x))
                number = self.sum(inside[0], inside[1])
                if number.shape != "scalar" or number.size is not None:
                    raise Unreadable(f"the gradient of a {number.shape} is not read", pos)
                if by_a_number(applied, self.text[inside[0] : inside[1]]):  # ∂/∂b (…), b plain
                    entry = number.entry("r", "r")  # (a number: the same at every entry)
                    by = rf"\frac{{\partial}}{{\partial {variable}}}"
                    return _scalar(rf"{by} \left({entry}\right)"), inside[2]
                return self._oriented(
                    _Value(
                        True,
                        False,
                        lambda a, b: (
                            rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}}"
                            rf" \left({number.entry(a, a)}\right)"
                        ),
                    )
                ), inside[2]
            if 0 < close <= end and not _marked(self.text[applied.end() : close]):
                group = self.text[applied.end() : close]
                return self._oriented(
                    _Value(
                        True,
                        False,
                        lambda a, b: (
                            rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}}"
                            rf" {group}"
                        ),
                    )
                ), close
        if sample := sample_atom(self.text, pos, end):  # \mathbf{x}_i, the i-th sample's vector
            value = _Value(True, False, lambda a, b: f"{sample[0]}_{{{sample[1]},{a}}}")
            return self._oriented(value), sample[2]
        for kind, pattern in _ATOMS:
            match = pattern.match(self.text, pos, end)
            if match is None:
                continue
            if kind == "identity" and not _marked(self.text):
                continue
            return self._oriented(self._value(kind, match)), match.end()
        quotient = self._quotient(pos, end)
        if quotient is not None:
            return self._oriented(quotient[0]), quotient[1]
        return None

    def _open_gradient(self, pos: int, end: int) -> _Value | None:
        """``\\nabla_{\\mathbf{z}} \\log \\sum_j e^{z_j}`` as a whole side: the gradient (with
        ``^2`` the Hessian) of the logarithm, the one reading when the side is that one term
        (no ``+`` or ``-`` outside groups, no vector notation after the operator).  None: the
        side is not written so."""
        opened = _OPEN_GRADIENT.match(self.text, pos, end)
        if opened is None or self.text[:pos].strip() or self.text[end:].strip(" \t\n.,;"):
            return None
        operand = self.text[opened.end() : end]
        signs = any(char in "+-\u2212" for _, char in self._top_level(opened.end(), end))
        hessian = opened.group(1) or opened.group(5)
        if signs or (_marked(operand) and hessian):
            return None
        if _marked(operand):  # a number written with vectors: the gradient of its entry form
            log = re.match(r"\\(log|ln)(?![a-zA-Z])\s*", operand)  # \log of the whole rest
            number = self.sum(opened.end() + (log.end() if log else 0), end)
            if number.shape != "scalar" or number.size is not None:
                return None
            operand = number.entry("r", "r")  # (a scalar: the same at every entry)
            operand = rf"\{log[1]}\left({operand}\right)" if log else operand
        variable = _name(opened, 2) or opened.group(4)
        if by_a_number(opened, self.text[opened.end() : end], 2) and not hessian:
            return _scalar(rf"\frac{{\partial}}{{\partial {variable}}} \left({operand}\right)")
        if hessian:
            return _Value(
                True,
                True,
                lambda a, b: (
                    rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}} \left("
                    rf"\frac{{\partial}}{{\partial {variable}_{{{b}}}}}"
                    rf" \left({operand}\right)\right)"
                ),
            )
        return _Value(
            True,
            False,
            lambda a, b: (
                rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}}"
                rf" \left({operand}\right)"
            ),
        )

    def _value(self, kind: str, m: re.Match[str]) -> _Value:
        if kind == "entry_gradient":
            variable = _name(m, 1) or m.group(3)
            quantity, index = m.group(4), m.group(5) or m.group(6)
            return _scalar(rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{index}}}}}")
        if kind == "entry":
            return _scalar(f"{_name(m, 1)}_{{{m.group(3) or m.group(4)}}}")
        if kind == "gradient":
            variable, quantity = _accented(m, 2) or m.group(7), m.group(9)
            if m.group(1) or m.group(8):
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
        if kind in ("fraction", "slashed", "jacobian"):
            fraction = kind != "jacobian"
            variable, vector = (
                (_accented(m, 7), _accented(m, 1)) if fraction else (_name(m, 1), _name(m, 3))
            )
            if fraction and m.group(6) in self.vectors and m.group(6).islower():
                vector = m.group(6)  # \frac{\partial p}{\partial \mathbf{z}}, p_i defined
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
            quantity = m.group(6)
            return _Value(
                True,
                False,
                lambda a, b: rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{a}}}}}",
            )
        if kind == "diag":
            vector = _name(m, 1)
            if m.group(3):  # diag(p)^{-1}: 1/p_r on the diagonal
                return _Value(
                    True, True, lambda a, b: rf"\frac{{{_delta(a, b)}}}{{{vector}_{{{a}}}}}"
                )
            return _Value(True, True, lambda a, b: f"{_delta(a, b)} {vector}_{{{a}}}")
        if kind == "elementwise":  # \log \mathbf{p}, \log \hat{\mathbf{y}} (its accent first)
            function, *written = [g for g in m.groups() if g]
            if not written[-1].lstrip("\\").isalpha() or written[-1].isupper():
                raise Unreadable(f"\\{function} of a bold {written[-1]} is not read", m.start())
            vector = rf"\{written[0]}{{{written[1]}}}" if len(written) == 2 else written[0]
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
