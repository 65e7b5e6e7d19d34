"""``softmax_j = \\frac{e^{a_j}}{\\sum_k e^{a_k}}``: the word softmax with an index, as a name.

A post that defines the entries of its softmax under the word itself (``softmax_j``,
``\\text{softmax}_j``, ``\\mathrm{softmax}_j``) and then writes ``\\frac{\\partial
softmax_i}{\\partial a_j}``, ``D_j softmax_i``, ``softmax_i(1 - softmax_j)`` uses the word as a
letter: each such entry is spelled with one letter the text writes nowhere else (S, else p), a
name whose meaning is the text's own definition.  Same length: columns stay the file's.  A text
that also writes the word with another script or an entry of it applied (``softmax_T(z)``,
``softmax(a)_j``) is left as written, and so is one that gives none of the entries a
definition.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_WORD = (
    r"(?:\\(?:text|textrm|mathrm|operatorname|textsf|mathsf|texttt|rm)\s*\{\s*[sS]oftmax\s*\}"
    r"|(?:(?<![a-zA-Z\\])|(?<=_[a-zA-Z0-9]))[sS]oftmax(?![a-zA-Z]))"
)
_INDEX = r"\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])"
# the word with an index (softmax_i(1 - softmax_j): a product, as S_i(1 - S_j))
_ENTRY = lazy(rf"{_WORD}(?={_INDEX})")
# softmax_j = …, at the start of a formula or a row
_DEFINED = lazy(
    rf"(?:^|\$|\\\[|\\\\|&|\n|\\begin\s*\{{[a-z*]+\}})\s*(?:\\[a-zA-Z]+\s*)*{_WORD}{_INDEX}\s*"
    r"&?\s*(?::=|=(?!=)|\\coloneqq)",
    re.MULTILINE,
)
# softmax_T(z), softmax_{1}(z), softmax(a)_j, softmax(a)[j]: the word applied to something, or
# an entry of the word applied (softmax(a) alone, a vector, is no entry)
_CALLED = lazy(
    rf"{_WORD}\s*(?:_\s*(?:\{{[^{{}}]*\}}|[A-Z0-9])\s*(?:\\left\s*)?[(\[]"
    r"|(?:\\left\s*)?\([^()$]*\)\s*(?:\\right\s*)?(?:\)\s*)?[_\[])"
)


def rename_softmax_words(text: Text) -> None:
    """Each ``softmax_i`` of a text that defines ``softmax_j = …`` spelled with a free letter."""
    everything = text.slice(0, len(text.chars))
    if "oftmax" not in everything or not _DEFINED.search(everything):
        return
    if _CALLED.search(everything):
        return  # softmax(a)_j beside softmax_j: the word is also a function here
    letter = next(
        (
            name
            for name in ("S", "p")
            if not re.search(rf"(?<![\\A-Za-z]){name}(?![A-Za-z])", everything)
        ),
        None,
    )
    if letter is None:
        return
    for match in list(_ENTRY.finditer(everything)):
        text.blank(match.start(), match.end())
        text.chars[match.end() - 1] = letter
