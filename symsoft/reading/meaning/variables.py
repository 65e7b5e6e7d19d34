"""What a text differentiates by, what it differentiates, and which names it says are free: the
variables of ``\\frac{\\partial L}{\\partial z_i}``, the scalar argument of ``\\sigma(x)``,
"for any constant $c$", "the targets $t$"."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.derivatives import primed_letters


def variables_of(prose: str) -> tuple[set[str], set[str], set[str]]:
    """The names the text differentiates by, the names it differentiates, and the names it
    says (or shows) are free."""
    variables = {_accented_name(m) for m in _VARIABLE.finditer(prose)}
    variables |= set(_BARE_OPERATOR.findall(prose))  # \frac{\partial}{o_k}: ∂ lost (sides.py)
    variables |= {m.group(2) for m in _SUBSCRIPTED.finditer(prose)}  # \partial_{o_j} l
    if "'" in prose or "\u2019" in prose or "\\prime" in prose:
        variables |= primed_letters(prose)  # (1 + e^{-x})': by x
    differentiated = {
        _accented_name(m)
        for m in _QUANTITY.finditer(prose)
        # in a denominator, also after another variable: {\partial x_k \, \partial x_j}
        if not re.search(r"(?:\}\s*\{|/|\\over)[^{}$]*$", prose[max(0, m.start() - 40) : m.start()])
    }
    # a name differentiated by, and never differentiated itself, is a free variable
    said_free = (variables - differentiated) | set(_SCALAR_ARGUMENT.findall(prose))
    said_free |= {a or b for a, b in _ANY_CONSTANT.findall(prose)}  # 0 \le p \le 1: b
    said_free |= {a or b for a, b in _TARGET_WORDS.findall(prose)}
    said_free |= {a or b for a, b in _INPUT_WORDS.findall(prose)}
    return variables, differentiated, said_free


def derivative_pairs(prose: str) -> set[tuple[str, str]]:
    """(what is differentiated, by what) for each derivative the prose writes of one letter by
    another: ``\\partial L / \\partial s_k``, ``\\frac{\\partial L}{\\partial s_k}``: (L, s)."""
    return {(a or c, b or d) for a, b, c, d in _PAIR.findall(prose)}


_PAIR = lazy(
    r"\\partial\s*([a-zA-Z])(?![a-zA-Z])[^$/{}]{0,12}?\s*/\s*\\partial\s*([a-zA-Z])(?![a-zA-Z])"
    r"|\\frac\s*\{\s*\\partial\s*([a-zA-Z])(?![a-zA-Z])[^{}$]{0,12}\}\s*\{\s*\\partial\s*"
    r"([a-zA-Z])(?![a-zA-Z])"
)


def targets_said(prose: str) -> set[str]:
    """The names the text calls targets or labels, or any constant: given, never the default
    softmax of anything."""
    return {a or b for a, b in _TARGET_WORDS.findall(prose)} | {
        a or b for a, b in _ANY_CONSTANT.findall(prose)
    }


_BARE_OPERATOR = lazy(r"\\[dt]?frac\s*\{\s*\\partial\s*\}\s*\{\s*([a-zA-Z])\s*_")


_SUBSCRIPTED = lazy(  # \partial_{o_j} l, \nabla_{\mathbf{w}} L: by o, by w
    r"\\(?:partial|nabla)\s*_\s*(?:\{\s*)?(?:\\(mathbf|boldsymbol|bm|vec|hat|tilde|bar)\s*\{?\s*)?"
    r"([a-zA-Z])(?![a-zA-Z])"
)
_VARIABLE = lazy(  # what a derivative is taken by: {\partial z_i}, / \partial \mathbf{w}
    r"(?:\}\s*\{|/|\\over)\s*(?:\\partial|\\delta|d)\s*(?:\{\s*)?"
    r"(?:\\(mathbf|boldsymbol|bm|vec|hat|tilde|bar)\s*\{?\s*)?"
    r"([a-zA-Z])(?![a-zA-Z])"
)


def _accented_name(match: re.Match[str]) -> str:
    accent, letter = match.groups()
    if accent in (None, "mathbf", "boldsymbol", "bm", "vec"):
        return letter
    return letter + accent


_TARGET_WORDS = lazy(  # "targets $t$", "$t \in [0, 1]$ is the target": free variables
    r"\b(?:targets?|labels?|teacher(?:'s)?(?:\s+soft(?:ened)?)?)"
    r"(?:\s+(?:vectors?|distributions?|class(?:es)?|probabilit(?:y|ies)|outputs?|scores?|logits?"
    r"|predictions?))?\s+"
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$"
    r"|\$\s*([a-zA-Z])\s*(?:\\in\b[^$]*)?\$\s+(?:is|are)\s+(?:the|a|an|our)?\s*(?:[a-z-]+\s+)?"
    r"(?:targets?|labels?)\b",
    re.IGNORECASE,
)


_QUANTITY = lazy(  # what is differentiated: \frac{\partial s_i}{…}, \partial s_i / …
    r"(?:\\partial|\\delta)\s*(?:\^\s*\d\s*)?(?:\{\s*)?"
    r"(?:\\(mathbf|boldsymbol|bm|vec|hat|tilde|bar)\s*\{?\s*)?([a-zA-Z])(?![a-zA-Z])"
    r"(?!\s*\^\s*\{?\s*-?\s*\d)"  # \partial x^{-1}: a power of x, not x, is differentiated
)


_INPUT_WORDS = lazy(  # "an input vector $x$", "$\mathbf{x}$ is the input": given, free
    r"\b(?:inputs?|feature)(?:\s+(?:vectors?|features?))?\s+"
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$(?!\s*=)"
    r"|\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$\s+(?:is|denotes)"
    r"\s+(?:the|an?)\s+(?:[a-z-]+\s+)?(?:input|feature\s+vector)\b",
    re.IGNORECASE,
)
_ANY_CONSTANT = lazy(  # "for any constant $c$": a name that stands for every value
    r"\b(?:(?:for\s+(?:any|all|every|each)|any|every|arbitrary)\s+(?:real\s+)?"
    r"(?:constant|scalar|number|shift|offset|value|vector)?"
    r"|for\s+an?\s+(?:real\s+)?(?:constant|scalar|number|vector)"
    r"|(?:upstream|incoming)\s+gradients?(?:\s+vector)?)\s*\(?\s*\$+\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$+"
    r"|\b(?:let|for|with|where|take)\s+\$+\s*0\s*\\leq?\s*([a-zA-Z])\s*\\leq?\s*1\s*\$+",
    re.IGNORECASE,
)


_SCALAR_ARGUMENT = lazy(r"\\(?:sigma|tanh)\s*'*\s*(?:\\left)?\(\s*([a-zA-Z])\s*(?:\\right)?\)")


def predictions_never_defined(meanings: Meanings, spoken_of: set[str]) -> set[str]:
    """Names a definition takes the logarithm of that have no meaning of their own and that the
    text neither differentiates by nor calls free (``\\mathcal{L} = -\\sum_i p_i \\log(q_i)``
    with q never defined): a prediction, a function of the logits the text leaves unsaid, so a
    flag must not rest on it being a free variable."""
    found: set[str] = set()
    for meaning in meanings.table.values():
        if meaning.source == "standard":
            continue
        for log in meaning.value.atoms(sympy.log):
            for entry in _outside_functions(log.args[0]):  # log σ(w·x_i): no prediction
                name = str(entry.base.label)
                if name not in meanings.table and name not in spoken_of:
                    found.add(name)
    return found


def _outside_functions(expr: sympy.Expr) -> set[sympy.Indexed]:
    """The entries of ``expr`` that no function application holds (q_i in log(1 - q_i))."""
    if isinstance(expr, sympy.Indexed):
        return {expr}
    if isinstance(expr, sympy.Function):
        return set()
    return set().union(*(_outside_functions(arg) for arg in expr.args))
