"""Capitals the text says are matrices or vectors: never numbers to multiply in any order.

A capital letter the document writes in a definition (``z = W \\cdot x``) is read as a number
when nothing says otherwise.  Where the text gives it a shape — ``W \\in \\mathbb{R}^{K \\times
d}``, "the weight matrix $W$", "let $W$ be a $K \\times d$ matrix", "$W$ has shape $(K, d)$" —
that reading would make ``Wx = xW`` hold, so the letter is found here and its steps are left
unread.

>>> sorted(shaped_capitals("Let $W$ be a $K \\\\times d$ matrix.", ""))
['W']
>>> sorted(shaped_capitals("", "W \\\\in \\\\mathbb{R}^{3}"))
['W']
>>> sorted(shaped_capitals("the weight $W$ is a number", ""))
[]
"""

from __future__ import annotations

import sympy

from symsoft.reading.lazy_regex import lazy

_BOLD = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?"
_LETTER = r"(?:\$|\\\()\s*" + _BOLD + r"([A-Z])\s*\}?\s*(?:\$|\\\))"
_INLINE = r"(?:[^.$]|\$[^$]{0,40}\$)"  # prose, or a short formula such as $K \times d$

# W \in \mathbb{R}^{K \times d}, \mathbf{W} \in \mathbb R^n, W \in \R^{n \times m}
_IN_SPACE = lazy(
    r"(?<![\\A-Za-z_{^])" + _BOLD + r"([A-Z])\s*\}?\s*"
    r"\\in\s*(?:\\mathbb\s*(?:\{\s*R\s*\}|R)|\\R\b|\\Re\b)\s*\^"
)
_IN_WORDS = lazy(
    # "the weight matrix $W$", "a matrix of weights $W$"
    r"(?i:matri(?:x|ces))\s+(?:of\s+[a-z]+\s+)?"
    + _LETTER
    # "$W$ is the weight matrix", "let $W$ be a $K \times d$ matrix", "$W$ denotes a matrix"
    + r"|"
    + _LETTER
    + r"\s+(?:is|be|denotes?|stands\s+for)\s+(?:an?|the)\s+"
    + _INLINE
    + r"{0,40}?(?i:matri|vector)"
    # "$W$ has shape $(K, d)$", "$W$, of shape (K, d)", "$W$ has dimensions"
    + r"|"
    + _LETTER
    + r",?\s+(?:has|of|with)\s+(?:the\s+)?(?:shape|dimensions?)\b"
)


def shaped_capitals(prose: str, whole: str) -> frozenset[str]:
    """The capitals that ``whole`` (the document) places in a space ``\\mathbb{R}^{…}`` or
    ``prose`` calls a matrix or a vector, or gives a shape."""
    found = {m.group(1) for m in _IN_SPACE.finditer(whole)}
    for m in _IN_WORDS.finditer(prose):
        found.add(next(g for g in m.groups() if g))
    return frozenset(found)


def capitals_into_entries(values: dict[str, sympy.Expr], indexed: frozenset[str]) -> dict[str, str]:
    """The capitals a definition multiplies with another plain letter into a name the text
    writes with an index: ``z = W \\cdot x + b`` beside ``z_i`` makes ``W`` a matrix (or ``x``
    a vector), never a number that every entry ``z_i`` shares.  Maps each capital to that name.

    >>> W, x, b, Z = sympy.symbols("W x b Z")
    >>> capitals_into_entries({"z": W * x + b}, frozenset("z"))
    {'W': 'z'}
    >>> capitals_into_entries({"z": W * x + b, "s": 1 / Z}, frozenset("s"))
    {}
    """
    found: dict[str, str] = {}
    for name, value in values.items():
        if name not in indexed:
            continue
        for product in value.atoms(sympy.Mul):
            plain = [f for f in product.args if isinstance(f, sympy.Symbol) and not f.is_integer]
            for factor in plain:
                if factor.name[:1].isupper() and len(plain) > 1:
                    found.setdefault(factor.name, name)
    return found
