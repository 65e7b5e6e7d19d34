"""The symbol table of the grammar: which letters are indices, sizes, vectors and scalars, how a
written name becomes a SymPy symbol, and the small builders (powers, exponentials, quantities,
derivatives, conditions) the transformer calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import sympy
from lark import Token

from symsoft.reading.documents.counts import COUNTED, SAMPLES, SAMPLES_APART, VARIABLES
from symsoft.reading.documents.layers import LAYERED
from symsoft.reading.documents.sample_losses import SUMMED_APART
from symsoft.reading.grammar.forms import Case, Condition, Derivative

if TYPE_CHECKING:
    from symsoft.reading.grammar.builder import _Variable
    from symsoft.reading.grammar.name_rules import _Name


MAX_NUMBER_DIGITS = 30


MAX_NUMERIC_BITS = 100_000


MAX_EXPONENT = 1_000_000


class _Rejection(Exception):
    """Raised inside the transformer; turned into ClaimSyntaxError where the text is known."""

    def __init__(self, problem: str, pos: int) -> None:
        super().__init__(problem)
        self.problem, self.pos = problem, pos


def _quoted(source: str, limit: int = 30) -> str:
    return repr(source if len(source) <= limit else source[:limit] + "…").replace("\\\\", "\\")


INDEX_NAMES = frozenset("ijklmn")


COUNT_NAMES = frozenset("NKM")


VECTOR_NAMES = frozenset("SaoY")


SCALAR_OR_VECTOR_NAMES = frozenset("pyxz")


SCALAR_NAMES = {"Z": {"real": True}, "L": {"real": True}, "T": {"positive": True}}
_ENTRY_CAPITALS = frozenset({"Z", "T"})
"""Names of the claim language that a document writing them with an index (``Z_{ik}``, the logits
of a batch; ``T_{nk}``, targets) uses for a vector or a matrix, never for the number (the partition
sum Z, the temperature T), which takes no index."""


GREEK_NAMES = {name: name for name in ("epsilon", "tau", "alpha", "beta", "gamma", "eta", "lambda")}


def index_symbol(name: str) -> sympy.Symbol:
    """The index or size called ``name``."""
    return sympy.Symbol(name, integer=True, positive=True)


class _Quantity(NamedTuple):
    name: str
    index: sympy.Expr | tuple[sympy.Expr, ...] | None


def _symbol(
    name: _Name, indices: tuple[sympy.Expr, ...] = (), open_names: bool = False
) -> sympy.Expr:
    """The SymPy object the symbol table gives ``name`` carrying ``indices``."""
    text = name.text
    if "^" in text and text[0] not in LAYERED.get():
        raise _Rejection(f"ambiguous '{text}_…': a layer's label or a power? not read", name.pos)
    entry = bool(indices) and text in _ENTRY_CAPITALS  # Z_{ik}: an entry, not the sum Z
    if open_names and (entry or text not in COUNT_NAMES | INDEX_NAMES | SCALAR_NAMES.keys()):
        if len(indices) > 2:
            raise _Rejection(f"'{text}' has {len(indices)} indices; at most 2", name.pos)
        if indices:
            return sympy.Indexed(sympy.IndexedBase(text), *indices)
        return sympy.Symbol(text, real=True)
    known = (
        VECTOR_NAMES
        | SCALAR_OR_VECTOR_NAMES
        | SCALAR_NAMES.keys()
        | COUNT_NAMES
        | INDEX_NAMES
        | set(GREEK_NAMES.values())
    )
    if text not in known:
        raise _Rejection(f"unknown symbol '{text}'", name.pos)
    if text in VECTOR_NAMES or (indices and text in SCALAR_OR_VECTOR_NAMES):
        if not indices:
            raise _Rejection(f"'{text}' needs an index, as in {text}_i", name.pos)
        if len(indices) > 2:
            raise _Rejection(f"'{text}' has {len(indices)} indices; at most 2", name.pos)
        return sympy.Indexed(sympy.IndexedBase(text), *indices)
    if indices and (why := dict(SUMMED_APART.get()).get(text)):
        raise _Rejection(why, name.pos)  # L = \sum_{i=0}^5 L_i beside \sum_{i=1}^5 …
    if indices:
        raise _Rejection(f"'{text}' takes no index", name.pos)
    if text in SCALAR_OR_VECTOR_NAMES or text in GREEK_NAMES.values():
        return sympy.Symbol(text, real=True)
    if text in SCALAR_NAMES:
        return sympy.Symbol(text, **SCALAR_NAMES[text])
    if text in COUNT_NAMES or text in COUNTED.get():
        return SAMPLES if text == "N" and SAMPLES_APART.get() else index_symbol(text)
    if text in VARIABLES.get():  # \frac{d}{dn} e^n: n a variable of the document's
        return sympy.Symbol(text, real=True)
    raise _Rejection(f"index '{text}' used as a value", name.pos)


def _index(token: Token, open_names: bool = False) -> sympy.Expr:
    """An index written as one token: a letter, or a number."""
    text = token.strip("{} \t\r\n")
    pos = token.start_pos + token.index(text)
    if text.isdigit():
        if len(text) > MAX_NUMBER_DIGITS:
            raise _Rejection("number too long", pos)
        return sympy.Integer(int(text))
    if "." in text:
        raise _Rejection(f"index {_quoted(text)} is not an integer", pos)
    if text in INDEX_NAMES or text in COUNT_NAMES:
        return SAMPLES if text == "N" and SAMPLES_APART.get() else index_symbol(text)
    if open_names and len(text) == 1 and text.isalpha() and text != "e":
        return index_symbol(text)
    raise _Rejection(f"'{text}' is not an index (indices: i j k l m n N K M)", pos)


def _numeric_bits(value: sympy.Expr) -> int:
    """An upper estimate of the bits of the exact number SymPy would expand ``value`` to."""
    if value.is_Rational:
        return max(abs(value.p).bit_length(), value.q.bit_length())
    if value.is_Pow and value.exp.is_Rational:
        return _numeric_bits(value.base) * (abs(value.exp.p) // value.exp.q + 1)
    if value.is_Mul:
        return sum(_numeric_bits(factor) for factor in value.args)
    return 0


def _power(base: sympy.Expr, exponent: sympy.Expr, pos: int) -> sympy.Expr:
    if base.is_number and exponent.is_Rational:
        if _numeric_bits(base) * (abs(exponent.p) // exponent.q + 1) > MAX_NUMERIC_BITS:
            raise _Rejection("number too large to compute exactly", pos)
    elif exponent.is_Rational and abs(exponent) > MAX_EXPONENT:
        raise _Rejection(f"exponent {exponent} too large (at most {MAX_EXPONENT} in size)", pos)
    return sympy.Pow(base, exponent)


def _exp(argument: sympy.Expr, pos: int) -> sympy.Expr:
    # exp(c·log x) evaluates to x**c, a number to compute when x and c are numbers.
    for factor in sympy.Mul.make_args(argument):
        if isinstance(factor, sympy.log) and factor.args[0].is_number:
            _power(factor.args[0], sympy.cancel(argument / factor), pos)
    return sympy.exp(argument)


def _quantity(value: sympy.Expr, pos: int) -> _Quantity:
    """The name of a differentiated quantity (see :class:`Derivative`)."""
    if isinstance(value, sympy.Indexed):
        indices = value.indices
        return _Quantity(str(value.base.label), indices[0] if len(indices) == 1 else indices)
    if isinstance(value, sympy.Symbol):
        return _Quantity(value.name, None)
    if isinstance(value, sympy.log) and isinstance(value.args[0], sympy.Indexed | sympy.Symbol):
        inner = _quantity(value.args[0], pos)
        return _Quantity(f"log {inner.name}", inner.index)
    if isinstance(value, sympy.log) and isinstance(value.args[0], sympy.Sum):
        body, (index, lower, upper) = value.args[0].args[0], value.args[0].limits[0]
        if (
            isinstance(body, sympy.exp)
            and isinstance(body.args[0], sympy.Indexed)
            and body.args[0].indices == (index,)
            and (lower, upper) == (1, index_symbol("N"))
        ):
            return _Quantity("lse", None)
    if value.func == sympy.Function("sigma") and isinstance(value.args[0], sympy.Symbol):
        return _Quantity("sigma", None)
    raise _Rejection(f"cannot differentiate {_quoted(str(value))}: not a named quantity", pos)


def _derivative(
    quantity: _Quantity, variables: list[_Variable], order: int, pos: int
) -> Derivative:
    names = {variable.name for variable in variables}
    if len(names) > 1:
        raise _Rejection(f"mixed variables {sorted(names)}", pos)
    indices = [v.index for v in variables for _ in range(v.power)]
    if len(indices) != order:
        raise _Rejection(f"order {order} needs {order} differentiations, found {len(indices)}", pos)
    index = indices[0] if order == 1 else None if indices[0] is None else tuple(indices)
    return Derivative(quantity.name, quantity.index, names.pop(), index, order)


def _condition_value(condition: Condition) -> sympy.Expr:
    delta = sympy.KroneckerDelta(condition.left, condition.right)
    return delta if condition.relation == "eq" else 1 - delta


_OTHERWISE = Condition("otherwise", sympy.Integer(0), sympy.Integer(0))


def _single_digit(token: Token) -> None:
    if token.type == "NUMBER" and len(token) > 1:
        raise _Rejection(
            f"ambiguous script {_quoted(str(token))}: braces show what is scripted, "
            f"as in _{{{token}}}",
            token.start_pos,
        )


def summed_cases(limits: tuple, first: Case, second: Case, at: int) -> sympy.Expr:
    """``\\sum_i \\begin{cases} A & i = j \\\\ B & i \\neq j \\end{cases}``: the sum over i of a
    value with a case for i = j and one for the rest, δ_ij A + (1 - δ_ij) B (the one reading of
    a pair of complementary cases of the summed index)."""
    equal, other = (first, second) if first.condition is not _OTHERWISE else (None, None)
    if equal is not None and equal.condition is not None and equal.condition.relation == "ne":
        equal, other = other, equal
    if equal is None or other is None or other.condition is None or equal.condition is None:
        raise _Rejection("a sum of cases other than i = j and i ≠ j", at)
    said, rest = equal.condition, other.condition
    pair = {said.left, said.right}
    complement = rest is _OTHERWISE or (rest.relation == "ne" and {rest.left, rest.right} == pair)
    if said.relation != "eq" or not complement or limits[0] not in pair or len(pair) != 2:
        raise _Rejection("a sum of cases other than i = j and i ≠ j", at)
    delta = sympy.KroneckerDelta(said.left, said.right)
    return sympy.Sum(delta * equal.rhs + (1 - delta) * other.rhs, limits)
