"""Vector and matrix notation translated to index notation before a side is parsed.

A vector equation holds iff it holds entry by entry, so a side written with vectors is read at a
fresh entry: row ``r`` (and column ``c`` for a matrix). ``\\nabla_{\\mathbf{o}} L`` becomes
``\\frac{\\partial L}{\\partial o_{r}}``, ``\\mathbf{p}`` becomes ``p_{r}``,
``\\mathbf{p}\\mathbf{p}^T`` becomes ``p_{r} p_{c}``, ``\\operatorname{diag}(\\mathbf{p})`` becomes
``\\delta_{rc} p_{r}``, a product of a row by a column becomes a sum. Only what has a single
reading is translated; the rest raises :class:`~symsoft.reading.judge.names.Unreadable`,
never a guess. The Jacobian
``\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{o}}`` is read in its usual (numerator) layout:
row r, column c is ``\\partial p_r / \\partial o_c``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation import differentials
from symsoft.reading.notation.atoms import _ATOMS
from symsoft.reading.notation.plain_gradients import gradient_letters
from symsoft.reading.notation.translation import _TRANSPOSE, SHAPES, _Translation
from symsoft.reading.notation.written_out import (
    _BOLD,
    _DOTS,
    TRANSPOSED,
    _Hidden,
    _marked,
)

ROW, COLUMN = "r", "c"  # the entry a vector (matrix) side is read at
_SUM_LETTERS = "ghkmnuvwxz"
READINGS = ("numerator", "denominator", "numerator row", "denominator row")
"""Jacobian layout, and the column- (default) or row-vector convention."""

_T = TRANSPOSED
# \mathbf y \times \mathbf y^T: a cross product has no transposes, so \times is the matrix product
_TIMES_TRANSPOSED = lazy(r"\\times(?=\s*" + _BOLD + _T + ")")
_TRANSPOSED_TIMES = lazy("(" + _T + r"\s*)(\\times)(?![a-zA-Z])")
_ARRAY_SPEC = lazy(r"(\\begin\s*\{\s*array\s*\})(\s*\{[lcr|\s]*\})")
# bars around a matrix written out: a determinant or a norm, a number, in most texts; posts
# also write a Jacobian so, which only a matrix on the other side tells
_BARS = lazy(r"\\begin\s*\{\s*([vV]matrix)\s*\}")
_ALONE_BARS = lazy(r"\s*\\begin\s*\{\s*([vV]matrix)\s*\}.*\\end\s*\{\s*\1\s*\}\s*", re.DOTALL)
_CONTROL_SPACE = lazy(r"(?<!\\)\\(?= )")
_LITERAL_BODY = lazy(
    r"\\begin\s*\{\s*([bpvBV]?matrix|array)\s*\}.*?\\end\s*\{\s*\1\s*\}", re.DOTALL
)


class Entry(NamedTuple):
    """One entry of a step with a matrix written out: its name, its sides in index notation, the
    size it is judged at, and whether that size is one beyond the size written (both sides
    written out at concrete indices may be a block of a larger matrix)."""

    name: str
    lhs: str
    rhs: str
    size: int
    larger: bool = False


@dataclass(frozen=True)
class Entrywise:
    """A side translated: its ``text`` in index notation at entry (r, c), its ``shape``; a side
    with a matrix written out (``size`` entries a side) is read at concrete entries by ``at``;
    one written with dots is read at each of ``sizes``."""

    text: str
    shape: str
    size: int | None = None
    at: Callable[[str, str], str] | None = None
    sizes: tuple[int, ...] = ()


def _free_letters(text: str) -> list[str]:
    return [x for x in _SUM_LETTERS if not re.search(rf"(?<![\\a-zA-Z]){x}(?![a-zA-Z])", text)]


@functools.cache
def _matrix_times(text: str) -> str:
    """``\\times`` beside a transposed vector written as the matrix product it is, and an
    array's column spec (``\\begin{array}{cc}``, no letters c) blanked (same length)."""
    text = _ARRAY_SPEC.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    # \mathbf y \ \text{diag}(…): a control space is a space, outside a matrix and brackets
    depth, depths = 0, []  # inside brackets, `\ ` may part entries: [\mathbf s^\top \ 1]
    for char in text:
        depth += (char in "([{") - (char in ")]}")
        depths.append(depth)
    inside = [m.span() for m in _LITERAL_BODY.finditer(text)]
    spaces = [
        m.start()
        for m in _CONTROL_SPACE.finditer(text)
        if depths[m.start()] == 0 and not any(a <= m.start() < b for a, b in inside)
    ]
    if spaces:
        chars = list(text)
        for at in spaces:
            chars[at] = " "
        text = "".join(chars)
    text = _TIMES_TRANSPOSED.sub(lambda m: " " * len(m.group()), text)
    return _TRANSPOSED_TIMES.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def entrywise(
    text: str, layout: str = "numerator", vectors: frozenset[str] = frozenset()
) -> Entrywise | None:
    """The side ``text`` read entry by entry, or None when it has no vector notation; a bold
    capital letter is a vector if it is one of ``vectors`` (else it may be a matrix: not read).

    >>> entrywise(r"\\operatorname{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^\\top").text
    '(\\\\delta_{rc} p_{r}) - ((p_{r}) (p_{c}))'
    """
    if not _marked(text) and not differentials.written(text):
        return None
    text = _matrix_times(text)
    bars = _BARS.search(text)
    if bars and not _ALONE_BARS.fullmatch(text):  # |A| \mathbf{p}: a determinant times p?
        raise Unreadable(f"a {bars.group(1)} in a product or a sum: a determinant?", bars.start())
    dots = _DOTS.search(_LITERAL_BODY.sub(lambda m: " " * len(m.group()), text))
    if dots:
        raise Unreadable(f"{dots.group()} outside a matrix is not read", dots.start())
    translation = _translation(text, layout, None, vectors)
    value = translation.sum(0, len(text))
    # a column is read at row r alone, a number at no entry: a constant c (x - c) is no clash
    used_letters = {"vector": (ROW,), "row vector": (COLUMN,), "scalar": ()}
    for letter in (ROW, COLUMN) if value.size else used_letters.get(value.shape, (ROW, COLUMN)):
        used = re.search(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", text)
        if used:
            raise Unreadable(
                f"the letter {letter!r} is used here and symsoft reads vectors at entry "
                f"{ROW}, {COLUMN}",
                used.start(),
            )
    if value.size is not None:
        return Entrywise("", value.shape, value.size, value.entry, translation.sizes)
    return Entrywise(value.entry(ROW, COLUMN), value.shape)


def entries(
    lhs: str, rhs: str, layout: str = "numerator", vectors: frozenset[str] = frozenset()
) -> list[Entry] | None:
    """A step with a matrix written out, as one :class:`Entry` per entry and size, in index
    notation at concrete indices; None when nothing is written out.  A matrix written with dots
    is judged at each size where its rows' labels (1, 2, …, N−1, N) are distinct, at the entries
    it shows; two written out at size n at n and at n + 1, as a block of a larger one."""
    lhs, rhs = _matrix_times(lhs), _matrix_times(rhs)
    sides = [entrywise(side, layout, vectors) for side in (lhs, rhs)]
    written = [s for s in sides if s is not None and s.size is not None]
    if not written:
        return None
    bars = _BARS.search(lhs) or _BARS.search(rhs)
    if bars and any(s is None or s.shape == "scalar" for s in sides):
        raise Unreadable(f"a {bars.group(1)} beside a number: a determinant, or the matrix?")
    patterns = [set(s.sizes) for s in written if s.sizes]
    if patterns and len(patterns) < len(written):
        raise Unreadable("a matrix written with dots beside one written out at a fixed size")
    fixed = sorted({s.size for s in written if s.size is not None})
    if not patterns and len(fixed) > 1:
        raise Unreadable(f"matrices written out at different sizes {fixed}")
    sizes = sorted(set.intersection(*patterns)) if patterns else fixed
    # both sides written out: the whole Jacobian at N = size, or a block of a larger one
    block = not patterns and not any(_marked(_LITERAL_BODY.sub(" ", side)) for side in (lhs, rhs))
    sizes = sizes + [sizes[0] + 1] if block else sizes
    shape = next(s.shape for s in sides if s is not None)
    out = []
    for size in sizes:
        shown = min(size, fixed[0]) if block else size  # a block shows only its own entries
        rows = range(1, shown + 1) if shape in ("vector", "matrix") else [1]
        columns = range(1, shown + 1) if shape in ("row vector", "matrix") else [1]
        at = [
            _translation(text, layout, size, vectors).sum(0, len(text))
            if side is not None
            else None
            for side, text in zip(sides, (lhs, rhs), strict=True)
        ]
        for a in map(str, rows):
            for b in map(str, columns):
                try:
                    texts = [
                        value.entry(a, b) if value is not None else text  # 0
                        for value, text in zip(at, (lhs, rhs), strict=True)
                    ]
                except _Hidden:
                    continue
                name = {"vector": a, "row vector": b}.get(shape, f"({a}, {b})")
                larger = block and size > fixed[0]
                where = f" at N = {size}" if patterns or larger else ""
                out.append(Entry(f"entry {name}{where}", texts[0], texts[1], size, larger))
    if not out:
        raise Unreadable("every entry needs one that the dots hide")
    return out


def _translation(text: str, layout: str, size: int | None, vectors: frozenset[str]) -> _Translation:
    """The reader of ``text`` entry by entry at ``size`` (None: any), ``vectors`` its bold
    capital vectors."""
    translation = _Translation(text, _free_letters(text), layout, size)
    translation.vectors = vectors
    return translation


def readings(lhs: str, rhs: str) -> tuple[str, ...]:
    """The readings a step may have: both Jacobian layouts when it writes a Jacobian, both
    vector conventions when it transposes or writes a gradient beside a Jacobian (the chain
    rule ``\\frac{\\partial L}{\\partial \\mathbf{z}} \\frac{\\partial \\mathbf{z}}{\\partial
    \\mathbf{b}}``, whose gradient is a row in the numerator layout)."""
    jacobian = has_jacobian(lhs) or has_jacobian(rhs)
    transposed = any(_marked(side) and _TRANSPOSE.search(side) for side in (lhs, rhs))
    transposed = transposed or (jacobian and (has_gradient(lhs) or has_gradient(rhs)))
    return tuple(
        r
        for r in READINGS
        if (jacobian or not r.startswith("denominator")) and (transposed or not r.endswith("row"))
    )


def has_jacobian(text: str) -> bool:
    """Whether ``text`` writes a Jacobian ``\\frac{\\partial \\mathbf{u}}{\\partial \\mathbf{v}}``
    (or may: ``\\frac{\\partial p}{\\partial \\mathbf{v}}``, p defined entry by entry), whose
    layout (numerator or denominator) the document may not say."""
    atoms = dict(_ATOMS)
    return atoms["jacobian"].search(text) is not None or any(
        any(m.groups()[:5]) or (m.group(6) or "").islower()  # p_i defined: p a vector
        for kind in ("fraction", "slashed")
        for m in atoms[kind].finditer(text)
    )


def has_gradient(text: str) -> bool:
    """Whether ``text`` writes the gradient of a number by a vector, ``\\nabla_{\\mathbf{z}} L``
    or ``\\frac{\\partial L}{\\partial \\mathbf{z}}``."""
    atoms = dict(_ATOMS)
    return atoms["gradient"].search(text) is not None or any(
        m.group(6) for kind in ("fraction", "slashed") for m in atoms[kind].finditer(text)
    )


def mismatch(
    lhs: str, rhs: str, vectors: frozenset[str] = frozenset(), layout: str = "numerator"
) -> str | None:
    """Why the two sides of a step cannot be compared entry by entry (a vector on one side,
    index notation or a scalar on the other) in the reading ``layout``, or None."""
    try:
        shapes = [entrywise(side, layout, vectors=vectors) for side in (lhs, rhs)]
    except Unreadable:
        return None  # the side itself reports why it is not read
    if shapes[0] is None and shapes[1] is None:
        return None
    if any(s is None and side.strip() == "0" for s, side in zip(shapes, (lhs, rhs), strict=True)):
        return None  # a vector, or a matrix, of zeros
    left, right = (f"a {s.shape}" if s else "index notation" for s in shapes)
    if left == right or {left, right} == {"a scalar", "index notation"}:
        return None
    return f"{left} on the left, {right} on the right: {SHAPES}, which entry is meant?"


__all__ = [
    "READINGS",
    "SHAPES",
    "Entrywise",
    "entries",
    "entrywise",
    "mismatch",
    "numbers_beside_vectors",
    "one_plain_vector",
    "readings",
    "written_letters",
]


# ^T, ^{T}, ^\top; as TeX reads it, w^Tx and w^{T}x are w^T x
_PLAIN_T = (
    r"\s*\^\s*(?:\{\s*(?:\\top|\\intercal|T)\s*\}|(?:\\top|\\intercal)(?![a-zA-Z])"
    r"|T(?![a-zA-Z]{2}))"
)
_PLAIN_DIAG = r"\\(?:operatorname|text|mathrm)\s*\{\s*diag\s*\}\s*(?:\\left\s*)?\(\s*"
_PLAIN_JACOBIAN = lazy(
    r"(?<![\\a-zA-Z])J\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*"
    r"(?:\\left\s*\(\s*([a-z])\s*\\right\s*\)|\(\s*([a-z])\s*\)|([a-z]))(?![a-zA-Z_])"
)


_DECLARED = lazy(  # w \in \mathbb{R}^d, "w, x \in \mathbb R^{n}": not R, nor R^{n \times d}
    r"(?<![\\A-Za-z_{])((?:[a-z]\s*,\s*)*[a-z])\s*\\in\s*\\mathbb\s*(?:\{\s*R\s*\}|R)"
    r"\s*\^\s*(?:\{\s*(?:[A-Za-z]|[2-9]|\d\d+)\s*\}|[A-Za-z2-9])"
)


def declared_vectors(math: str, indexed: frozenset[str]) -> frozenset[str]:
    """The plain letters a document makes vectors: said to lie in ``\\mathbb{R}^d``, or written
    ``w^T x`` (a transposed letter times a letter: both vectors, the product a number); a Greek
    letter too (``\\theta^T x``: the parameters θ), named with its backslash.

    Not a letter the document also writes with an index (``x_i``: the i-th example, or an
    entry?), nor ``e``.

    >>> sorted(declared_vectors(r"$w \\in \\mathbb{R}^d$ and $z = u^\\top v + b$", frozenset()))
    ['u', 'v', 'w']
    """
    samples = _SAMPLE.search(math)  # x^{(i)}: a regression on samples reads its parameters
    if not samples and (greek := _GreekLetters(math)).placeholders:
        found = declared_vectors(greek.to_letters(math), indexed | greek.indexed(math))
        return frozenset(greek.from_letter(letter) for letter in found)
    letters = {
        letter
        for found in _DECLARED.finditer(math)
        for letter in re.findall("[a-z]", found.group(1))
    }
    product = re.compile(  # (e^{w^T x}: the product opens an exponent)
        r"(?:(?<![\\A-Za-z_{])|(?<=\^\{))([a-z])" + _PLAIN_T + r"\s*([a-z])(?![A-Za-z_])"
    )
    other_t = len(re.findall(r"(?<![\\a-zA-Z])T(?![a-zA-Z])", math)) - len(
        re.findall(r"\^\s*\{?\s*T(?![a-zA-Z])", math)
    )
    in_products: set[str] = set()
    for found in product.finditer(math):
        if found.group().replace(" ", "").rstrip("}" + found.group(2)).endswith("T") and other_t:
            continue  # x^T y beside a temperature T: a power?
        in_products |= {found.group(1), found.group(2)}
    # a letter of w^T x that the text also writes with an index is still that vector (w_j, x_j
    # its entries) unless the index counts examples (see _examples)
    entries = {letter for letter in in_products & indexed if not _examples(math, letter)}
    return frozenset((letters | in_products) - (indexed - entries) - {"e"})


def _examples(math: str, letter: str) -> bool:
    """Whether ``letter`` written with an index means one example of a set: ``x^{(i)}``,
    ``w^T x_i`` (a transposed product of the indexed letter), or ``x_i`` beside a label ``y_i``
    or ``\\hat{y}_i`` at the same index."""
    bare = rf"(?<![\\A-Za-z]){letter}"
    script = r"\s*_\s*(?:\{\s*([a-z])[^{}]*\}|([a-z]))"
    if re.search(bare + r"\s*\^\s*\{\s*\(", math):
        return True
    if re.search(_PLAIN_T + rf"\s*{letter}{script}", math) or re.search(
        bare + script + _PLAIN_T, math
    ):
        return True
    for found in re.finditer(bare + script, math):
        index = found.group(1) or found.group(2)
        label = r"(?:(?<![\\A-Za-z])y|\\hat\s*\{\s*y\s*\}|\\hat\s*y)\s*_\s*\{?\s*"
        if letter != "y" and re.search(label + rf"{index}(?![a-z])", math):
            return True
    return False


def plain_vectors(
    sides: list[str],
    indexed: frozenset[str],
    declared: frozenset[str] = frozenset(),
    logits: frozenset[str] = frozenset(),
) -> list[str] | None:
    """The sides of a step with its plain-letter vectors written bold, or None when it has none.

    A letter the document writes with an index (``y_i``) is a vector here when the step
    transposes it (``y^T``, ``y^\\top``; ``^T`` only when no other T is written), takes its
    ``\\operatorname{diag}``, or writes its Jacobian ``J_x y`` (w32zhong's docs): then every bare
    ``y`` of the step is that vector; and so are the letters of a gradient written without bold
    (:mod:`~symsoft.reading.notation.plain_gradients`, z one of the ``logits``).

    >>> plain_vectors([r"J_x y", r"y^\\top"], frozenset("xy"))
    ['J_{\\\\mathbf{x}}(\\\\mathbf{y})', '\\\\mathbf{y}^\\\\top']
    """
    joined = " ".join(sides)
    if (greek := _GreekLetters(joined, declared)).placeholders:  # \theta^T x: θ a vector
        found = plain_vectors(
            [greek.to_letters(side) for side in sides],
            indexed | greek.indexed(joined),
            frozenset(greek.to_letter(name) for name in declared),
            logits,
        )
        return None if found is None else [greek.back(side) for side in found]
    other_t = len(re.findall(r"(?<![\\a-zA-Z])T(?![a-zA-Z])", joined)) - len(
        re.findall(r"\^\s*\{?\s*T(?![a-zA-Z])", joined)
    )
    letters: set[str] = set()
    for letter in indexed:
        bare = rf"(?<![\\a-zA-Z]){letter}"
        transposed = re.search(bare + _PLAIN_T, joined)
        if transposed and transposed.group().rstrip("} ").endswith("T") and other_t:
            transposed = None
        if transposed or re.search(_PLAIN_DIAG + letter + r"\s*(?:\\right\s*)?\)", joined):
            letters.add(letter)
    for found in _PLAIN_JACOBIAN.finditer(joined):
        variable = found.group(1) or found.group(2)
        value = found.group(3) or found.group(4) or found.group(5)
        if {variable, value} <= indexed:
            letters |= {variable, value}
    for letter in sorted(indexed - letters):  # w^\top x: what a transposed vector multiplies
        after = rf"\s*{letter}(?![a-zA-Z_])"
        if letter.islower() and any(
            re.search(rf"(?<![\\a-zA-Z]){t}" + _PLAIN_T + after, joined) for t in letters
        ):
            letters.add(letter)
    joined_letters = set(re.findall(r"(?:(?<![\\a-zA-Z])|(?<=\^T))[a-z](?![a-zA-Z])", joined))
    letters |= declared & joined_letters  # said to be vectors, or written w^T x, in the text
    letters |= gradient_letters(sides, indexed, logits)
    if not letters:
        return None
    return [_bolded(side, letters) for side in sides]


def one_plain_vector(sides: list[str], declared: frozenset[str]) -> bool:
    """Whether the sides write no vector notation of their own and one letter the document
    made a vector (``f = w^T x + b`` far above), alone: ``p = \\frac{1}{1 + e^{-x}}``
    under a new heading.  Every function of one letter is then read entry by entry as it reads
    at a number, so a step whose sides do not fit as vectors is read with that letter a number.
    """
    if any(_marked(side) or _TRANSPOSE.search(side) for side in sides):
        return False
    return len(written_letters(sides) & declared) == 1


def numbers_beside_vectors(
    sides: list[str], declared: frozenset[str], as_numbers: set[str]
) -> bool:
    """Whether the sides write a vector letter that a definition read as a number (p = σ(x)
    under a new heading) beside another vector letter: which reading? not read."""
    vectors = written_letters(sides) & declared
    return bool(vectors & as_numbers) and len(vectors) > 1


def written_letters(sides: list[str]) -> set[str]:
    """The letters the sides write outside command names (the x of ``\\frac{dL}{dx}`` too)."""
    return set(re.findall(r"[a-zA-Z]", re.sub(r"\\[a-zA-Z]+", " ", " ".join(sides))))


def _bolded(side: str, letters: set[str]) -> str:
    def jacobian(m: re.Match[str]) -> str:
        variable, value = m.group(1) or m.group(2), m.group(3) or m.group(4) or m.group(5)
        if not {variable, value} <= letters:
            return m.group()
        return rf"J_{{\mathbf{{{variable}}}}}(\mathbf{{{value}}})"

    side = _PLAIN_JACOBIAN.sub(jacobian, side)
    out, pos = [], 0
    for found in re.finditer(r"(?:(?<![\\a-zA-Z])|(?<=\^T))([a-zA-Z])(?![a-zA-Z_])", side):
        if found.group(1) not in letters:
            continue
        before = side[: found.start()].rstrip(" {")
        transposed = before.endswith("^") and re.match(_PLAIN_T, side[found.end() :])
        if before.endswith(("_", "^", "\\mathbf")) and not before.endswith("\\nabla_"):
            if not transposed:  # (e^{w^T x}: w^T opens the exponent, a vector)
                continue  # an index, an exponent, or already bold (\nabla_w: the vector)
        bold = rf"\mathbf{{{found.group(1)}}}"
        braced = side[: found.start()].rstrip(" ").endswith("{")
        out += [
            side[pos : found.start()],
            f"{{{bold}}}" if before.endswith("_") and not braced else bold,
        ]
        pos = found.end()
    return "".join(out) + side[pos:]


_SAMPLE = lazy(r"\^\s*\{\s*\(\s*[a-z]\s*\)\s*\}")
_GREEK = lazy(r"\\(theta|beta|omega|phi|psi|alpha|gamma|eta|xi|mu)(?![a-zA-Z])")


class _GreekLetters:
    """Greek letters written as vectors (``\\theta^T x``), each read in the place of a Latin
    letter the text does not write, so the rules for plain letters apply to them; ``back``
    writes the result with the Greek letters again (a vector in ``\\boldsymbol``)."""

    def __init__(self, text: str, declared: frozenset[str] | None = None) -> None:
        greek = sorted(set(_GREEK.findall(text)))
        if declared is not None:  # the sides of a step: only the letters the text made vectors
            greek = [g for g in greek if "\\" + g in declared]
        used = set(re.findall(r"(?<![a-zA-Z\\])[a-z](?![a-zA-Z])", text))  # letters alone
        free = [c for c in "qvujkmnabcdefghloprstwxyz" if c not in used]
        self.placeholders = dict(zip(greek, free, strict=False))

    def to_letters(self, text: str) -> str:
        for name, letter in self.placeholders.items():
            text = re.sub(rf"\\{name}(?![a-zA-Z])", letter, text)
        return text

    def to_letter(self, name: str) -> str:
        return self.placeholders.get(name.lstrip("\\"), name)

    def from_letter(self, letter: str) -> str:
        return next(("\\" + g for g, c in self.placeholders.items() if c == letter), letter)

    def indexed(self, text: str) -> frozenset[str]:
        return frozenset(c for g, c in self.placeholders.items() if re.search(rf"\\{g}\s*_", text))

    def back(self, text: str) -> str:
        for name, letter in self.placeholders.items():
            text = text.replace(rf"\mathbf{{{letter}}}", rf"\boldsymbol{{\{name}}}")
            text = re.sub(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", rf"\\{name}", text)
        return text
