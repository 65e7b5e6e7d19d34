"""What the reader says when a text does not parse: the surface checks done before parsing
(brackets, commands, nesting), the message for a parse error with a caret under the place, and
the checks on the parse tree (implicit products, undefined names).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import lark
import sympy
from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import BasicLexer, LexerThread

from symsoft.reading.grammar.forms import ClaimSyntaxError
from symsoft.reading.grammar.name_rules import _unknown_command
from symsoft.reading.grammar.parsers import lalr
from symsoft.reading.grammar.symbols import (
    _quoted,
    _Rejection,
)
from symsoft.reading.lazy_regex import lazy

MAX_CLAIM_LENGTH = 5_000


MAX_NESTING = 32


MAX_TREE_DEPTH = 250


@functools.cache
def _parser() -> lark.Lark:
    return lalr(
        "latex.lark", lexer="basic", start=["claim", "expression"], propagate_positions=True
    )


_PAIRS = {"(": ")", "[": "]", "{": "}", "\\{": "\\}"}


_SAME_LENGTH = str.maketrans(
    {"\u2212": "-", "\u2013": "-", "\u00b7": "*", "\u00d7": "*", "\u22c5": "*"}
)


def _MARKED(char: str) -> bool:  # noqa: N802 - read as a set of characters
    return 0xE141 <= ord(char) <= 0xE17A


def _checked_surface(text: str) -> str:
    """``text`` with U+2212 read as '-', once its length, characters and brackets are sound."""
    if len(text) > MAX_CLAIM_LENGTH:
        raise ClaimSyntaxError(
            f"claim of {len(text)} characters is longer than {MAX_CLAIM_LENGTH}",
            text[: MAX_CLAIM_LENGTH + 1],
            MAX_CLAIM_LENGTH,
        )
    for pos, char in enumerate(text):
        # (sides.CUT, WORD_MARK, a bare word's marked letter: the reader's own characters)
        if not char.isprintable() and char not in "\t\n\r\ue000\ue001" and not _MARKED(char):
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
    lost = re.search(r"\\delta\s*$", text[:pos])  # \delta{ik}: δ_{ik}, or δ·i·k as typeset?
    if lost and re.match(r"\{\s*[a-z]\s*[a-z]\s*\}", text[pos:]):
        written = _quoted(text[lost.start() : text.index("}", pos) + 1])
        return (
            f"ambiguous {written}: δ with its subscript lost (\\delta_{{…}}), "
            "or δ times the letters? not read"
        ), lost.start()
    if token.type == "$END":
        if "_EQUAL" in exc.expected:
            return "a claim needs '=' between its two sides", pos
        return _with_expectation("unexpected end of input", exc.expected), pos
    shown = _quoted(str(token))
    if str(token) == "d" and (name := _D_NAME.match(text, token.start_pos)):
        written = _quoted(name.group().strip())
        return (
            f"{written} is a d-name (a gradient, as courses write dw for ∂J/∂w): not read "
            "here; write the derivative out"
        ), token.start_pos
    if token.type in ("_NEQ", "_NE"):
        return (
            f"unexpected {shown}: a condition follows \\quad, ',' or \\text{{if}}, "
            "or stands in parentheses"
        ), token.start_pos
    return _with_expectation(f"unexpected {shown}", exc.expected), token.start_pos


# dw, dZ, db, dz^{(i)}, dW^{[2]}: a d-name as a course writes a gradient
_D_NAME = lazy(r"d[A-Za-z](?![A-Za-z])(?:\s*[_^]\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*")

_FUNCTION_POWER_BEFORE = lazy(
    r"(?<![a-zA-Z])(?:\\(?:log|ln|exp|tanh)|log|ln|exp)\s*\^\s*(?:\{[^{}]*\}|[^\s{}])\s*$"
)


_LSE_BEFORE = lazy(
    r"\\(?:mathrm|operatorname|text|textrm|mathsf|textsf)\s*\{\s*(?:LSE|lse|logsumexp|LogSumExp)\s*\}\s*$"
)


def _tokens(text: str) -> Iterator[Token]:
    """``text`` cut into tokens by the parser's own lexer: ``Lark.lex`` would build a new lexer,
    and compile its scanner, on every call (a Lark object that parses keeps no lexer of its
    own); the tokens are the same."""
    lexer = getattr(getattr(_parser(), "parser", None), "lexer", None)
    if not isinstance(lexer, BasicLexer):  # another version of Lark: its own way
        return _parser().lex(text)
    return LexerThread.from_text(lexer, text).lex(None)


def _check_commands(text: str) -> None:
    """Reject the first unknown command: it is the real problem behind any later error."""
    try:
        for token in _tokens(text):
            if token.type in ("MACRO", "WORD"):
                _unknown_command(token)
    except UnexpectedCharacters:
        pass  # the parser reports it, in its place


def _with_expectation(problem: str, expected: set[str]) -> str:
    if expected and len(expected) <= 3 and expected <= _SHOWN_TERMINALS.keys():
        shown = " or ".join(sorted(f"'{_SHOWN_TERMINALS[name]}'" for name in expected))
        return f"{problem}; expected {shown}"
    return problem


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
# ylog\hat{y}, yloga: a letter alone, then the log of what follows (the grammar's PLAIN_FUNCTION)
_GLUED_LOG = re.compile(r"(?:log|ln)(?![a-zA-Z]{2})")
_INDICATORS = {"indicator", "indicator_set"}
# (0), (1), (0.5), \left(0\right): one number
_AT_NUMBER = re.compile(r"(?:\\left\s*)?\(\s*-?\d+(?:\.\d+)?\s*(?:\\right\s*)?\)")
_NAME_BEFORE = re.compile(  # y, \\theta, w_1, \\hat{y}, g_{ref}
    r"(?:\\(?:hat|tilde|bar|mathbf|boldsymbol|vec)\s*\{[^{}]*\}|\\?[A-Za-z]+)\s*"
    r"(?:_\s*(?:\{[^{}]*\}|\w))?\s*|[A-Za-z]\S*"
)


def _one_after_group(text: str, pos: int) -> bool:
    """``(1 - \\hat{y})1``: a factor 1 after a parenthesis, as a lost exponent 1 would read too
    (``(1 + x)2`` may be a square whose ``^`` was lost: not read)."""
    return re.match(r"1(?![\d.])", text[pos:]) is not None and text[:pos].rstrip().endswith(")")


_OWN_INDICATOR = lazy(r"\(\s*1\s*-\s*\\delta")  # the reader's (1 - δ_{j,i}) for a sum's j ≠ i
_SIGNED = lazy(r"\{\s*[-+\u2212]")


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
            if (
                operator is None
                and text[right.meta.start_pos].isdigit()
                and right.data not in _INDICATORS  # t_k 1\{k = i\}: the indicator, one factor
                and not _one_after_group(text, right.meta.start_pos)
            ):
                raise _Rejection(
                    f"ambiguous {written}: a number after a factor; put it first or use \\cdot", pos
                )
            if (
                operator is None
                and _AT_NUMBER.fullmatch(text[right.meta.start_pos : right.meta.end_pos])
                and _NAME_BEFORE.fullmatch(text[left.meta.start_pos : left.meta.end_pos])
            ):  # g(0) = 1 - y beside g(1) = y: a value at a point, never g times 0
                raise _Rejection(
                    f"ambiguous {written}: a function's value at a number, or a product?", pos
                )
            if (
                operator is None
                and left.meta.end_pos == right.meta.start_pos
                and text[left.meta.start_pos : left.meta.end_pos].isalpha()
                and text[right.meta.start_pos].isalpha()
                and not _GLUED_LOG.match(text, right.meta.start_pos)
            ):
                raise _Rejection(
                    f"ambiguous {written}: one name or a product? write them apart", pos
                )
            if (
                operator is None
                and right.data == "group"
                and _SIGNED.match(text, right.meta.start_pos)
                and not _OWN_INDICATOR.match(text, left.meta.start_pos)  # \sum_{j \neq i}{-…}
            ):
                raise _Rejection(  # \frac{y}{σ}{-\frac{1-y}{1-σ}}: y/σ − …, or the chain rule's
                    f"ambiguous {written}: braces do not print, so a group that opens with a "
                    "sign after a factor shows a difference; a product? write \\cdot or "
                    "\\left(…\\right)",
                    pos,
                )
            if operator is None and left.data == "group" and any(left.find_data("summation")):
                raise _Rejection(  # {-\sum_k y_k}(\delta_{ik} - p_i): the page shows one sum
                    f"ambiguous {written}: braces do not print; does the sum reach past them?",
                    pos,
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
