"""Read claims written in the LaTeX of ML papers as SymPy expressions, strictly.

The grammar is ``latex.lark`` (LALR(1), no conflicts); the notation it accepts, the symbol table
and the limits are documented in ``docs/claims.md``. Nothing here calls ``eval``, ``sympify``,
``parse_expr`` or SymPy's ``parse_latex``: every SymPy object is built by a method named after
the grammar rule it reads. Whatever the parser could only read by guessing is a
:class:`ClaimSyntaxError` that quotes the input and points at it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import lark
import sympy
from lark import Token, Transformer_NonRecursive, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError

from symsoft.errors import SymsoftError
from symsoft.reading.characters import spelled_out
from symsoft.reading.parsers import lalr

__all__ = [
    "Case",
    "Claim",
    "ClaimSyntaxError",
    "Condition",
    "Derivative",
    "claims_from_text",
    "iter_claims",
    "index_symbol",
    "parse_claim",
    "parse_expression",
]

MAX_CLAIM_LENGTH = 5_000
"""Characters in one claim; longer input is rejected before it is parsed."""
MAX_NESTING = 32
"""Brackets and braces open at the same time; checked before parsing."""
MAX_TREE_DEPTH = 250
"""Levels of the parse tree, which also bounds chains like ``\\log \\log \\log x``."""
MAX_NUMBER_DIGITS = 30
MAX_NUMERIC_BITS = 100_000
"""Size of an exact number that a power such as ``2^{10^{9}}`` would have SymPy compute."""
MAX_EXPONENT = 1_000_000
"""Largest integer exponent of a power (``S_i^{1000000}`` is read; ``(S_i - S_j)^{10^{29}}``
is refused)."""
MAX_SUM_TERMS = 1_000
"""Terms of a sum with numeric bounds, which is expanded (``\\sum_{k=1}^{10^9}`` is refused)."""


class ClaimSyntaxError(SymsoftError, ValueError):
    """A claim that cannot be read without guessing.

    ``problem`` names what is wrong and quotes the input; ``line`` and ``column`` count from 1;
    ``context`` shows the offending line with a ``^`` under the offending character.
    """

    def __init__(self, problem: str, text: str, pos: int) -> None:
        self.problem = problem
        self.pos = pos = max(0, min(pos, len(text)))
        line_start = text.rfind("\n", 0, pos) + 1
        self.line = text.count("\n", 0, pos) + 1
        self.column = pos - line_start + 1
        self.context = _caret_context(text, pos, line_start)
        super().__init__(f"{problem} at line {self.line}, column {self.column}")


def _caret_context(text: str, pos: int, line_start: int, span: int = 40) -> str:
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    start = max(0, pos - line_start - span)
    shown = "".join(c if c.isprintable() else "?" for c in line[start : pos - line_start + span])
    return f"{shown}\n{' ' * (pos - line_start - start)}^"


@dataclass(frozen=True)
class Derivative:
    """The left side ``d quantity / d variable`` of a claim about a derivative.

    ``quantity`` is the name of what is differentiated: ``"S"``, ``"p"``, ``"L"``, ``"sigma"``,
    ``"log S"`` for ``\\log S_i``, ``"lse"`` for ``\\log \\sum_k e^{a_k}`` and ``\\mathrm{LSE}``.
    ``quantity_index`` is its index (a tuple when there are several, as in ``y_{nk}``).
    ``variable`` is the name differentiated by; ``D_j S_i`` means ``variable == "a"``.
    For ``order`` > 1, ``variable_index`` is the tuple of the indices, one per differentiation
    (``\\partial o_i \\partial o_j`` gives ``(i, j)``), or None when the variable has none.
    """

    quantity: str
    quantity_index: sympy.Expr | tuple[sympy.Expr, ...] | None
    variable: str
    variable_index: sympy.Expr | tuple[sympy.Expr, ...] | None
    order: int = 1


@dataclass(frozen=True)
class Condition:
    """An index condition ``left = right`` (``relation == "eq"``) or ``left ≠ right`` ("ne")."""

    relation: str
    left: sympy.Expr
    right: sympy.Expr


@dataclass(frozen=True)
class Case:
    """One value of a claim and the condition under which it is claimed (None: always)."""

    rhs: sympy.Expr
    condition: Condition | None


@dataclass(frozen=True)
class Claim:
    """``lhs = rhs``, with one case, or several from a ``cases`` block."""

    text: str
    lhs: Derivative | sympy.Expr
    cases: tuple[Case, ...]


def parse_expression(text: str, open_names: bool = False) -> sympy.Expr:
    """The SymPy expression written in ``text``.

    With ``open_names`` (documents), every letter is a name whose meaning the document gives:
    ``x`` a real symbol, ``x_i`` an entry ``x[i]``, any lowercase letter an index, any
    uppercase letter a size; without it, the claim language's fixed symbol table applies.

    >>> parse_expression(r"S_i(\\delta_{ij} - S_j)")
    (KroneckerDelta(i, j) - S[j])*S[i]
    >>> parse_expression(r"{\\hat{y}_c \\over t}", open_names=True)
    yhat[c]/t
    """
    return _parse(text, "expression", open_names)


def parse_claim(text: str) -> Claim:
    """The claim ``lhs = rhs`` written in ``text``, with its condition or cases.

    >>> claim = parse_claim(r"D_j S_i = -S_i S_j \\quad (i \\neq j)")
    >>> claim.lhs
    Derivative(quantity='S', quantity_index=i, variable='a', variable_index=j, order=1)
    >>> claim.cases
    (Case(rhs=-S[i]*S[j], condition=Condition(relation='ne', left=i, right=j)),)
    """
    return _parse(text, "claim")


_DISPLAY = re.compile(r"\\\[|\$\$|\\begin\{(equation\*?)\}")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


def iter_claims(text: str) -> Iterator[tuple[int, Claim]]:
    """The claims of a file with the line each starts on: one per non-empty line, or one per
    display block ``\\[ … \\]``, ``$$ … $$``, ``\\begin{equation} … \\end{equation}``.

    ``%`` starts a comment. Errors report lines and columns of the file. Each claim is read
    when it is asked for, so a caller may stop early.

    >>> [(line, claim.lhs) for line, claim in iter_claims("% softmax\\nS_i = p_i\\n")]
    [(2, S[i])]
    """
    for line, start, piece in iter_claim_texts(text):
        try:
            claim = parse_claim(piece)
        except ClaimSyntaxError as exc:
            raise ClaimSyntaxError(exc.problem, text, start + exc.pos) from exc
        yield line, claim


def iter_claim_texts(text: str) -> Iterator[tuple[int, int, str]]:
    """The claims of a file as written, unread: ``(line, offset, text)`` for each non-empty line
    or display block (see :func:`iter_claims`).

    >>> list(iter_claim_texts("% softmax\\nS_i = p_i\\n"))
    [(2, 10, 'S_i = p_i')]
    """
    text = _COMMENT.sub(lambda match: " " * len(match.group()), text)
    pieces: list[tuple[int, int]] = []
    pos = 0
    while (opening := _DISPLAY.search(text, pos)) is not None:
        pieces += _lines(text, pos, opening.start())
        environment = opening.group(1)
        closer = "\\]" if opening.group() == "\\[" else "$$"
        if environment:
            closer = f"\\end{{{environment}}}"
        end = text.find(closer, opening.end())
        if end < 0:
            raise ClaimSyntaxError(
                f"display '{opening.group()}' is never closed", text, opening.start()
            )
        pieces.append((opening.end(), end))
        pos = end + len(closer)
    pieces += _lines(text, pos, len(text))
    line, counted = 1, 0
    for start, end in pieces:
        if text[start:end].strip():
            first = start + len(text[start:end]) - len(text[start:end].lstrip())
            line += text.count("\n", counted, first)  # counted once: linear in the file
            counted = first
            yield line, start, text[start:end]


def claims_from_text(text: str) -> list[tuple[int, Claim]]:
    """:func:`iter_claims` as a list.

    >>> [(line, claim.lhs) for line, claim in claims_from_text("% softmax\\nS_i = p_i\\n")]
    [(2, S[i])]
    """
    return list(iter_claims(text))


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


# ---------------------------------------------------------------- the pipeline


@functools.cache
def _parser() -> lark.Lark:
    return lalr(
        "latex.lark", lexer="basic", start=["claim", "expression"], propagate_positions=True
    )


class _Rejection(Exception):
    """Raised inside the transformer; turned into ClaimSyntaxError where the text is known."""

    def __init__(self, problem: str, pos: int) -> None:
        super().__init__(problem)
        self.problem, self.pos = problem, pos


def _parse(text: str, start: str, open_names: bool = False) -> sympy.Expr | Claim:
    spelled = spelled_out(text)
    if spelled.text != text:  # ∂, ∑, σ … typed as unicode: read as their commands
        try:
            result = _parse(spelled.text, start, open_names)
        except ClaimSyntaxError as exc:
            raise ClaimSyntaxError(exc.problem, text, spelled.written(exc.pos)) from None
        return dataclasses.replace(result, text=text.strip()) if start == "claim" else result
    original, text = text, _checked_surface(text)
    try:
        _check_commands(text)
        tree = _parser().parse(text, start=start)
    except UnexpectedInput as exc:
        problem, pos = _describe(exc, text)
        raise ClaimSyntaxError(problem, original, pos) from None
    except _Rejection as exc:
        raise ClaimSyntaxError(exc.problem, original, exc.pos) from None
    try:
        _check_depth(tree)
        _check_products(tree, text)
        result = _Builder(original, open_names).transform(tree)
        values = [result] if start == "expression" else [case.rhs for case in result.cases]
        if start == "claim" and not isinstance(result.lhs, Derivative):
            values.append(result.lhs)
        for value in values:
            _check_defined(value)
        return result
    except VisitError as exc:
        if not isinstance(exc.orig_exc, _Rejection):
            raise
        raise ClaimSyntaxError(exc.orig_exc.problem, original, exc.orig_exc.pos) from None
    except _Rejection as exc:
        raise ClaimSyntaxError(exc.problem, original, exc.pos) from None
    except RecursionError:
        raise ClaimSyntaxError("expression nested too deeply", original, 0) from None


_PAIRS = {"(": ")", "[": "]", "{": "}", "\\{": "\\}"}
_SAME_LENGTH = str.maketrans(
    {"\u2212": "-", "\u2013": "-", "\u00b7": "*", "\u00d7": "*", "\u22c5": "*"}
)
"""Unicode spellings read as one ASCII character each, so every offset stays the same."""


def _checked_surface(text: str) -> str:
    """``text`` with U+2212 read as '-', once its length, characters and brackets are sound."""
    if len(text) > MAX_CLAIM_LENGTH:
        raise ClaimSyntaxError(
            f"claim of {len(text)} characters is longer than {MAX_CLAIM_LENGTH}",
            text[: MAX_CLAIM_LENGTH + 1],
            MAX_CLAIM_LENGTH,
        )
    for pos, char in enumerate(text):
        if not char.isprintable() and char not in "\t\n\r\ue000":  # U+E000: see sides.CUT
            raise ClaimSyntaxError(f"control character U+{ord(char):04X}", text, pos)
    text = text.translate(_SAME_LENGTH)
    stack: list[tuple[str, int]] = []
    pos = 0
    while pos < len(text):
        bracket = text[pos : pos + 2] if text[pos] == "\\" else text[pos]
        if bracket in _PAIRS:
            stack.append((bracket, pos))
            if len(stack) > MAX_NESTING:
                raise ClaimSyntaxError(f"nesting deeper than {MAX_NESTING} levels", text, pos)
        elif bracket in _PAIRS.values():
            if not stack:
                raise ClaimSyntaxError(f"unbalanced '{bracket}': nothing to close", text, pos)
            opening, opened_at = stack.pop()
            if _PAIRS[opening] != bracket:
                problem = f"'{opening}' at column {opened_at + 1} closed by '{bracket}'"
                raise ClaimSyntaxError(problem, text, pos)
        pos += 2 if text[pos] == "\\" else 1
    if stack:
        opening, opened_at = stack[-1]
        raise ClaimSyntaxError(f"unbalanced '{opening}': never closed", text, opened_at)
    return text


_SHOWN_TERMINALS = dict(
    _EQUAL="=",
    _LBRACE="{",
    _RBRACE="}",
    LPAR="(",
    RPAR=")",
    RBRACK="]",
    _UNDERSCORE="_",
    _CARET="^",
)


def _describe(exc: UnexpectedInput, text: str) -> tuple[str, int]:
    """The one-line problem and the position of a lark syntax error."""
    if isinstance(exc, UnexpectedCharacters):
        return f"unexpected character '{text[exc.pos_in_stream]}'", exc.pos_in_stream
    if not isinstance(exc, UnexpectedToken):
        return "syntax error", exc.pos_in_stream or 0
    token = exc.token
    pos = len(text.rstrip()) if token.type == "$END" else token.start_pos
    if re.search(r"\\sigma\s*$", text[:pos]):
        return "'\\sigma' needs an argument, as in \\sigma(z)", pos
    if re.search(r"softmax\s*\}?\s*\((?:[^()]|\([^()]*\))*\)\s*$", text[:pos], re.IGNORECASE):
        return "softmax(…) without an entry index is a vector, not read here (softmax(z)_i)", pos
    if "LPAR" in exc.expected and (power := _FUNCTION_POWER_BEFORE.search(text[:pos])):
        written = _quoted(power.group().strip())
        return f"{written} takes its argument in parentheses, as in \\log^2(x)", pos
    lse = _LSE_BEFORE.search(text[:pos]) if "LPAR" in exc.expected else None
    if token.type == "LSE_NAME" or lse:
        start = lse.start() if lse else token.start_pos
        written = _quoted(text[start : lse.end() if lse else token.end_pos].strip())
        return (
            f"{written} alone only names a derivative quantity; "
            "log-sum-exp of a vector is written \\mathrm{lse}(z)"
        ), start
    if token.type == "$END":
        if "_EQUAL" in exc.expected:
            return "a claim needs '=' between its two sides", pos
        return _with_expectation("unexpected end of input", exc.expected), pos
    shown = _quoted(str(token))
    if token.type in ("_NEQ", "_NE"):
        return (
            f"unexpected {shown}: a condition follows \\quad, ',' or \\text{{if}}, "
            "or stands in parentheses"
        ), token.start_pos
    return _with_expectation(f"unexpected {shown}", exc.expected), token.start_pos


_FUNCTION_POWER_BEFORE = re.compile(
    r"(?<![a-zA-Z])(?:\\(?:log|ln|exp|tanh)|log|ln|exp)\s*\^\s*(?:\{[^{}]*\}|[^\s{}])\s*$"
)
_LSE_BEFORE = re.compile(
    r"\\(?:mathrm|operatorname|text|textrm|mathsf|textsf)\s*\{\s*(?:LSE|lse|logsumexp|LogSumExp)\s*\}\s*$"
)


def _check_commands(text: str) -> None:
    """Reject the first unknown command: it is the real problem behind any later error."""
    try:
        for token in _parser().lex(text):
            if token.type in ("MACRO", "WORD"):
                _unknown_command(token)
    except UnexpectedCharacters:
        pass  # the parser reports it, in its place


def _unknown_command(token: Token) -> None:
    kind = "unknown macro" if token.type == "MACRO" else "unsupported word"
    raise _Rejection(f"{kind} {_quoted(str(token))}", token.start_pos)


def _with_expectation(problem: str, expected: set[str]) -> str:
    if expected and len(expected) <= 3 and expected <= _SHOWN_TERMINALS.keys():
        shown = " or ".join(sorted(f"'{_SHOWN_TERMINALS[name]}'" for name in expected))
        return f"{problem}; expected {shown}"
    return problem


def _quoted(source: str, limit: int = 30) -> str:
    return repr(source if len(source) <= limit else source[:limit] + "…").replace("\\\\", "\\")


def _check_depth(tree: Tree) -> None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            raise _Rejection(
                f"expression nested deeper than {MAX_TREE_DEPTH} levels",
                node.meta.start_pos if not node.meta.empty else 0,
            )
        stack += [(child, depth + 1) for child in node.children if isinstance(child, Tree)]


_BARE = {"bare_application"}
_TAILS = {"summation", "bare_application"}


def _check_products(tree: Tree, text: str) -> None:
    """Reject the products that only a guess could read (see docs/claims.md, "Products")."""
    for product in tree.find_data("product"):
        links: list[tuple[Token | None, Tree]] = []
        operator = None
        for child in product.children:
            if isinstance(child, Token):
                operator = child
            else:
                links.append((operator, child))
                operator = None
        for (_, left), (operator, right) in zip(links, links[1:], strict=False):
            pos = right.meta.start_pos if operator is None else operator.start_pos
            written = _quoted(text[left.meta.start_pos : right.meta.end_pos])
            if left.data in _BARE:
                raise _Rejection(
                    f"ambiguous {written}: a function without parentheses takes one factor; "
                    "write \\log(…) or put the function last",
                    pos,
                )
            if operator is None and text[right.meta.start_pos].isdigit():
                raise _Rejection(
                    f"ambiguous {written}: a number after a factor; put it first or use \\cdot", pos
                )
            if (
                operator is None
                and left.meta.end_pos == right.meta.start_pos
                and text[left.meta.start_pos : left.meta.end_pos].isalpha()
                and text[right.meta.start_pos].isalpha()
            ):
                raise _Rejection(
                    f"ambiguous {written}: one name or a product? write them apart", pos
                )
        slashes = [i for i, (operator, _) in enumerate(links) if operator == "/"]
        if slashes and slashes[0] < len(links) - 1:
            _, after = links[slashes[0] + 1]
            written = _quoted(text[links[slashes[0] - 1][1].meta.start_pos : after.meta.end_pos])
            raise _Rejection(
                f"ambiguous {written}: what does '/' divide by? use \\frac{{…}}{{…}}",
                after.meta.start_pos,
            )


def _check_defined(expression: sympy.Expr) -> None:
    if expression.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise _Rejection("undefined value (division by zero or log of zero)", 0)


# ---------------------------------------------------------------- symbols

INDEX_NAMES = frozenset("ijklmn")
"""Letters that are indices: ``Symbol(name, integer=True, positive=True)``."""
COUNT_NAMES = frozenset("NKM")
"""Sizes: ``Symbol(name, integer=True, positive=True)``; usable in indices and bounds."""
VECTOR_NAMES = frozenset("SaoY")
"""Names that always carry an index: ``Indexed(IndexedBase(name), index…)``."""
SCALAR_OR_VECTOR_NAMES = frozenset("pyxz")
"""Names that are a real ``Symbol`` alone and an ``Indexed`` with an index."""
SCALAR_NAMES = {"Z": {"real": True}, "L": {"real": True}, "T": {"positive": True}}
GREEK_NAMES = {name: name for name in ("epsilon", "tau", "alpha", "beta", "gamma", "eta", "lambda")}
GREEK_NAMES["varepsilon"] = "epsilon"
"""Greek letters (``\\tau``…) that are real ``Symbol``s, by their macro name."""


def index_symbol(name: str) -> sympy.Symbol:
    """The index or size called ``name``."""
    return sympy.Symbol(name, integer=True, positive=True)


class _Name(NamedTuple):
    text: str
    pos: int


class _Range(NamedTuple):
    index: sympy.Symbol
    lower: sympy.Expr


class _Variable(NamedTuple):
    name: str
    index: sympy.Expr | tuple[sympy.Expr, ...] | None
    power: int


class _Quantity(NamedTuple):
    name: str
    index: sympy.Expr | tuple[sympy.Expr, ...] | None


def _symbol(
    name: _Name, indices: tuple[sympy.Expr, ...] = (), open_names: bool = False
) -> sympy.Expr:
    """The SymPy object the symbol table gives ``name`` carrying ``indices``."""
    text = name.text
    if open_names and text not in COUNT_NAMES | INDEX_NAMES | SCALAR_NAMES.keys():
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
    if indices:
        raise _Rejection(f"'{text}' takes no index", name.pos)
    if text in SCALAR_OR_VECTOR_NAMES or text in GREEK_NAMES.values():
        return sympy.Symbol(text, real=True)
    if text in SCALAR_NAMES:
        return sympy.Symbol(text, **SCALAR_NAMES[text])
    if text in COUNT_NAMES:
        return index_symbol(text)
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
        return index_symbol(text)
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


# ---------------------------------------------------------------- the builder


def _single_digit(token: Token) -> None:
    if token.type == "NUMBER" and len(token) > 1:
        raise _Rejection(
            f"ambiguous script {_quoted(str(token))}: braces show what is scripted, "
            f"as in _{{{token}}}",
            token.start_pos,
        )


@v_args(inline=True)
class _Builder(Transformer_NonRecursive):
    """One method per alias of ``latex.lark``, building the SymPy object it names."""

    def __init__(self, text: str, open_names: bool = False) -> None:
        super().__init__()
        self.text = text
        self.open_names = open_names

    # claims
    def claim(self, lhs, cases):
        return Claim(self.text.strip(), lhs, cases)

    def single_case(self, rhs, condition=None):
        return (Case(rhs, condition),)

    @v_args(meta=True, inline=True)
    def cases(self, meta, *rows):
        conditions = [row.condition for row in rows]
        if _OTHERWISE in conditions[:-1] or len(rows) < 2:
            raise _Rejection("'otherwise' must be the last of two or more cases", meta.start_pos)
        if conditions[-1] is _OTHERWISE:
            other = conditions[0] if len(rows) == 2 else None
            complement = {"eq": "ne", "ne": "eq"}
            otherwise = other and Condition(complement[other.relation], other.left, other.right)
            rows = (*rows[:-1], Case(rows[-1].rhs, otherwise))
        return tuple(rows)

    def case_row(self, rhs, condition):
        return Case(rhs, condition)

    def otherwise_row(self, rhs):
        return Case(rhs, _OTHERWISE)

    def condition(self, *children):
        if len(children) == 3:
            _check_pair(children[0], children[2])
            return children[1]
        return children[0]

    def equal(self, left, right):
        return Condition("eq", left, right)

    def not_equal(self, left, right):
        return Condition("ne", left, right)

    # derivatives
    @v_args(meta=True, inline=True)
    def partial_fraction(self, meta, *children):
        *order, quantity, variables = children
        return _derivative(quantity, variables, order[0] if order else 1, meta.start_pos)

    @v_args(meta=True, inline=True)
    def partial_operator(self, meta, *children):
        *order, variables, quantity = children
        return _derivative(quantity, variables, order[0] if order else 1, meta.start_pos)

    @v_args(meta=True, inline=True)
    def total_fraction(self, meta, *children):
        *order, quantity, variable = children
        return _derivative(quantity, [variable], order[0] if order else 1, meta.start_pos)

    @v_args(meta=True, inline=True)
    def total_operator(self, meta, *children):
        *order, variable, quantity = children
        return _derivative(quantity, [variable], order[0] if order else 1, meta.start_pos)

    def partial_slash(self, quantity, slash, variable):
        return _derivative(quantity, [variable], 1, slash.start_pos)

    def d_operator(self, index, quantity):
        return Derivative(quantity.name, quantity.index, "a", index)

    @v_args(meta=True, inline=True)
    def sigma_prime(self, meta, *children):
        *primes, opening, argument, closing = children
        _check_pair(opening, closing)
        if not isinstance(argument, sympy.Symbol):
            raise _Rejection("\\sigma' takes a plain variable, as in \\sigma'(z)", meta.start_pos)
        return Derivative("sigma", None, argument.name, None, len(primes))

    def order(self, number):
        if number not in set("123456789"):
            raise _Rejection(f"order {_quoted(str(number))} is not 1 to 9", number.start_pos)
        return int(number)

    def partials(self, *variables):
        return list(variables)

    @v_args(meta=True, inline=True)
    def variable(self, meta, named, power=None):
        quantity = _quantity(named, meta.start_pos)
        return _Variable(quantity.name, quantity.index, self.order(power) if power else 1)

    @v_args(meta=True, inline=True)
    def quantity(self, meta, value):
        return _quantity(value, meta.start_pos)

    @v_args(meta=True, inline=True)
    def quantity_of_tail(self, meta, function, argument):
        return _quantity(function(argument), meta.start_pos)

    def sigma_quantity(self):
        return _Quantity("sigma", None)

    def lse_quantity(self, _token):
        return _Quantity("lse", None)

    # expressions
    def expression(self, *children):
        terms, sign = [], 1
        for child in children:
            if isinstance(child, Token):
                sign = -1 if child == "-" else 1
            else:
                terms.append(sign * child)
                sign = 1
        return sympy.Add(*terms)

    def product(self, *children):
        factors, operator = [], None
        for child in children:
            if isinstance(child, Token):
                operator = child
                continue
            if operator is not None and operator.type == "SLASH":
                if child == 0:
                    raise _Rejection("division by zero", operator.start_pos)
                child = sympy.Pow(child, -1)
            factors.append(child)
            operator = None
        return sympy.Mul(*factors)

    def negated(self, sign, factor):
        return -factor if sign == "-" else factor

    def summation(self, limits, *body):
        sign, term = body if len(body) == 2 else ("+", body[0])
        return sympy.Sum(-term if sign == "-" else term, limits)

    @v_args(meta=True, inline=True)
    def sum_range(self, meta, *children):
        (summation_range,) = [c for c in children if isinstance(c, _Range)]
        upper = [c for c in children if not isinstance(c, _Range)] or [index_symbol("N")]
        count = upper[0] - summation_range.lower + 1
        if count.is_Integer and count > MAX_SUM_TERMS:
            raise _Rejection(
                f"a sum of {count} terms; at most {MAX_SUM_TERMS} with numeric bounds",
                meta.start_pos,
            )
        return (summation_range.index, summation_range.lower, upper[0])

    def sum_index(self, token, lower=None):
        index = _index(token, self.open_names)
        if str(index) not in INDEX_NAMES and not (self.open_names and str(index).islower()):
            raise _Rejection(
                f"summation index '{index}' is not one of i j k l m n", token.start_pos
            )
        return _Range(index, sympy.Integer(1) if lower is None else lower)

    def bound(self, value):
        if isinstance(value, Token):
            _single_digit(value)
            return _index(value, self.open_names)
        return value

    @v_args(meta=True, inline=True)
    def power(self, meta, base, exponent):
        if isinstance(exponent, sympy.Symbol) and exponent.name == "T" and not base.is_number:
            # w^T x: a transpose, never w to the power of a temperature T
            raise _Rejection(
                "'^T' is a transpose here, of something the text does not say is a vector"
                " (not read as a power)",
                meta.start_pos,
            )
        return _power(base, exponent, meta.start_pos)

    @v_args(meta=True, inline=True)
    def scripted_group(self, meta, _group, _script):
        raise _Rejection(
            "a script on a brace group is ambiguous (braces do not print); use \\left( … \\right)",
            meta.start_pos,
        )

    @v_args(meta=True, inline=True)
    def exponential(self, meta, exponent):
        return _exp(exponent, meta.start_pos)

    def euler_number(self):
        return sympy.E

    def bare_application(self, function, argument):
        return function(argument)

    application = bare_application

    @v_args(meta=True, inline=True)
    def function_power(self, meta, function, exponent, argument):
        """``\\tanh^2(x)`` is ``(\\tanh x)^2``, as TeX writes it."""
        return _power(function(argument), exponent, meta.start_pos)

    def function_name(self, token):
        if token == "\\tanh":
            return lambda x: sympy.tanh(x).rewrite(sympy.exp)
        return sympy.exp if token.lstrip("\\") == "exp" else sympy.log

    @v_args(meta=True, inline=True)
    def softmax_entry(self, meta, _name, argument, indices):
        return self._softmax(meta, argument, indices)

    def _softmax(self, meta, argument, indices):
        if isinstance(argument, sympy.Symbol) and not argument.is_integer and len(indices) == 1:
            logits = sympy.IndexedBase(argument.name)
            k = sympy.Dummy("k", integer=True, positive=True)
            total = sympy.Sum(sympy.exp(logits[k]), (k, 1, index_symbol("N")))
            return sympy.exp(logits[indices[0]]) / total
        raise _Rejection("softmax(…)_i takes one vector name and one index", meta.start_pos)

    def log_sum_exp(self, _function, opening, vector, closing):
        """``\\mathrm{lse}(\\mathbf{x})``: log-sum-exp ``\\log \\sum_k e^{x_k}``: one reading."""
        _check_pair(opening, closing)
        k = sympy.Dummy("k", integer=True, positive=True)
        terms = sympy.exp(sympy.IndexedBase(vector.text)[k])
        return sympy.log(sympy.Sum(terms, (k, 1, index_symbol("N"))))

    @v_args(meta=True, inline=True)
    def function_entry(self, meta, argument, indices):
        """``\\sigma(\\mathbf{a})_i``: entry i of σ applied to the vector a. The logistic function
        entry-wise or a softmax: the document says which, so it is a name, ``sigma(a)``."""
        if isinstance(argument, sympy.Symbol) and not argument.is_integer and len(indices) == 1:
            return sympy.IndexedBase(f"sigma({argument.name})")[indices[0]]
        raise _Rejection("\\sigma(…)_i takes one vector name and one index", meta.start_pos)

    @v_args(meta=True, inline=True)
    def softmax_entry_index_first(self, meta, name, indices, argument):
        """``\\operatorname{softmax}_i(\\mathbf{z})``, the index written before the argument."""
        return self._softmax(meta, argument, indices)

    def signed_script(self, sign, token):
        value = self.number(token) if token.type == "NUMBER" else self.script_token(token)
        return -value if sign == "-" else value

    @v_args(meta=True, inline=True)
    def sigma_entry(self, meta, indices):
        """``\\sigma_i``: in a document, a name like any other (often the softmax output)."""
        return _symbol(_Name("sigma", meta.start_pos), indices, self.open_names)

    def sigmoid(self, argument):
        return sympy.Function("sigma")(argument)

    def number(self, token):
        if len(token) > MAX_NUMBER_DIGITS:
            raise _Rejection(f"number {_quoted(str(token))} too long", token.start_pos)
        return sympy.Rational(str(token)) if "." in token else sympy.Integer(int(token))

    @v_args(meta=True, inline=True)
    def kronecker(self, meta, indices):
        if len(indices) != 2:
            raise _Rejection(f"\\delta needs two indices, got {len(indices)}", meta.start_pos)
        return sympy.KroneckerDelta(*indices)

    def indicator(self, *children):
        if isinstance(children[0], Token) and children[0] != "1":
            raise _Rejection(
                f"indicator must be 1_{{…}}, not {children[0]}_{{…}}", children[0].start_pos
            )
        return _condition_value(children[-1])

    def indicator_set(self, *children):
        """``1\\{k = i\\}``, ``\\mathbb{1}\\{k = i\\}``, ``\\mathbb{1}(k = i)``."""
        return _condition_value(children[-2])

    def iverson(self, _opening, relation, _closing):
        return _condition_value(relation)

    @v_args(meta=True, inline=True)
    def fraction(self, meta, numerator, denominator):
        if denominator == 0:
            raise _Rejection("division by zero", meta.start_pos)
        return numerator / denominator

    def square_root(self, radicand):
        return sympy.sqrt(radicand)

    def unknown_command(self, token):
        _unknown_command(token)

    def named(self, name, indices=()):
        return _symbol(name, indices, self.open_names)

    def name(self, token):
        if token.type == "GREEK":
            return _Name(GREEK_NAMES.get(token[1:], token[1:]), token.start_pos)
        if token.type == "ACCENTED":
            return _Name(_accented(str(token)), token.start_pos)
        if token.type == "CUT":
            return _Name(str(token), token.start_pos)
        text = token.strip("{} \t\r\n")
        return _Name(text, token.start_pos + token.index(text))

    def parentheses(self, opening, expression, closing):
        _check_pair(opening, closing)
        return expression

    def group(self, expression):
        return expression

    def braced_name(self, token):
        return _symbol(self.name(token), (), self.open_names)

    def script_token(self, token):
        _single_digit(token)
        if token.type == "NUMBER":
            return self.number(token)
        return _symbol(self.name(token), (), self.open_names)

    def indices(self, *values):
        return tuple(values)

    def bracket_indices(self, token):
        """``x[n]``, ``\\delta[n,k]``: the indices of a name written as numpy indexes arrays."""
        indices = []
        for match in re.finditer(r"[a-zA-Z0-9]+", token):
            written = Token("NUMBER" if match.group().isdigit() else "LETTER", match.group())
            written.start_pos = token.start_pos + match.start()
            if written.type == "LETTER" and len(written) > 1:
                raise _Rejection(
                    f"index {_quoted(str(written))} is not one letter", written.start_pos
                )
            indices.append(_index(written, self.open_names))
        return tuple(indices)

    def juxtaposed_indices(self, *tokens):
        return tuple(_index(token, self.open_names) for token in tokens)

    def index_token(self, token):
        _single_digit(token)
        return _index(token, self.open_names)

    def index_expr(self, *children):
        total, sign = sympy.Integer(0), 1
        for child in children:
            if child.type == "SIGN":
                sign = -1 if child == "-" else 1
            else:
                total += sign * _index(child, self.open_names)
        return total


_BOLD = ("mathbf", "boldsymbol", "bm", "vec", "pmb")


def _accented(written: str) -> str:
    """``\\hat{y}`` is the name ``yhat``, ``\\tilde p`` is ``ptilde``; bold and arrows are how a
    vector is typeset, so ``\\mathbf{p}`` is ``p`` itself."""
    match = re.fullmatch(r"\\([a-z]+)\s*\{?\s*\\?([a-zA-Z]+)\s*\}?", written)
    assert match is not None
    accent, letter = match.groups()
    if accent in _BOLD:
        return letter
    return letter + {"widehat": "hat", "widetilde": "tilde", "overline": "bar"}.get(accent, accent)


def _check_pair(opening: Token, closing: Token) -> None:
    """``\\left`` and ``\\right`` come in pairs, as LaTeX requires."""
    if opening.startswith("\\left") != closing.startswith("\\right"):
        missing = "\\right" if opening.startswith("\\left") else "\\left"
        raise _Rejection(
            f"{_quoted(str(opening))} closed by {_quoted(str(closing))}: missing {missing}",
            closing.start_pos,
        )
