"""Counts written with a lowercase letter: ``\\frac{1}{m} \\sum_{i=1}^{m}``, ``\\frac{1}{n}``.

The grammar keeps i … n for indices, so ``\\frac{1}{m}`` is "index 'm' used as a value".  A
letter a document writes only as the upper limit of its sums and as a value (never in a
subscript, never as the variable of a sum, never in a superscript index ``x^{(m)}``) has one
reading: the number of terms it counts, a positive integer.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

import sympy

from symsoft.reading.documents.subscripts import SCRIPT, sum_indices
from symsoft.reading.lazy_regex import lazy

COUNTED: ContextVar[frozenset[str]] = ContextVar("counted", default=frozenset())
"""The lowercase letters the document being read writes only as a count (``m`` of
``\\frac{1}{m} \\sum_{i=1}^{m}``)."""

# A text whose classes are counted by another letter (\sum_{c=1}^{C}) that also writes N (a
# batch of N examples): its N is a count of its own, never the classes' N (N = C is no fact)
SAMPLES = sympy.Dummy("N", integer=True, positive=True)
SAMPLES_APART: ContextVar[bool] = ContextVar("samples_apart", default=False)
_WRITES_N = lazy(r"(?<![\\A-Za-z])N(?![A-Za-z])")


def set_samples_apart(text: str, counted: str | None) -> None:
    """Whether ``text``, whose classes ``counted`` counts, writes N as a count of its own."""
    SAMPLES_APART.set(counted not in (None, "N") and _WRITES_N.search(text) is not None)


_BOUND = lazy(  # \sum_{i=1}^{m}, \sum^k_{j=1}: any lowercase letter as the upper limit
    r"\\sum\s*(?:\\(?:no)?limits\s*)?(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*\^\s*\{?\s*([a-z])"
    r"|\^\s*\{?\s*([a-z])\s*\}?\s*_)\s*\}?(?![a-zA-Z])"
)
# "\sigma_1(z), \cdots, \sigma_k(z)": the subscript after an ellipsis is the count, the last
_LAST_OF_A_LIST = lazy(
    r"((?:\\[cl]?dots|…)\s*,?\s*(?:\\[a-zA-Z]+\s*)?\{?\s*[a-zA-Z]\s*\}?\s*)_\s*(?:\{\s*[a-z]\s*\}|[a-z])"
)
# "$n$ trials", "$m$ observations", "a sample of size $n$": the letter counts them
_SAID_SIZE = lazy(
    r"\$\s*([mn])\s*\$\s+(?:independent\s+|i\.i\.d\.\s+)?(?:trials|observations|samples|"
    r"examples|data\s+points|draws|tosses|flips|subjects)\b"
    r"|\b(?:sample\s+size|of\s+size|number\s+of\s+(?:trials|observations|samples|examples))"
    r"\s+\$\s*([mn])\s*\$",
    re.IGNORECASE,
)
# a shape: X is an m \times n matrix, \mathbb{R}^{m \times n}: the letters are sizes
_SHAPE = lazy(r"(?<![\\A-Za-z])([mn])(?=\s*\\times(?![a-zA-Z]))|\\times\s*([mn])(?![A-Za-z_^])")
_SUPERSCRIPT_INDEX = lazy(r"\^\s*\{\s*\(\s*([a-z])\s*\)\s*\}")
_DEFINED = lazy(
    r"(?<![\\A-Za-z{^_])([a-z])[ \t]*+(?::=|=(?!=)|\\coloneqq|\\triangleq|\\equiv|\\stackrel)"
    r"(?!\s*\d+\s*(?:\$|\\\)|,|\.\s))"  # m = 1 (no batch), n = 3: a value of the count
)


def counted_letters(source: str) -> frozenset[str]:
    """The letters that ``source`` writes as the upper limit of a sum (or m, n in a shape,
    ``m \\times n``) and never as an
    index (``x_n``, ``w_{mn}``, ``\\sum_n``, ``x^{(n)}``, ``\\sum_{n=1}``) and never defines
    (``m = \\max_k z_k``) nor writes with a subscript of its own (``q_i``); a subscript after an
    ellipsis (``\\sigma_1, \\cdots, \\sigma_k``) is the count itself, the last entry.

    >>> sorted(counted_letters(r"J = \\frac{1}{m} \\sum_{i=1}^{m} L_i"))
    ['m']
    >>> sorted(counted_letters(r"\\sum_{i=1}^{n} \\theta_n x_n"))
    []
    """
    bounds = {a or b for a, b in _BOUND.findall(source)}
    bounds |= {g for found in _SHAPE.findall(source) for g in found if g}
    bounds |= {a or b for a, b in _SAID_SIZE.findall(source)}  # "$n$ trials", "of size $n$"
    if not bounds:
        return frozenset()
    # a letter with a subscript of its own (q_i) is a vector, not a count
    bounds = {b for b in bounds if not re.search(rf"(?<![\\A-Za-z^]){b}\s*_", source)}
    as_index = _index_letters(_LAST_OF_A_LIST.sub(r"\1", source))
    as_index |= set(_DEFINED.findall(source))  # m = \max_k z_k gives m another meaning
    return frozenset(b for b in bounds if b not in as_index)


def _index_letters(source: str) -> set[str]:
    """The letters ``source`` writes as an index: in a subscript, as a sum's variable, in a
    superscript ``x^{(n)}``."""
    as_index = set(sum_indices(source)) | set(_SUPERSCRIPT_INDEX.findall(source))
    for script in SCRIPT.finditer(source):
        inner = script.group(1) if script.group(1) is not None else script.group(2)
        if "=" in inner:  # \sum_{i=1}: the variable is left of the sign
            inner = inner.split("=", 1)[0]
        as_index |= set(re.findall(r"(?<![\\A-Za-z])[a-z](?![A-Za-z])", inner))
        as_index |= {
            c for word in re.findall(r"(?<![\\A-Za-z])[a-z]{2}(?![A-Za-z])", inner) for c in word
        }
    return as_index


VARIABLES: ContextVar[frozenset[str]] = ContextVar("variables", default=frozenset())
"""The letters i … n that the document being read differentiates by and never writes as an
index (``n`` of ``\\frac{d}{dn} e^n``): real variables."""

# \frac{d}{dn}, \frac{d e^n}{d n}, \frac{\partial f}{\partial m}, d/dn: by a bare letter
_BY_LETTER = lazy(
    r"(?:\\frac\s*\{[^{}]*\}\s*\{\s*(?:d|\\partial)\s*|(?<![A-Za-z\\])d\s*/\s*d\s*)"
    r"([i-n])(?![A-Za-z_])"
)


def differentiated_letters(source: str) -> frozenset[str]:
    """The letters i … n that ``source`` differentiates by alone (``\\frac{d}{dn} e^n``) or gives
    a maximum or a minimum (``m = \\max_k z_k``), and never writes as an index
    nor as a sum's bound: in it a real variable, not an index.

    >>> sorted(differentiated_letters(r"\\frac{d}{dn} e^n = e^n"))
    ['n']
    >>> sorted(differentiated_letters(r"\\frac{d}{dn} e^n = e^n, \\quad x_n"))
    []
    """
    found = set(_BY_LETTER.findall(source)) | set(_VALUED.findall(source))
    if not found:
        return frozenset()
    taken = _index_letters(source) | {a or b for a, b in _BOUND.findall(source)}
    return frozenset(found - taken)


# m = \max_k z_k: a letter i … n given a maximum (never a case i = j; a sum n = \sum_i y_i of
# labels would be read without what the labels are)
_VALUED = lazy(
    r"(?<![\\A-Za-z{^_])([i-n])[ \t]*+(?::=|=(?!=)|\\coloneqq)\s*"
    r"(?=\\(?:max|min)(?![a-zA-Z]))"
)


# "$K$ classes", "one of $C$ categories", "a $K$-class problem", "the number of classes $K$"
_SAID_COUNT = lazy(
    r"\$\s*([A-Z])\s*\$\s*(?:-\s*)?(?:classes|categories|class\b)"
    r"|\bnumber\s+of\s+(?:classes|categories)\s*(?:,\s*)?(?:is\s+)?\$\s*([A-Z])\s*\$",
    re.IGNORECASE,
)


def said_count(source: str) -> str | None:
    """The capital the prose says counts the classes (``over $K$ classes``), when it says one
    and the text gives it no value (``K = 3``).

    >>> said_count(r"one-hot labels over $K$ classes, and $\\tilde{y}_k = y_k + \\epsilon / K$")
    'K'
    >>> said_count(r"$K$ classes, here $K = 3$") is None
    True
    """
    said = {a or b for a, b in _SAID_COUNT.findall(source)}
    if len(said) != 1:
        return None
    (letter,) = said
    valued = [m.start() for m in re.finditer(rf"(?<![\\A-Za-z_^{{]){letter}\s*=", source)]
    if not valued:
        return letter
    # "With $K = 4$ …" after the general formulas (\frac{\epsilon}{K}): a worked example's value
    used = re.search(rf"[/{{]\s*{letter}(?![A-Za-z])", source)  # \frac{\epsilon}{K}, /K
    numbers = all(re.match(rf"{letter}\s*=\s*\d+\s*(?:\$|,|and\b)", source[at:]) for at in valued)
    return letter if used and numbers and used.start() < min(valued) else None


ZERO_APART: ContextVar[frozenset[str]] = ContextVar("zero_apart", default=frozenset())
"""The letters whose entry 0 the document being read writes beside a sum from 1 over the
others (``w_0 + \\sum_{j=1}^{M} w_j x_j``): there the sums from 1 are the author's own, and
entry 0 is outside them (a bias), not a class the sums may leave out."""

_NAMED = r"(?:[a-zA-Z]|\\(?:theta|beta|omega|alpha))"
# w_0 + \sum_{j=1}^{M} w_j …, \sum_{j=1}^{n} \theta_j x_j + \theta_0
_APART = lazy(
    rf"(?<![\\A-Za-z])(?P<a>{_NAMED})\s*_\s*\{{?\s*0\s*\}}?\s*\+\s*"
    r"\\sum\s*(?:\\limits\s*)?_\s*\{\s*(?P<i>[a-z])\s*=\s*1\s*\}\s*\^\s*(?:\{[^{}]*\}|\w)\s*"
    r"(?P=a)\s*_\s*\{?\s*(?P=i)(?![a-zA-Z])"
    rf"|\\sum\s*(?:\\limits\s*)?_\s*\{{\s*(?P<j>[a-z])\s*=\s*1\s*\}}\s*\^\s*(?:\{{[^{{}}]*\}}|\w)\s*"
    rf"(?P<b>{_NAMED})\s*_\s*\{{?\s*(?P=j)\s*\}}?[^$+=]*\+\s*(?P=b)\s*_\s*\{{?\s*0\s*\}}?(?![\d])"
)


def zero_apart(source: str) -> frozenset[str]:
    """The letters whose entry 0 ``source`` writes beside a sum from 1 over the others.

    >>> sorted(zero_apart(r"a = w_0 + \\sum_{j=1}^{M} w_j x_j"))
    ['w']
    >>> sorted(zero_apart(r"z = \\sum_{i=1}^{n} \\theta_i x_i + \\theta_0"))
    ['theta']
    >>> sorted(zero_apart(r"z = w_0 + \\sum_{j} w_j x_j"))
    []
    >>> sorted(zero_apart(r"a = w_0 + \\sum_{j=1}^{M} w_j x_j, \\quad R = \\sum_j w_j^2"))
    []
    >>> sorted(zero_apart(r"a = w_0 + \\sum_{j=1}^{M} w_j x_j, \\quad R = \\sum_{j=0}^{M} w_j^2"))
    []
    """
    if len(_ANY_SUM.findall(source)) != len(_FROM.findall(source)):
        return frozenset()  # \sum_j w_j^2 too: a sum whose range the text leaves to the reader
    return frozenset((m.group("a") or m.group("b")).lstrip("\\") for m in _APART.finditer(source))


_ANY_SUM = lazy(r"\\sum(?![a-zA-Z])|∑")
_FROM = lazy(r"(?:\\sum(?![a-zA-Z])|∑)\s*(?:\\limits\s*)?_\s*\{\s*[a-z]\s*=\s*1\s*\}")
