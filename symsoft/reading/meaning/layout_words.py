"""What a text says of its vectors' layout: rows ("we use row vectors", "a single example is a
row vector", ``\\mathbb{R}^{1 \\times n}``), columns ("all vectors are column vectors", ``n
\\times 1``), and the denominator layout of its Jacobians.  A text that speaks of both rows and
columns says neither."""

from __future__ import annotations

import functools

from symsoft.reading.lazy_regex import lazy

_ROWS = lazy(
    r"(?i)\b(?:(?:use|using|uses|as|are|is|treat\w*|write|written)\s++(?:them\s+as\s+|an?\s+)?"
    r"(?:\*\*)?row[- ]vectors?|vectors\s+(?:are|as)\s+rows|row[- ]vector\s+convention)\b"
    r"|\\mathbb\s*+\{?\s*+R\s*+\}?\s*+\^\s*+\{\s*+1\s*+\\times"  # \mathbb{R}^{1 \times n}
    r"|行向量|行ベクトル|横ベクトル|행\s?벡터"
)
_COLUMNS = lazy(
    r"(?i)\bcolumn[- ]vectors?\b|\bcolumn[- ]vector\s+convention\b"
    r"|\\mathbb\s*+\{?\s*+R\s*+\}?\s*+\^\s*+\{\s*+\w+\s*+\\times\s*+1\s*+\}"  # R^{n \times 1}
    r"|(?<![\\\w])[a-zA-Z]\s*+\\times\s*+1(?![\d\w])"  # an $n \times 1$ column
    r"|列向量|列ベクトル|縦ベクトル|열\s?벡터"
)
# signs of columns, weaker than words: a vector in a space of one dimension (``z \\in
# \\mathbb{R}^K``, the convention of linear algebra) or a tuple transposed (``(a_1, …, a_K)^\\top``)
_COLUMN_SIGNS = lazy(
    r"\\in\s*+\\mathbb\s*+\{?\s*+R\s*+\}?\s*+\^\s*+(?:\{\s*+\w+\s*+\}|\w)(?!\s*+\\times)"
    r"|,\s*+(?:\\[lc]?dots|\.\.\.)\s*+,[^()$]{0,40}(?:\\right\s*+)?\)\s*+\^\s*+\{?\s*+(?:T|\\top)\b"
)
_USE = r"(?i)\b(?:use|uses|using|in|adopt\w*|follow\w*|with|choose|chose)\s++(?:the\s++)?"
_DENOMINATOR = lazy(_USE + r"denominator[- ]layout\b")  # "we use the denominator layout"
_NUMERATOR = lazy(_USE + r"numerator[- ]layout\b")


@functools.lru_cache(maxsize=8)
def said_layout(text: str) -> frozenset[str]:
    """{"rows"} or {"columns"} (or neither), with "denominator" when the text says it uses
    the denominator layout for its Jacobians and never that it uses the numerator layout, and
    "numerator" the other way round."""
    rows, columns = _ROWS.search(text) is not None, _COLUMNS.search(text) is not None
    if not rows and not columns and _COLUMN_SIGNS.search(text):
        columns = True  # z \in \mathbb{R}^K, (y_1/s_1, …)^\top: columns, no row said (red team 74)
    said = {"rows"} if rows and not columns else {"columns"} if columns and not rows else set()
    denominator, numerator = _DENOMINATOR.search(text), _NUMERATOR.search(text)
    if denominator and not numerator:
        said.add("denominator")
    elif numerator and not denominator:
        said.add("numerator")  # a number's derivative by a column vector is a row
    return frozenset(said)


__all__ = ["said_layout"]
