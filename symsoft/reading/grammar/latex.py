"""Read claims written in the LaTeX of ML papers as SymPy expressions, strictly.

The grammar is ``latex.lark`` (LALR(1), no conflicts); the notation it accepts, the symbol table
and the limits are documented in ``docs/claims.md``. Nothing here calls ``eval``, ``sympify``,
``parse_expr`` or SymPy's ``parse_latex``: every SymPy object is built by a method named after
the grammar rule it reads. Whatever the parser could only read by guessing is a
:class:`ClaimSyntaxError` that quotes the input and points at it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import sympy
from lark.exceptions import UnexpectedInput, VisitError

from symsoft.reading.grammar.builder import _Builder
from symsoft.reading.grammar.characters import spelled_out
from symsoft.reading.grammar.diagnostics import (
    _check_commands,
    _check_defined,
    _check_depth,
    _check_products,
    _checked_surface,
    _describe,
    _parser,
)
from symsoft.reading.grammar.forms import Case, Claim, ClaimSyntaxError, Condition, Derivative
from symsoft.reading.grammar.symbols import (
    GREEK_NAMES,
    _Rejection,
    index_symbol,
)
from symsoft.reading.lazy_regex import lazy

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

"""Characters in one claim; longer input is rejected before it is parsed."""
"""Brackets and braces open at the same time; checked before parsing."""
"""Levels of the parse tree, which also bounds chains like ``\\log \\log \\log x``."""
"""Size of an exact number that a power such as ``2^{10^{9}}`` would have SymPy compute."""
"""Largest integer exponent of a power (``S_i^{1000000}`` is read; ``(S_i - S_j)^{10^{29}}``
is refused)."""
"""Terms of a sum with numeric bounds, which is expanded (``\\sum_{k=1}^{10^9}`` is refused)."""


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
    if open_names:
        from symsoft.reading.documents.macros import DOCUMENT_MACROS, expand  # (no cycle)

        if macros := DOCUMENT_MACROS.get():
            text = expand(text, macros)  # \yh_k with \newcommand{\yh}{\hat{y}}: \hat{y}_k
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


_DISPLAY = lazy(r"\\\[|\$\$|\\begin\{(equation\*?)\}")
_COMMENT = lazy(r"(?<!\\)%[^\n]*")


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


"""Unicode spellings read as one ASCII character each, so every offset stays the same."""


_TAILS = {"summation", "multiplication", "bare_application"}


# ---------------------------------------------------------------- symbols

"""Letters that are indices: ``Symbol(name, integer=True, positive=True)``."""
"""Sizes: ``Symbol(name, integer=True, positive=True)``; usable in indices and bounds."""
"""Names that always carry an index: ``Indexed(IndexedBase(name), index…)``."""
"""Names that are a real ``Symbol`` alone and an ``Indexed`` with an index."""
GREEK_NAMES["varepsilon"] = "epsilon"
"""Greek letters (``\\tau``…) that are real ``Symbol``s, by their macro name."""


# ---------------------------------------------------------------- the builder
