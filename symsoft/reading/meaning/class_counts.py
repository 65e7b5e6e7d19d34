"""The letter that counts the classes of a document (``\\sum_{k=1}^{K}``, "$K$ classes"), and
the bounds of its sums that count one same thing (two names of one size)."""

from __future__ import annotations

import itertools
import re

from symsoft.reading.documents.counts import counted_letters, said_count
from symsoft.reading.documents.subscripts import sum_upper_letters
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.partition_bounds import first_bound, partition_bounds


def class_count(text: str) -> str | None:
    """The letter that counts the classes: the one bound of the text's sums (``\\sum_{j=1}^{K}``)
    but N, and d or D (features) beside another; None when the text also writes ``^N``.  Bounds
    that count the same classes (:func:`same_counts`) are one bound, the first written."""
    bounds = sum_upper_letters(text) - {"N"}
    if not bounds:  # \frac{1}{m} \sum_{i=1}^{m}: m counts the terms, an index nowhere
        bounds = set(counted_letters(text)) or {said_count(text)} - {None}  # "$K$ classes"
    if not bounds:  # x_1, x_2, \dots, x_K; e^{x_1}+e^{x_2}...+e^{x_K}: the last entry's capital
        bounds = set(_LAST_LISTED.findall(text))
    if len(bounds) > 1:
        bounds -= {"d", "D"}  # x in R^d beside K classes: d counts features, K the classes
    if len(bounds) > 1:  # \frac{1}{B} \sum_{j=1}^{B} beside \sum_{k=1}^{K}: B averages samples
        bounds -= set(_AVERAGED.findall(text))
    if len(bounds) > 1:  # "a batch of samples of size $n$", "$m$ training examples": not classes
        bounds -= {a or b for a, b in _SAMPLES_SAID.findall(text)}
    if len(bounds) > 1 and bounds == same_counts(text):
        return first_bound(text, bounds)
    if len(bounds) != 1:
        return None
    (bound,) = bounds
    if re.search(r"\^\s*\{?\s*N\b", _over_samples(text)):
        # sums to N as well: N may count the classes too, unless the sums to the bound are in
        # sections of their own that never write N (an MSE over a batch of N, then a
        # cross-entropy over C classes)
        own = _sections_summing_to(text, bound)
        if own is None or re.search(r"(?<![\\A-Za-z])N(?![A-Za-z])", own):
            return None
    return bound


_LAST_LISTED = lazy(
    r"(?:\\[cl]?dots|\.\.\.|…)\s*[,+]?\s*[^_\s$]{0,12}?_\s*\{?\s*([A-Z])(?![A-Za-z])"
)


_SECTION_START = lazy(r"^[ \t]{0,3}#{1,6}[ \t][^\n]*$|\\(?:sub)*section\*?\s*\{", re.MULTILINE)


def _sections_summing_to(text: str, bound: str) -> str | None:
    """The sections of ``text`` (between headings) with a sum that runs to ``bound``, joined;
    None when the text has no headings (one section: everything)."""
    starts = [m.start() for m in _SECTION_START.finditer(text)]
    if not starts:
        return None
    edges = [0, *starts, len(text)]
    summing = re.compile(rf"\\sum[^$]{{0,40}}?\^\s*\{{?\s*{bound}(?![A-Za-z])")
    parts = [text[a:b] for a, b in itertools.pairwise(edges)]
    return "\n".join(part for part in parts if summing.search(part))


_AVERAGED = lazy(
    r"\\frac\s*\{\s*1\s*\}\s*\{\s*([A-Za-z])\s*\}\s*\\sum\s*(?:\\(?:no)?limits\s*)?"
    r"_\s*(?:\{[^{}]*\}|[a-z])\s*\^\s*\{?\s*\1(?![a-zA-Z])"
)
_SAMPLE_WORDS = r"(?:training\s+)?(?:samples?|examples?|data\s*points?|observations?|instances?)"
_SAMPLES_SAID = lazy(
    rf"(?i)\$\s*([a-zA-Z])\s*\$\s*{_SAMPLE_WORDS}\b"
    rf"|\b(?:{_SAMPLE_WORDS}|batch)\s+(?:\w+\s+){{0,3}}?(?:of\s+)?size\s+\$\s*([a-zA-Z])\s*\$"
)
_BOUNDED_SUM = lazy(
    r"\\sum\s*(?:\\(?:no)?limits\s*)?_\s*\{\s*([a-z])\s*=\s*1\s*\}\s*\^\s*\{?\s*([A-Z])(?![a-zA-Z])"
)
_SUMMAND_END = lazy(r"=|\\\\|\$|\\sum|\\end|&|\\\]|\\\)")
_NAME = r"(?:\\(?:hat|tilde|bar)\s*\{\s*[a-zA-Z]\s*\}|(?<![\\a-zA-Z])[a-zA-Z])"
_DEFINED_BY = lazy(
    rf"({_NAME})\s*_\s*\{{?\s*[a-z]\s*\}}?\s*=\s*\\frac\s*\{{[^{{}}]*(?:\{{[^{{}}]*\}}[^{{}}]*)*\}}\s*\{{\s*$"
)
_COUNTS_EQUAL = lazy(r"\$\s*([A-Z])\s*=\s*([A-Z])\s*[,.]?\s*\$")


_OTHER_COUNTS = frozenset("NMD")  # the default size, samples, features: never another name


def _vector(name: str) -> str:
    return "".join(name.split())


def same_counts(text: str) -> set[str]:
    r"""The letters bounding sums over 1.. that count one same thing: ``\sum_{k=1}^K e^{z_k}``
    and, in a recap, ``\sum_{j=1}^J e^{z_j}`` run over the entries of one vector z, so K and J
    are two names of its size; so do a sum in the denominator of a definition (``\hat{y}_c =
    \frac{e^{o_c}}{\sum_{r=1}^{R} e^{o_r}}``: R entries of ŷ) and a sum over that name, and two
    letters the text sets equal (``$R = C$``).  Every bound must be linked to the others; else
    the empty set (two sizes: not read)."""
    vectors: dict[str, set[str]] = {}
    for found in _BOUNDED_SUM.finditer(text):
        index, bound = found.groups()
        if bound in _OTHER_COUNTS:
            continue
        rest = text[found.end() : found.end() + 120]
        end = _SUMMAND_END.search(rest)
        term = rest[: end.start()] if end else rest
        at = rf"\s*_\s*(?:\{{\s*{index}\s*\}}|{index}(?![a-zA-Z]))"
        named = {_vector(n) for n in re.findall(rf"({_NAME}){at}", term)}
        if defined := _DEFINED_BY.search(text[max(0, found.start() - 200) : found.start()]):
            named.add(_vector(defined.group(1)))
        vectors.setdefault(bound, set()).update(named)
    for left, right in _COUNTS_EQUAL.findall(text):
        if left in vectors and right in vectors:
            vectors[left].add(f"={left}{right}")
            vectors[right].add(f"={left}{right}")
    if len(vectors) < 2 or any(not named for named in vectors.values()):
        return partition_bounds(text)
    linked, pending = {next(iter(sorted(vectors)))}, True
    while pending:
        pending = False
        for bound, named in vectors.items():
            if bound not in linked and any(named & vectors[other] for other in linked):
                linked.add(bound)
                pending = True
    return linked if linked == set(vectors) else partition_bounds(text)


def _over_samples(text: str) -> str:
    r"""The text without the ranges ``_{i=1}^{N}`` of a letter written as a sample superscript
    (``\mathbf{x}^{(i)}``): N counts the samples there, not the classes."""
    samples = set(re.findall(r"\^\s*\{\s*\(\s*([a-z])\s*\)\s*\}", text))
    # \sum_{n=1}^N \sum_{c=1}^C t_{nc}: the outer letter indexes the rows (samples) of a batch
    for letter in re.findall(r"\\sum\s*_\s*\{\s*([a-z])\s*=\s*1\s*\}\s*\^\s*\{?\s*N\b", text):
        if re.search(rf"_\s*\{{\s*{letter}\s*,?\s*[a-z]\s*\}}", text):
            samples.add(letter)
    for letter in samples:
        text = re.sub(rf"_\s*\{{\s*{letter}\s*=\s*1\s*\}}\s*\^\s*\{{?\s*N\b", " ", text)
    if samples:  # \mathbb{R}^{N \times K}: a matrix of N rows, one a sample
        text = re.sub(r"\^\s*\{\s*N\s*\\times", " ", text)
    return text
