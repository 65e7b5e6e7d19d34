"""The LaTeX claim parser: tables of (input, expected), error tables, hostile input, properties."""

from __future__ import annotations

import importlib.resources
import logging
import re

import lark
import pytest
import sympy
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.diagnostics import MAX_CLAIM_LENGTH
from symsoft.reading.grammar.forms import Case, ClaimSyntaxError, Condition, Derivative
from symsoft.reading.grammar.latex import claims_from_text, parse_claim, parse_expression
from symsoft.reading.grammar.symbols import index_symbol

i, j, k, n = (index_symbol(name) for name in "ijkn")
N, K = index_symbol("N"), index_symbol("K")
S, a, o, p, y, Y = (sympy.IndexedBase(name) for name in "SaopyY")
z, x, L, Z, epsilon, tau = (
    sympy.Symbol(name, real=True) for name in ("z", "x", "L", "Z", "epsilon", "tau")
)
T = sympy.Symbol("T", positive=True)
delta = sympy.KroneckerDelta(i, j)
sigma = sympy.Function("sigma")


def sum_over(body, index=k, lower=1, upper=N):
    return sympy.Sum(body, (index, lower, upper))


EXPRESSIONS = [
    # softmax, its Jacobian, the cross-entropy gradient
    (r"\frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}", sympy.exp(a[i]) / sum_over(sympy.exp(a[k]))),
    (
        r"\dfrac{\exp(a_i)}{\sum_k \exp\left(a_k\right)}",
        sympy.exp(a[i]) / sum_over(sympy.exp(a[k])),
    ),
    (r"S_i(\delta_{ij} - S_j)", S[i] * (delta - S[j])),
    # TeX's one-digit arguments
    (r"\frac12 S_i", S[i] / 2),
    (r"\frac1{1 + S_i}", 1 / (1 + S[i])),
    (r"p_{i}\left(\sum_{j}y_{j} \right) - y_{i}", p[i] * sum_over(y[j], j) - y[i]),
    (r"-\sum_{k=1}^{K} y_k \log p_k", -sum_over(y[k] * sympy.log(p[k]), upper=K)),
    # how far \sum reaches: the rest of its term
    (r"\sum_j y_j \log p_j + 1", sum_over(y[j] * sympy.log(p[j]), j) + 1),
    (r"\sum_k y_k S_k - S_i", sum_over(y[k] * S[k]) - S[i]),
    (r"\frac{1}{N} \sum_k y_k", sum_over(y[k]) / N),
    (r"\sum_{k=1}^{N} - {y}_{k}", sum_over(-y[k])),
    (r"\sum_{k}^{K} y_k", sum_over(y[k], upper=K)),
    (r"\sum_{k=1}^N y_k", sum_over(y[k])),
    (r"\sum^{N}_{k=2} y_k", sum_over(y[k], lower=2)),
    (r"\sum\limits_{k=1}^{N-1} y_k", sum_over(y[k], upper=N - 1)),
    # Kronecker delta and indicators
    (r"\delta_{ij}", delta),
    (r"\delta_{i j}", delta),
    (r"\delta_{i,j}", delta),
    (r"1_{i=j}", delta),
    (r"\mathbb{1}_{i=j}", delta),
    (r"[i=j]", delta),
    (r"[i \neq j]", 1 - delta),
    # exponential and logarithm
    (r"e^x", sympy.exp(x)),
    (r"e^{-a_i}", sympy.exp(-a[i])),
    (r"e^-z", sympy.exp(-z)),  # an unbraced signed exponent, as posts write it
    (r"S_i^-1", 1 / S[i]),
    (r"{e^{a_i} \over \sum_k e^{a_k}}", sympy.exp(a[i]) / sum_over(sympy.exp(a[k]))),
    (r"S_i * S_j", S[i] * S[j]),
    (r"a_i / \sum_k y_k", a[i] / sum_over(y[k])),  # the sum reaches to the end of the term
    (r"S_i · S_j − S_i × y_i – 1", S[i] * S[j] - S[i] * y[i] - 1),
    (r"\tanh(z)", (sympy.exp(z) - sympy.exp(-z)) / (sympy.exp(z) + sympy.exp(-z))),
    (r"log(x) + exp(z)", sympy.log(x) + sympy.exp(z)),
    (r"\mathrm{e}^{z}", sympy.exp(z)),
    (r"\exp{\left(a_i \right)}", sympy.exp(a[i])),
    (r"e", sympy.E),
    (r"\log p_j", sympy.log(p[j])),
    (r"\ln p_j", sympy.log(p[j])),
    (r"\log p_i^2", sympy.log(p[i] ** 2)),
    (r"\log(p_i)^2", sympy.log(p[i]) ** 2),
    (r"\log{\left({p}_{i} \right)}^{2}", sympy.log(p[i]) ** 2),
    (r"\log{p_i}", sympy.log(p[i])),
    (r"\log(S_i S_j)", sympy.log(S[i] * S[j])),
    (r"y_j \log p_j", y[j] * sympy.log(p[j])),
    (r"\log \sum_k e^{a_k}", sympy.log(sum_over(sympy.exp(a[k])))),
    (r"\log \log p_i", sympy.log(sympy.log(p[i]))),
    (r"\sigma(z)(1 - \sigma(z))", sigma(z) * (1 - sigma(z))),
    (r"\sigma{\left(z \right)}", sigma(z)),
    # arithmetic
    (r"\frac{1}{2}", sympy.Rational(1, 2)),
    (r"\tfrac{a_i}{T}", a[i] / T),
    (r"S_i / S_j", S[i] / S[j]),
    (r"2 S_i \cdot S_j", 2 * S[i] * S[j]),
    (r"S_i \times S_j", S[i] * S[j]),
    (r"S_iS_j", S[i] * S[j]),
    (r"S_i(1-S_j)", S[i] * (1 - S[j])),
    (r"S_i^2", S[i] ** 2),
    (r"{S}_{i}^{2}", S[i] ** 2),
    (r"(S_i + 1)^{-1}", 1 / (S[i] + 1)),
    (r"S_i − S_j", S[i] - S[j]),
    (r"\left[ S_i \right] \{ S_j \} \big( S_i \big) \Bigl( S_j \Bigr)", S[i] ** 2 * S[j] ** 2),
    (r"\sqrt{S_i}", sympy.sqrt(S[i])),
    (r"0.5 S_i", S[i] / 2),
    # layout
    (r"\displaystyle S_i \, S_j \; S_i \! S_j ~ S_i \ S_j \: S_i", S[i] ** 4 * S[j] ** 3),
    # symbols and indices
    (r"z + Z + L + T + N", z + Z + L + T + N),
    (r"\epsilon + \varepsilon + \tau", 2 * epsilon + tau),
    (r"y_{nk} + Y_{n k} + y_{n,k}", 2 * y[n, k] + Y[n, k]),
    (r"S_1 + a_{12} + a_{i+1} + S_N", S[1] + a[12] + a[i + 1] + S[N]),
    (r"p + y + x", sympy.Symbol("p", real=True) + sympy.Symbol("y", real=True) + x),
]


@pytest.mark.parametrize(("text", "expected"), EXPRESSIONS)
def test_expression(text, expected):
    assert parse_expression(text) == expected


# (input, substring of the message, column of the caret)
EXPRESSION_ERRORS = [
    (r"\log S_i S_j", "ambiguous '\\log S_i S_j'", 10),
    (r"\log p_j y_j", "a function without parentheses takes one factor", 10),
    (r"\log p_j \cdot y_j", "ambiguous", 10),
    (r"\log x / 2", "ambiguous", 8),
    (r"a_i / S_i S_j", "what does '/' divide by?", 11),
    (r"1/S_i/S_j", "what does '/' divide by?", 7),
    (r"S_1 2", "a number after a factor", 5),
    (r"1 2", "a number after a factor", 3),
    (r"zT", "ambiguous 'zT'", 2),
    (r"q", "unknown symbol 'q'", 1),
    (r"S", "'S' needs an index", 1),
    (r"L_i", "'L' takes no index", 1),
    (r"i", "index 'i' used as a value", 1),
    (r"S_q", "'q' is not an index", 3),
    (r"S_{1.5}", "is not an integer", 4),
    (r"y_{ijk}", "at most 2", 1),
    (r"S_12", "ambiguous script '12'", 3),
    (r"x_{2k}", "unexpected 'k'", 5),
    (r"\foo", "unknown macro '\\foo'", 1),
    (r"\summary_k y_k", "unknown macro '\\summary'", 1),
    (r"S_i + \text{foo}", "unsupported word '\\text{foo}'", 7),
    (r"\mathrm{LSE}", "only names a derivative quantity", 1),
    (r"{S_i", "unbalanced '{': never closed", 1),
    (r"S_i}", "unbalanced '}': nothing to close", 4),
    (r"(S_i]", "closed by ']'", 5),
    (r"\left( S_i )", "missing \\right", 12),
    (r"\sigma z", "'\\sigma' needs an argument", 8),
    (r"\sigma", "'\\sigma' needs an argument", 7),
    (r"\delta_{i}", "\\delta needs two indices", 1),
    (r"{S_i + 1}^2", "a script on a brace group is ambiguous", 1),
    (r"\log^2 2x", "'\\log^2' takes its argument in parentheses", 8),
    (r"\sum y_k", "expected '^' or '_'", 6),
    (r"\sum_{N} y_N", "summation index 'N'", 6),
    (r"\frac123", "TeX reads one digit a side", 1),
    (r"\frac{1}{0}", "division by zero", 1),
    (r"\log 0", "undefined value", 1),
    (r"2^{2^{2^{30}}}", "number too large", 4),
    (r"e^{10^{9} \log 2}", "number too large", 1),
    (r"S_i \cdot", "unexpected end of input", 10),
    (r"S_i = S_j", "unexpected '='", 5),
    ("S_é", "unexpected character 'é'", 3),
    ("S_i\x07", "control character U+0007", 4),
    ("__import__('os').system('ls')", "unexpected '_'", 1),
]


@pytest.mark.parametrize(("text", "problem", "column"), EXPRESSION_ERRORS)
def test_expression_error(text, problem, column):
    with pytest.raises(ClaimSyntaxError) as caught:
        parse_expression(text)
    assert problem in str(caught.value)
    assert (caught.value.line, caught.value.column) == (1, column)
    assert "\n" not in str(caught.value)


# ---------------------------------------------------------------- unicode in math mode

# (as typed, the same in LaTeX commands)
UNICODE = [
    ("−∑_k y_k \\log p_k", r"-\sum_k y_k \log p_k"),
    ("S_i(δ_{ij} − S_j)", r"S_i(\delta_{ij} - S_j)"),
    ("2 · S_i × S_j", r"2 \cdot S_i \times S_j"),
    ("σ(z)(1 − σ(z))", r"\sigma(z)(1 - \sigma(z))"),
    ("∑_{k=1}^{N} e^{a_k}", r"\sum_{k=1}^{N} e^{a_k}"),
    ("√(1 + z) + √z", r"\sqrt{1 + z} + \sqrt{z}"),
    ("τ·ε", r"\tau \cdot \epsilon"),
    ("z²", "z^2"),
    ("Sᵢ(δᵢⱼ − Sⱼ) + a₁₂", r"S_i(\delta_{ij} - S_j) + a_{12}"),
    ("∑ₖ yₖ \\log pₖ", r"\sum_k y_k \log p_k"),
]


@pytest.mark.parametrize(("typed", "latex"), UNICODE)
def test_unicode_symbols_read_as_their_commands(typed, latex):
    assert parse_expression(typed) == parse_expression(latex)


def test_unicode_is_read_as_written_not_as_something_close():
    assert parse_expression("S_i(δ_{ij} − S_j)") != parse_expression(r"S_i(\delta_{ij} + S_j)")
    assert parse_expression("√z") != parse_expression("z")


def test_a_claim_in_unicode_is_the_claim_in_latex():
    typed = parse_claim("∂S_i/∂a_j = −S_i S_j  (i ≠ j)")
    latex = parse_claim(r"\partial S_i / \partial a_j = -S_i S_j \quad (i \neq j)")
    assert (typed.lhs, typed.cases) == (latex.lhs, latex.cases)
    assert typed.text == "∂S_i/∂a_j = −S_i S_j  (i ≠ j)"


@pytest.mark.parametrize(
    ("typed", "problem", "column"),
    [
        ("S_i · q", "unknown symbol 'q'", 7),
        ("∑_k y_k · ∂", "unexpected '\\partial'", 11),
        ("δ_{i}", "\\delta needs two indices", 1),
    ],
)
def test_an_error_in_unicode_points_at_the_written_column(typed, problem, column):
    with pytest.raises(ClaimSyntaxError) as caught:
        parse_expression(typed)
    assert problem in str(caught.value)
    assert caught.value.column == column


def test_error_carries_a_caret_under_the_offending_character():
    with pytest.raises(ClaimSyntaxError) as caught:
        parse_claim("D_j S_i = S_i\n  + L_i")
    error = caught.value
    assert str(error) == "'L' takes no index at line 2, column 5"
    assert (error.problem, error.line, error.column) == ("'L' takes no index", 2, 5)
    assert error.context == "  + L_i\n    ^"
    assert isinstance(error, SymsoftError) and isinstance(error, ValueError)
    assert error.exit_code == 2


def text_claim(lhs, rhs, condition=None):
    return (lhs, (Case(rhs, condition),))


CLAIMS = [
    (
        r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)",
        text_claim(Derivative("S", i, "a", j), S[i] * (delta - S[j])),
    ),
    (
        r"\dfrac{\partial L}{\partial o_i} = p_i - y_i",
        text_claim(Derivative("L", None, "o", i), p[i] - y[i]),
    ),
    (
        r"D_j S_i = -S_i S_j \quad (i \neq j)",
        text_claim(Derivative("S", i, "a", j), -S[i] * S[j], Condition("ne", i, j)),
    ),
    (
        r"\partial S_i / \partial a_j = S_i(1 - S_i) \text{if } i = j",
        text_claim(Derivative("S", i, "a", j), S[i] * (1 - S[i]), Condition("eq", i, j)),
    ),
    (
        r"\frac{\partial p_i}{\partial o_j} = -p_i p_j, \; i \ne j",
        text_claim(Derivative("p", i, "o", j), -p[i] * p[j], Condition("ne", i, j)),
    ),
    (
        r"\frac{\partial p_i}{\partial o_j} = p_i - p_i^2 \qquad \left(\text{if } i = j\right).",
        text_claim(Derivative("p", i, "o", j), p[i] - p[i] ** 2, Condition("eq", i, j)),
    ),
    (
        r"\frac{\partial^2 L}{\partial o_i \partial o_j} = p_i(\delta_{ij} - p_j)",
        text_claim(Derivative("L", None, "o", (i, j), 2), p[i] * (delta - p[j])),
    ),
    (
        r"\frac{\partial^{2} L}{\partial o_i^2} = p_i(1 - p_i)",
        text_claim(Derivative("L", None, "o", (i, i), 2), p[i] * (1 - p[i])),
    ),
    (
        r"\frac{d \sigma}{d z} = \sigma(z)(1 - \sigma(z))",
        text_claim(Derivative("sigma", None, "z", None), sigma(z) * (1 - sigma(z))),
    ),
    (
        r"\frac{\mathrm{d}}{\mathrm{d}z} \sigma(z) = \sigma(z)",
        text_claim(Derivative("sigma", None, "z", None), sigma(z)),
    ),
    (r"\sigma'(z) = \sigma(z)", text_claim(Derivative("sigma", None, "z", None), sigma(z))),
    (r"\sigma''(x) = 0", text_claim(Derivative("sigma", None, "x", None, 2), 0)),
    (
        r"\frac{\partial \log S_i}{\partial a_j} = \delta_{ij} - S_j",
        text_claim(Derivative("log S", i, "a", j), delta - S[j]),
    ),
    (
        r"\frac{\partial}{\partial a_j} \log \sum_{k=1}^{N} e^{a_k} = S_j",
        text_claim(Derivative("lse", None, "a", j), S[j]),
    ),
    (
        r"\frac{\partial \mathrm{LSE}}{\partial a_j} = S_j",
        text_claim(Derivative("lse", None, "a", j), S[j]),
    ),
    (
        r"\frac{\partial L}{\partial z} = \sigma(z) - y",
        text_claim(Derivative("L", None, "z", None), sigma(z) - sympy.Symbol("y", real=True)),
    ),
    (
        r"S_i &= \frac{e^{a_i}}{\sum_k e^{a_k}} \\",
        text_claim(S[i], sympy.exp(a[i]) / sum_over(sympy.exp(a[k]))),
    ),
    (
        r"""\frac{\partial S_i}{\partial a_j} = \begin{cases}
            S_i(1 - S_i) & \text{if } i = j \\
            -S_i S_j & \text{if } i \neq j
        \end{cases}""",
        (
            Derivative("S", i, "a", j),
            (
                Case(S[i] * (1 - S[i]), Condition("eq", i, j)),
                Case(-S[i] * S[j], Condition("ne", i, j)),
            ),
        ),
    ),
    (
        r"D_j S_i = \begin{cases} S_i - S_i^2, & i=j \\ -S_i S_j, & \text{otherwise.} \end{cases}",
        (
            Derivative("S", i, "a", j),
            (
                Case(S[i] - S[i] ** 2, Condition("eq", i, j)),
                Case(-S[i] * S[j], Condition("ne", i, j)),
            ),
        ),
    ),
    (
        r"y_i = \begin{cases} 1 & i = 1 \\ 2 & i = 2 \\ 0 & \text{else} \end{cases}",
        (y[i], (Case(1, Condition("eq", i, 1)), Case(2, Condition("eq", i, 2)), Case(0, None))),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMS)
def test_claim(text, expected):
    claim = parse_claim(text)
    assert (claim.lhs, claim.cases) == expected
    assert claim.text == text.strip()


CLAIM_ERRORS = [
    (r"S_i", "a claim needs '='", 4),
    (r"x = y = z", "unexpected '='", 7),
    (r"D_j S_i = 1 \quad", "unexpected end of input", 18),
    (r"D_j S_i = -S_i S_j i \neq j", "a condition follows \\quad", 22),
    (r"S_i = S_j (i \neq j", "unbalanced '('", 11),
    (r"\frac{\partial^2 L}{\partial o_i} = 1", "order 2 needs 2 differentiations", 1),
    (r"\frac{\partial L}{\partial o_i \partial z} = 1", "mixed variables", 1),
    (r"\frac{\partial^{12} L}{\partial z} = 1", "order '12' is not 1 to 9", 17),
    (r"\frac{\partial L}{\partial z^{1.5}} = 1", "order '1.5' is not 1 to 9", 31),
    (r"\frac{\partial \exp a_i}{\partial a_j} = 1", "cannot differentiate 'exp(a[i])'", 16),
    (
        r"\frac{\partial \log \sum_{k=1}^{K} e^{a_k}}{\partial a_j} = S_j",
        "cannot differentiate",
        16,
    ),
    (r"\frac{\partial S}{\partial a_j} = 1", "'S' needs an index", 16),
    (r"\sigma'(z + 1) = 1", "unexpected '+'", 11),
    (r"S_i = \begin{cases} 1 & \text{otherwise} \\ 2 & i = j \end{cases}", "'otherwise' must", 7),
    (r"S_i = \begin{cases} 1 \\ 2 & i = j \end{cases}", "unexpected '\\\\'", 23),
    (r"S_i = \begin{aligned} 1 \end{aligned}", "unsupported word '\\begin{aligned}'", 7),
]


@pytest.mark.parametrize(("text", "problem", "column"), CLAIM_ERRORS)
def test_claim_error(text, problem, column):
    with pytest.raises(ClaimSyntaxError) as caught:
        parse_claim(text)
    assert problem in str(caught.value)
    assert caught.value.column == column


CLAIMS_FILE = r"""% the softmax Jacobian
S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}

\[
  \frac{\partial S_i}{\partial a_j}
    = S_i(\delta_{ij} - S_j)
\]
$$ D_j S_i = -S_i S_j \quad (i \neq j) $$
\begin{equation*}
  \frac{\partial L}{\partial o_i} = \begin{cases} p_i - 1 & i = j \\ p_i & i \neq j \end{cases}
\end{equation*}
L = -\sum_k y_k \log p_k  % cross-entropy
"""


def test_claims_from_text_numbers_lines():
    claims = claims_from_text(CLAIMS_FILE)
    assert [line for line, _ in claims] == [2, 5, 8, 10, 12]
    assert [claim.lhs for _, claim in claims] == [
        S[i],
        Derivative("S", i, "a", j),
        Derivative("S", i, "a", j),
        Derivative("L", None, "o", i),
        L,
    ]
    assert len(claims[3][1].cases) == 2


@pytest.mark.parametrize(
    ("text", "problem", "line", "column"),
    [
        ("S_i = p_i\n\n  S_j = q_j\n", "unknown symbol 'q'", 3, 9),
        ("S_i = p_i\n\\[ S_i =\n  S_j S_ \\]", "unexpected end of input", 3, 9),
        ("S_i = p_i\n\\[ S_i = p_i\n", "display '\\[' is never closed", 2, 1),
        ("$$ S_i = p_i", "display '$$' is never closed", 1, 1),
    ],
)
def test_claims_from_text_reports_file_positions(text, problem, line, column):
    with pytest.raises(ClaimSyntaxError) as caught:
        claims_from_text(text)
    assert problem in str(caught.value)
    assert (caught.value.line, caught.value.column) == (line, column)


# ---------------------------------------------------------------- hostile input

HOSTILE = {
    "100,000 characters": "S_i + " * 16_667,
    "500 braces deep": "{" * 500 + "S_i" + "}" * 500,
    "500 parentheses deep": "(" * 500 + "S_i" + ")" * 500,
    "500 superscripts deep": "e^{" * 500 + "z" + "}" * 500,
    "a chain of 900 logs": r"\log " * 900 + "p_i",
    "a chain of 600 sums": r"\sum_k " * 600 + "y_k",
    "4000 minus signs": "-" * 4000,
    "python": "__import__('os').system('rm -rf /')",
    "control characters": "S_i\x00\x1b[2J",
    "an escape sequence": "\\\x00",
    "a huge number": "9" * 4_000,
    "a huge power": "2^{2^{2^{2^{2^{2}}}}}",
    "2000 unicode roots": "√(" * 2_000,
    "4000 unicode sums": "∑_k " * 1_000,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("parse", [parse_expression, parse_claim])
def test_hostile_input_is_rejected_quickly(parse, text):
    parse_expression("S_i")  # builds the parser outside the timing
    with pytest.raises(ClaimSyntaxError):
        parse(text)


def test_length_limit_is_exact():
    longest = "S_i" + " " * (MAX_CLAIM_LENGTH - 3)
    assert parse_expression(longest) == S[i]
    with pytest.raises(ClaimSyntaxError, match="longer than"):
        parse_expression(longest + " ")


def test_grammar_has_no_conflicts(caplog):
    """lark resolves a shift/reduce conflict silently as a shift: that would be a guess."""
    grammar = (
        importlib.resources.files("symsoft.reading.grammar")
        .joinpath("latex.lark")
        .read_text("utf-8")
    )
    level = lark.logger.level
    lark.logger.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG, logger="lark"):
            lark.Lark(
                grammar, parser="lalr", lexer="basic", start=["claim", "expression"], debug=True
            )
    finally:
        lark.logger.setLevel(level)
    assert not [r for r in caplog.records if "conflict" in r.getMessage().lower()]


# ---------------------------------------------------------------- properties

FAMILY_LEAVES = st.sampled_from(
    [
        S[i],
        S[j],
        y[i],
        delta,
        sympy.exp(a[i]),
        sympy.log(p[i]),
        sum_over(y[k]),
    ]
) | st.integers(-3, 3).map(sympy.Integer)


def _family_operations(children):
    pairs = st.tuples(children, children)
    return (
        pairs.map(lambda pair: pair[0] + pair[1])
        | pairs.map(lambda pair: pair[0] * pair[1])
        | pairs.map(lambda pair: pair[0] / pair[1])
        | st.tuples(children, st.integers(-2, 3)).map(lambda pair: pair[0] ** pair[1])
    )


FAMILY = st.recursive(FAMILY_LEAVES, _family_operations, max_leaves=10)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FAMILY)
@example(2 * (S[j] / 2 + sympy.Rational(1, 2)) / (S[j] + 1))
def test_round_trip_through_sympy_latex(expression):
    """What SymPy prints parses back to the same expression.

    Equal means structurally equal, or (when SymPy kept a numeric factor undistributed, as in
    ``2*(S_j + 1)/S_j``, or cancels it once read back: ``2*(S_j/2 + 1/2)/(S_j + 1)`` is 1) a
    difference that is the zero rational function: never a heuristic.
    """
    assume(not expression.has(sympy.zoo, sympy.nan))
    parsed = parse_expression(sympy.latex(expression))
    assert parsed == expression or sympy.cancel(parsed - expression) == 0


def test_round_trip_is_a_real_comparison():
    """The comparison above tells a wrong reading apart: the nearest misreading fails it."""
    wrong = parse_expression(r"p_{i}\left(\sum_{j}y_{j} \right) - y_{i}").subs(y[i], y[j])
    expected = p[i] * sum_over(y[j], j) - y[i]
    assert not (wrong == expected or sympy.expand(wrong - expected) == 0)


LATEXISH = st.lists(
    st.sampled_from(
        [
            r"\frac",
            r"\sum",
            r"\log",
            r"\exp",
            r"\sigma",
            r"\delta",
            r"\partial",
            r"\cdot",
            r"\neq",
            r"\quad",
            r"\left(",
            r"\right)",
            r"\{",
            r"\}",
            r"\text{if }",
            r"\text{otherwise}",
            r"\mathrm{LSE}",
            r"\mathrm{d}",
            r"\mathbb{1}",
            r"\begin{cases}",
            r"\end{cases}",
            r"\\",
            r"\foo",
            "&",
            "_",
            "^",
            "{",
            "}",
            "(",
            ")",
            "[",
            "]",
            "=",
            "+",
            "-",
            "/",
            ",",
            "'",
            " ",
            "S",
            "p",
            "a",
            "y",
            "i",
            "j",
            "k",
            "N",
            "e",
            "d",
            "D",
            "z",
            "1",
            "2",
            "{i}",
            "\u2212",
        ]
    )
    | st.text(max_size=3),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(LATEXISH, st.sampled_from([parse_expression, parse_claim]))
def test_fuzz_returns_or_raises_claim_syntax_error(text, parse):
    try:
        parse(text)
    except ClaimSyntaxError as error:
        assert error.line >= 1 and error.column >= 1 and "^" in error.context


# ---------------------------------------------------------------- open names (documents)

OPEN = [
    (
        r"{\hat{y}_c \over t}",
        sympy.IndexedBase("yhat")[index_symbol("c")] / sympy.Symbol("t", real=True),
    ),
    (r"\hat y_i - \tilde{p}_i", sympy.IndexedBase("yhat")[i] - sympy.IndexedBase("ptilde")[i]),
    (r"\mathbf{p}_i - \boldsymbol{y}_i", p[i] - y[i]),
    (r"\ell + \theta", sympy.Symbol("ell", real=True) + sympy.Symbol("theta", real=True)),
    (
        r"\sum_{c=1}^{C} t_c",
        sympy.Sum(
            sympy.IndexedBase("t")[index_symbol("c")], (index_symbol("c"), 1, index_symbol("C"))
        ),
    ),
    (r"\text{softmax}(z)_i", None),
    (r"\text{softmax}(z)[i]", None),
    (r"\operatorname{softmax}_i(\mathbf{z})", None),
    (r"\text{Softmax}(z)_i", None),
    # square brackets index an array, as in numpy, right after a one-letter name
    (r"y[n] - x[k]", y[n] - sympy.IndexedBase("x")[k]),
    (r"W[i,j]", sympy.IndexedBase("W")[i, j]),
    (r"\delta[i,j]", delta),
    (r"\sum_{k}^{} e^{a[k]}", sum_over(sympy.exp(a[k]))),
    # … and group anything else
    (r"z[1 - z]", z * (1 - z)),
    (r"z [k]", None),
    (r"z_i[k]", None),
    (r"\log[z]", sympy.log(z)),
    # an entry of σ applied to a vector: a name whose meaning the document gives
    (r"\sigma(\mathbf{a})_i", sympy.IndexedBase("sigma(a)")[i]),
    # a power of a function value, as TeX writes it
    (r"\log^2(z) - \ln^{3}\left(z\right)", sympy.log(z) ** 2 - sympy.log(z) ** 3),
]


@pytest.mark.parametrize(
    "text",
    [r"\mathrm{lse}(\mathbf{z})", r"\operatorname{LSE}\left(z\right)", r"\text{logsumexp}(z)"],
)
def test_log_sum_exp_of_a_vector(text):
    value = parse_expression(text, open_names=True)
    (total,) = value.atoms(sympy.Sum)
    (k,) = total.variables
    assert value == sympy.log(sympy.Sum(sympy.exp(sympy.IndexedBase("z")[k]), (k, 1, N)))
    assert value != sympy.log(sympy.Sum(sympy.exp(-sympy.IndexedBase("z")[k]), (k, 1, N)))


def test_log_sum_exp_differentiated_in_a_claim():
    claim = parse_claim(r"\frac{\partial \mathrm{lse}(\mathbf{a})}{\partial a_j} = S_j")
    assert claim.lhs == Derivative("lse", None, "a", j)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (r"\mathrm{lse}(z + 1)", "unexpected '+'"),
        (r"\sigma(z + 1)_i", "takes one vector name and one index"),
        (r"\mathrm{LSE} + 1", "alone only names a derivative quantity"),
    ],
)
def test_function_values_that_are_not_read(text, problem):
    with pytest.raises(ClaimSyntaxError, match=re.escape(problem)):
        parse_expression(text, open_names=True)


@pytest.mark.parametrize(("text", "expected"), OPEN)
def test_open_names_read_any_letter(text, expected):
    if (
        expected is None and "softmax" not in text.lower()
    ):  # z [k]: a product by an index, no reading
        with pytest.raises(ClaimSyntaxError, match="index 'k' used as a value"):
            parse_expression(text, open_names=True)
        return
    value = parse_expression(text, open_names=True)
    if expected is None:  # softmax(z)_i: e^{z_i} over a sum with a fresh bound
        (total,) = value.atoms(sympy.Sum)
        assert value == sympy.exp(sympy.IndexedBase("z")[i]) / total
        assert total.function.func == sympy.exp and total.limits[0][1:] == (1, N)
    else:
        assert value == expected


@pytest.mark.parametrize("text", [r"q", r"\hat{y}_i", r"t_c"])
def test_claims_keep_the_fixed_symbol_table(text):
    with pytest.raises(ClaimSyntaxError):
        parse_expression(text)
