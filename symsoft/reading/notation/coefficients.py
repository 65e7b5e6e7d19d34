"""What may stand beside a vector as a number that multiplies it: a number, a size, a
parameter, a name the document defines as a number, ``\\frac{\\partial L}{\\partial z}`` with
z a plain letter, and a fraction with no free index (``\\frac{1}{\\sum_{k} e^{z_k}}``); any
other letter may be a matrix (J, W, X), and a function word may apply to the vector.
"""

from __future__ import annotations

import functools
import re
from contextvars import ContextVar

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.counts import COUNTED
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.written_out import _marked


# a number, a size or a parameter beside a vector; any other letter may be a matrix (J, W, X)
@functools.cache
def _plain_coefficient(counted: frozenset[str]) -> re.Pattern[str]:
    """A number, a size or a parameter beside a vector; the document's counts written with a
    lowercase letter (``\\frac{1}{m}``, see :mod:`~symsoft.reading.documents.counts`) too."""
    sizes = "NMTKB" + "".join(sorted(counted))
    return re.compile(
        rf"(?:\s|[\d.{{}}/*+-]|\\[dt]?frac(?![a-zA-Z])|[{sizes}](?![a-zA-Z])"
        r"|\\(?:eta|lambda|tau|alpha|beta|gamma|epsilon|varepsilon)(?![a-zA-Z]))*"
    )


# the names the document defines as numbers (p = \sigma(z), \hat{y} = …): beside a vector, a
# coefficient (p(1 - p)\, \mathbf{x}), never a matrix
SCALAR_NAMES: ContextVar[frozenset[str]] = ContextVar("scalar_names", default=frozenset())


def _without_scalar_names(text: str) -> str:
    """``text`` with the document's numbers, and derivatives of one by another, blanked."""
    written = []
    for name in sorted(SCALAR_NAMES.get()):
        letter = name.removesuffix("hat").removesuffix("_")
        if len(letter) == 1 and name.endswith("hat"):
            written.append(rf"\\hat\s*\{{\s*{letter}\s*\}}")
        elif len(letter) == 1:  # p, and p_i (an entry of a number defined p or p_i): numbers
            written.append(rf"{letter}(?:\s*_\s*(?:\{{\s*[a-z]\s*\}}|[a-z]))?")
    if not written:
        return text
    names = "(?:" + "|".join(written) + ")"
    derivative = (
        rf"\\[dt]?frac\s*\{{\s*(?:\\partial|d)\s*{names}\s*\}}"
        rf"\s*\{{\s*(?:\\partial|d)\s*{names}\s*\}}"
    )
    text = re.sub(derivative, " ", text)
    return re.sub(rf"(?<![\\a-zA-Z]){names}(?![a-zA-Z_^])", " ", text)


# ∂L/∂z with z a scalar, beside a vector: a number (the chain rule's ∂L/∂z · x)
_SCALAR_DERIVATIVE = lazy(
    r"\s*\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*(?:\\mathcal\s*\{\s*L\s*\}|\\ell|L|[a-z])\s*\}"
    r"\s*\{\s*(?:\\partial|d)\s*(?:\\hat\s*\{\s*[a-z]\s*\}|[a-z]|\\(?:eta|zeta|xi)(?![a-zA-Z]))"
    r"(?:\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))?\s*\}\s*"  # (∂L/∂η_k: a number too)
)


_FUNCTION_WORDS = lazy(
    r"\\(?:sum|prod|log|ln|exp|sigma|tanh|max|min|operatorname|text|mathrm)(?![a-zA-Z])|[_^(]"
)


def _constant(term: str) -> bool:
    """Whether a scalar term has no free index (``c``, ``\\log \\sum_i e^{x_i}``): added to a
    vector, it is added to each entry (``\\mathbf{x} - c``); ``y_i`` beside a vector is not."""
    bound = set(re.findall(r"\\(?:sum|max|min)\s*_\s*\{?\s*([a-z])(?![a-zA-Z])", term))
    used = re.findall(r"_\s*(?:\{([^{}]*)\}|([a-zA-Z]))", term)
    return {c for group in used for c in "".join(group) if c.isalpha()} <= bound


def closed_fraction(text: str, counted: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` is one fraction that is a number with no free index: each letter in it
    is ``e``, a size, an index its own sums bind, or carries an index they bind
    (``\\frac{1}{\\sum_{k=1}^K e^{z_k}}``; not ``\\frac{1}{Z}``, Z may be a matrix)."""
    text = text.strip()
    head = re.match(r"\\[dt]?frac\s*(?=\{)", text)
    if head is None or _marked(text) or not _constant(text):
        return False
    above = matching(text, head.end())
    if above <= 0 or text[above:].lstrip()[:1] != "{":
        return False
    below = above + len(text[above:]) - len(text[above:].lstrip())
    if matching(text, below) != len(text) or not _constant(text[head.end() : above]):
        return False  # \frac{e^{z_k}}{\sum_k e^{z_k}}: the k above is not the sum's
    bound = set(re.findall(r"\\(?:sum|prod)\s*_\s*\{?\s*([a-z])(?![a-zA-Z])", text))
    # \sum_{j=1}^n: n, the upper bound of a sum, is a size
    bare = re.sub(rf"({_BOUNDED})\s*\^\s*(?:\{{[^{{}}]*\}}|[a-zA-Z0-9])", r"\1", text)
    bare = re.sub(r"\\[a-zA-Z]+", " ", bare)
    bare = re.sub(r"[a-zA-Z]\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9])", " ", bare)  # z_k: an entry
    bare = re.sub(r"_\s*(?:\{[^{}]*\}|[a-zA-Z0-9])", " ", bare)  # a sum's bounds
    letters = set(re.findall(r"[a-zA-Z]", bare))
    return letters <= bound | {"e"} | set("NMTKB") | counted


_BOUNDED = r"\\(?:sum|prod)\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9])"


def check_coefficient(text: str, at: int) -> None:
    """Raise :class:`Unreadable` unless ``text`` beside a vector is a number that multiplies
    it."""
    if _SCALAR_DERIVATIVE.fullmatch(text) or closed_fraction(text, COUNTED.get()):
        return
    if SCALAR_NAMES.get():  # ∂J/∂p\, p(1 - p)\, \mathbf{x} with p a number
        text = _without_scalar_names(_SCALAR_DERIVATIVE.sub(" ", text))
    if _FUNCTION_WORDS.search(text) or not _plain_coefficient(COUNTED.get()).fullmatch(text):
        raise Unreadable(f"{text.strip()!r} beside a vector: which part does it apply to?", at)
