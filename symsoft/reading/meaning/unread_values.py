"""A definition this reader cannot read whose value is written only in names the text never
ties to what it differentiates: ``q_j = \\pi_{\\text{teacher}}(a_j \\mid s_t)``, a teacher's
distribution beside a student's logits z. The name is then a free variable for every step (the
student's gradient does not depend on it), and, its value not read, no flag may rest on it.

>>> independent(r"\\pi_{\\text{teacher}}(a_j \\mid s_t)", {"z", "p", "L"})
True
>>> independent(r"\\frac{e^{z_j / T}}{\\sum_k e^{z_k / T}} \\mid", {"z", "p"})
False
>>> independent(None, {"z"})
False
>>> independent(r"[a_1 \\cdots a_K]^\\top", {"z"}), independent(r"\\sigma(w)", {"z"})
(False, False)
>>> independent(r"\\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix}", {"o"}), independent("(0, 1, 0)", {"o"})
(False, False)
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import defined_name

# words the text writes as words (\text{teacher}, \mathrm{KL}), and macros that are no names
_WORDS = lazy(r"\\(?:text|mathrm|textrm|operatorname|mathsf|textsf|mbox)\s*\{[^{}]*\}")
_NAMES = lazy(r"\\([a-zA-Z]+)|(?<![a-zA-Z])([a-zA-Z])(?![a-zA-Z])")
_NOT_NAMES = frozenset(
    {
        "frac",
        "dfrac",
        "tfrac",
        "left",
        "right",
        "mid",
        "vert",
        "big",
        "Big",
        "cdot",
        "times",
        "quad",
        "qquad",
        "mathbf",
        "boldsymbol",
        "bm",
        "hat",
        "tilde",
        "bar",
        "vec",
    }
)
_GREEK = frozenset(
    {
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "theta",
        "lambda",
        "mu",
        "nu",
        "pi",
        "rho",
        "sigma",
        "tau",
        "phi",
        "psi",
        "omega",
        "eta",
        "xi",
        "zeta",
        "kappa",
        "chi",
    }
)
# an unknown function applied: \pi_{\text{teacher}}(a_j \mid s_t), P(y \mid x), f_\theta(x)
_CALL = lazy(
    r"\s*+\\?([a-zA-Z]++)\s*+(?:_\s*+(?:\{[^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+\}|\w))?\s*+"
    r"(?:\\left\s*+)?\([^()]*+(?:\([^()]*+\)[^()]*+)*+(?:\\right\s*+)?\)\s*+[.,;]?\s*+"
)
_KNOWN = frozenset(
    {
        "sigma",
        "softmax",
        "exp",
        "log",
        "ln",
        "tanh",
        "max",
        "min",
        "sum",
        "frac",
        "text",
        "mathrm",
        "operatorname",
        "mathbf",
        "boldsymbol",
        "lse",
        "LSE",
        "sqrt",
    }
)
_OPERATIONS = frozenset({"exp", "log", "ln", "sum", "prod", "partial", "nabla", "max", "min"})


def independent(value: str | None, tied: set[str]) -> bool:
    """Whether ``value`` (an unread definition's right side) writes no name in ``tied`` (the
    names the text differentiates by, differentiates, or defines) and no calculus of its own
    (an exponential, a sum, a derivative: the student's softmax written in a way not read)."""
    if value is None or not (call := _CALL.fullmatch(value)) or call[1] in _KNOWN:
        return False  # only a value computed by a function the text never defines
    names = set()
    for match in _NAMES.finditer(_WORDS.sub(" ", value)):
        names.add(match.group(1) or match.group(2))
    if names & _OPERATIONS or re.search(r"(?<![a-zA-Z\\])e\s*\^|\\begin", value):
        return False  # calculus, or a vector or matrix written out (y = [0, 1, 0]: a value)
    names = {name for name in names if len(name) == 1 or name in _GREEK} - _NOT_NAMES
    return bool(names) and not names & tied  # numbers alone are a value, not a free name


# functions whose value, or whose identities, depend on the sign of what they are applied to
_SIGN_SENSITIVE = lazy(r"\\sqrt|\\lvert|\\rvert|\\left\s*\||\||\^\s*\{\s*-?\s*\d+\s*/")


def unread_reason(at: int, written: str, unread: dict[int, tuple[str, str]]) -> str:
    """Why a flag on the step at ``at`` (its sides ``written``) may not stand for a definition
    not read (``unread``: position → ("name (why)", its right side)): the step may be that
    definition, it may use a value it excludes, or it may relate the name to what its definition
    is written in; or ""."""
    if at in unread:
        return f"it may be the definition of {unread[at][0]}"
    return _restricted_by_unread(written, unread)


def _restricted_by_unread(written: str, unread: dict[int, tuple[str, str]]) -> str:
    """Why a flag on ``written`` may not stand: it writes a name whose definition the reader did
    not read inside a function whose identities depend on the sign (``\\sqrt{o_j^2}`` where
    ``\\mathbf{o} = \\exp(\\mathbf{W}\\mathbf{x})`` makes o positive), or beside a letter that
    definition is written in (``P_1 - P_1^2`` set equal to an expression in y and S, after
    ``P = [\\frac{e^{y_1}}{S}, …]``): "" when it does not."""
    for said, value in unread.values():
        named = defined_name(said.split(" (", 1)[0])
        if not named or not re.search(rf"(?<![\\a-zA-Z]){named[0]}(?![a-zA-Z])", written):
            continue
        logged = rf"\\(?:log|ln)\s*(?:\\left\s*)?[({{]?\s*{named[0]}(?![a-zA-Z])"  # \log o_j
        if _SIGN_SENSITIVE.search(written) or re.search(logged, written):
            return (
                f"the text defines {named[0]} in a way not read here, which may exclude the "
                "values where the step is refuted"
            )
        valued = re.sub(rf"\\partial\s*\{{?\s*{named[0]}(?![a-zA-Z])", " ", written)
        if not re.search(rf"(?<![\\a-zA-Z]){named[0]}(?![a-zA-Z])", valued):
            continue  # z only as what is differentiated by (\partial z_j): not its value
        if tied := sorted(_letters(value) & _letters(valued) - {named[0]}):
            return (
                f"the text defines {named[0]} in a way not read here, in {', '.join(tied)}, "
                f"which the step writes beside {named[0]}"
            )
    return ""


_TRANSPOSED = lazy(r"\^\s*(?:\{\s*)?(?:T|\\top|\\intercal)(?![a-zA-Z])(?:\s*\})?")


def _letters(written: str) -> set[str]:
    """The letters ``written`` uses as names, not as indices (after ``_``) and not e of a power:
    ``\\frac{e^{y_1}}{S}`` writes y and S."""
    bare = _TRANSPOSED.sub(" ", _WORDS.sub(" ", written))  # \mathbf{w}^T \mathbf{x}: no T
    bare = re.sub(r"_\s*(?:\{[^{}]*\}|\\?[a-zA-Z0-9]+)", " ", bare)  # indices
    found = {m.group(2) or m.group(1) for m in _NAMES.finditer(bare)}
    return {name for name in found if name and (len(name) == 1 or name in _GREEK)} - {"e"}
