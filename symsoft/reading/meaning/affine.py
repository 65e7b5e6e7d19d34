r"""A layer written with a matrix, ``z = W x + b``: the entries ``z_r = \sum_g W_{rg} x_g + b_r``,
so that ``\frac{\partial L}{\partial W_{kj}}`` of a loss of ``p = \mathrm{softmax}(z)`` is read.

The product's order says which index of W runs with the vector: ``W x`` (x a column) sums
W's columns, ``W^T x`` its rows, ``x W`` and ``x^T W`` (x a row) its rows too.  Read only where
the text makes the capital a matrix (it writes it with two indices, ``W_{kj}``, or says so in
words or with ``W \in \mathbb{R}^{K \times d}``): never a guess at what a capital beside a
letter means.  A matrix times a letter makes the letter, the sum and the bias added to it
vectors.  Every index runs over 1..N: the inputs are read as many as the classes (a step that
holds for every size of the two holds there; one that mixes the two sizes up is not told
apart)."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings


def _letter(name: str, case: str, after: str = "") -> str:
    """A letter, plain or bold, in the groups ``name1`` and ``name2``; plain, right after a
    letter of ``after`` too (``Wx``: W times x)."""
    alone = r"(?<![\\a-zA-Z])" if not after else rf"(?:(?<![\\a-zA-Z])|(?<=[{after}]))"
    return (
        rf"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*(?P<{name}1>{case})\s*\}}"
        rf"|{alone}(?P<{name}2>{case}))"
    )


_T = r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)"
_AFFINE = lazy(
    rf"\s*(?:{_letter('m', '[A-Z]')}(?P<mt>{_T})?\s*(?:\\cdot\s*)?{_letter('v', '[a-z]', 'A-Z}T')}"
    rf"|{_letter('u', '[a-z]')}(?:{_T})?\s*(?:\\cdot\s*)?{_letter('n', '[A-Z]', 'a-z}T')})"
    rf"(?:\s*\+\s*{_letter('b', '[a-z]')})?\s*[.,]?\s*"
)
_LHS = lazy(rf"\s*{_letter('l', '[a-z]')}\s*")
_SPARE = "ghqrstuvw"  # letters for the entry and the sum, none of the definition's


def affine_entry(lhs: str, rhs: str, meanings: Meanings) -> tuple[str, str] | None:
    """``lhs = rhs`` (``z = W x + b``) at one entry, ``(z_r, \\sum_{g} W_{r g} x_{g} + b_r)``,
    when W is a matrix of the text and z, x, b its vectors; None otherwise.  (One layer: a
    vector that has a value of its own, a hidden layer's, is not read; its sums of sums take
    SymPy longer than a step may.)"""
    named, found = _LHS.fullmatch(lhs), _AFFINE.fullmatch(rhs)
    if named is None or found is None or not (name := named["l1"] or named["l2"]).islower():
        return None
    row, summed = [c for c in _SPARE if c not in lhs + rhs][:2]
    value = _entry(found, meanings, row, summed, name)
    return None if value is None else (f"{name}_{{{row}}}", value)


def _entry(
    found: re.Match[str], meanings: Meanings, row: str, summed: str, name: str
) -> str | None:
    """``W x + b`` at entry ``row``, or None when the letters are no matrix and vectors."""
    matrix = found["m1"] or found["m2"] or found["n1"] or found["n2"]
    vector = found["v1"] or found["v2"] or found["u1"] or found["u2"]
    bias = found["b1"] or found["b2"]
    letters = [name, vector] + ([bias] if bias else [])
    if len(set(letters)) != len(letters) or not _a_matrix(matrix, meanings):
        return None
    if name not in meanings.indexed_letters and matrix not in meanings.matrix_letters:
        return None  # (W said a matrix, z never an entry: \hat{y} = \sigma(z) of a number z?)
    if matrix in meanings.table or not all(_a_vector(v, meanings) for v in letters[1:]):
        return None  # (a letter with a value of its own that is no vector)
    # W x sums W's columns; W^T x, x^T W and x W (x a row) its rows
    by_rows = bool(found["mt"]) or bool(found["n1"] or found["n2"])
    entry = f"{matrix}_{{{summed} {row}}}" if by_rows else f"{matrix}_{{{row} {summed}}}"
    value = rf"\sum_{{{summed}}} {entry} {vector}_{{{summed}}}"
    return value + f" + {bias}_{{{row}}}" if bias else value


def _a_vector(letter: str, meanings: Meanings) -> bool:
    """A letter free: a variable of the layer."""
    return letter not in meanings.table


TWO_INDICES = r"\s*_\s*\{\s*[a-z0-9]\s*,?\s*[a-z0-9]\s*\}"


def _a_matrix(letter: str, meanings: Meanings) -> bool:
    """Whether the text makes ``letter`` a matrix: written with two indices, or said to be."""
    if letter in meanings.described_matrices:
        return False  # its indices said in words: which runs with x is the words' (review 61b)
    return letter in meanings.shaped_capitals or letter in meanings.matrix_letters


# words that say what a weight's two indices are (review 61b: "$W_{jk}$ is the weight
# connecting input $j$ to output $k$" beside z = W x + b, the product's order said otherwise)
_ROLE = (
    r"(?i)\b(?:inputs?|outputs?|rows?|columns?|neurons?|units?|features?|class(?:es)?|nodes?"
    r"|dimensions?|categor(?:y|ies)|from|to)\s+(?:\w+\s+){{0,3}}?\$?\s*{}\s*\$?(?![A-Za-z_])"
)
_NAMED_PAIR = lazy(r"(?<![\\A-Za-z])([A-Za-z])" + TWO_INDICES)
_SENTENCE = lazy(r"[^.!?\n]*(?:\n(?!\s*\n)[^.!?\n]*)*")


def described_matrices(text: str) -> frozenset[str]:
    """The capitals whose two indices the text describes in words ("the weight connecting input
    $j$ to output $k$", "$w_{ij}$ … from neuron $i$ … to neuron $j$") or writes in a sum of its
    own (``z_k = \\sum_j W_{jk} x_j``): their layer is not read from the product's order."""
    found: set[str] = set()
    for sentence in re.findall(r"[^.!?]+", text):
        for pair in _NAMED_PAIR.finditer(sentence):  # "input $j$" of W_{jk}: its index's role
            indices = re.findall(r"[a-z]", pair.group().split("_", 1)[1])
            if re.search(r"(?i)\bconnect", sentence) or any(
                re.search(_ROLE.format(index), sentence) for index in indices
            ):
                found.add(pair.group(1).upper())
    for written in _ENTRY_SUM.finditer(text):
        found |= {m.group(1).upper() for m in _NAMED_PAIR.finditer(written.group())}
    return frozenset(found)


# an entry of a layer written as its sum, z_k = \sum_j W_{jk} x_j + b_k
_ENTRY_SUM = lazy(r"(?<![\\A-Za-z])[a-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*=\s*\\sum[^=$]*")


def matrix_letters(text: str) -> frozenset[str]:
    """The capitals ``text`` writes with two indices (``W_{kj}``); those it describes in words
    are ``described_matrices``, which ``_a_matrix`` sets apart."""
    return frozenset(re.findall(r"(?<![\\A-Za-z])([A-Z])" + TWO_INDICES, text))
