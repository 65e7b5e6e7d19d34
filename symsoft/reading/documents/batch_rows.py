"""One row of a batch: entries with two indices, a sample and a class, in a step about one sample.

``y_{nk} = \\frac{e^{z_{nk}}}{\\sum_{j} e^{z_{nj}}}`` and ``\\frac{\\partial y_{nk'}}{\\partial
z_{nk}} = y_{nk'}(\\delta_{kk'} - y_{nk})`` speak of the one sample n: with the row fixed, every
quantity and every derivative is one of row n's, so such a step is read as that row (``y_k``,
``z_j``), exactly.  Which index is the sample is the document's own definition: the index the
softmax's sum runs over (``\\sum_j e^{z_{nj}}``, ``\\sum_{c'} \\exp(s_{c',i})``) is the class, the
other one the sample, first or last.

Decided per step (a display, or math in a sentence, with the displays that go on its chain):
read as one row when the sample letter is free and written only at the sample position of the
two-index entries (or as the one index of a name, ``E_n``, ``L_i``, ``x_n``: that sample's), every
two-index entry carries it there (``\\delta_{kk'}`` aside), and no quantity the document defines
as a sum over the samples (``J = \\sum_n \\sum_k …``) enters.  A step with ``\\sum_n``, another
row (``z_{mk}``), ``W_{dk}`` or the sample letter elsewhere keeps its indices (not read).

Without a softmax that says which index is the class, the older reading stands: every entry
written with two indices, the first the same letter everywhere and that letter nothing else in
the math (:func:`drop_fixed_row`).  Same length throughout: columns stay the file's.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

from symsoft.reading.documents.dotted_sums import spell_dotted_sums
from symsoft.reading.documents.renaming import rename_primed_indices
from symsoft.reading.documents.sigma_calls import SIGMA_CALLS_LEFT, spell_sigma_entries
from symsoft.reading.documents.spans import Display, Span, Text
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.class_counts import class_count
from symsoft.reading.notation.batch_definitions import writes_matrix_logits

ROW_NAMES: ContextVar[frozenset[str]] = ContextVar("row_names", default=frozenset())
"""The names read as one row's (``t`` of ``t_{nk}``, read ``t_k``): a flag on a step that writes
targets stated one-hot is withheld as for two indices (see ``verdicts._unapplied_totals``)."""

_GREEK = (
    "alpha|beta|gamma|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi"
    "|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi"
    "|Omega|ell"
)
# the name an index belongs to: a letter (maybe with a word label, L\ue001pred), an accented or
# bold letter, a Greek letter (never \delta, the Kronecker delta), or a call's value: f(Z)_{i,j}
_NAME = (
    r"(?:(?<![\\A-Za-z])[A-Za-z](?:\ue001[A-Za-z0-9]+)?"
    r"|\\(?:hat|tilde|bar|mathbf|boldsymbol|vec|bm)\s*\{\s*[A-Za-z]\s*\}"
    rf"|\\(?:{_GREEK})(?![a-zA-Z])|\))"
)
_INDEX = r"[a-z]\s*'?"
# y_{n,k}, y_{nk}, y_{nk'}, y_{c',i}, S_{i,1}
_ENTRY = lazy(
    rf"(?P<name>{_NAME})\s*_\s*\{{\s*(?P<a>{_INDEX})\s*(?:(?P<comma>,)\s*(?P<b>{_INDEX}|\d+)"
    rf"|(?P<c>{_INDEX}|[A-Z0-9](?=\s*\}})))\s*\}}"
)
# a one-index name: E_n, L_{i}, x_n
_SINGLE = lazy(rf"(?P<name>{_NAME})\s*_\s*(?:\{{\s*(?P<a>[a-z])\s*\}}|(?P<b>[a-z])(?![A-Za-z']))")
# the softmax's sum: \sum_{j=1}^{K} e^{z_{nj}}, \sum_{c'} \exp(s_{c',i}), \left(\sum_j e^{…
_SOFTMAX_SUM = lazy(
    r"\\sum\s*(?:\\(?:no)?limits\s*)?_\s*(?:\{\s*(?P<x>[a-z]\s*'?)\s*(?:=[^{}]*|\\in[^{}]*)?\}"
    r"|(?P<y>[a-z]))\s*(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*"
    r"(?:e\s*\^\s*\{?|\\exp\s*(?:\\left\s*)?[({]?)\s*"
)
_ARGUMENT = lazy(r"\s*[,)]")
_OPENS = lazy(r"[A-Za-z]\s*\(\s*$|,\s*$")
_CALLED = lazy(r"\(\s*[A-Za-z]\s*\)(?=\s*_)")
_RELATION_START = lazy(r"\s*(?:&\s*)?(?:=|\\approx|\\[lg]eq?(?![a-zA-Z]))")
_SUMMED = r"\\(?:sum|prod)\s*(?:\\(?:no)?limits\s*)?_\s*(?:\{{\s*{s}(?![A-Za-z])|{s}(?![A-Za-z]))"
_INLINE = lazy(r"(?<![\\$])\$(?!\$)([^$]+?)(?<![\\$])\$(?!\$)|\\\((.+?)\\\)", re.DOTALL)


@dataclass(frozen=True)
class _Entry:
    name: str
    indices: tuple[str, str]
    at: int  # of the name
    start: int  # of the subscript's first index
    end: int  # of the subscript's closing brace


def _clean(index: str) -> str:
    return re.sub(r"\s+", "", index)


def _entries(body: str) -> list[_Entry]:
    found = []
    for match in _ENTRY.finditer(body):
        if match.group("name").startswith("\\delta"):
            continue
        second = match.group("b") if match.group("comma") else match.group("c")
        found.append(
            _Entry(
                re.sub(r"\s+", "", match.group("name")),
                (_clean(match.group("a")), _clean(second)),
                match.start(),
                match.start("a"),
                match.end() - 1,
            )
        )
    return found


def _class_position(everything: str) -> tuple[set[str], int] | None:
    """The sample letters and the position of the sample index, from the softmax's sums: the
    index a sum of exponentials runs over is the class, the other the sample (``\\sum_p
    e^{x_{kp}}`` and ``\\sum_p e^{x_{ip}}``: the samples k and i).  None without one, or when
    the positions differ."""
    found = set()
    for match in _SOFTMAX_SUM.finditer(everything):
        letter = _clean(match.group("x") or match.group("y"))
        entry = next(iter(_entries(everything[match.end() : match.end() + 40])), None)
        if entry is None or letter not in entry.indices or entry.indices[0] == entry.indices[1]:
            continue
        position = entry.indices.index(letter)
        sample = entry.indices[1 - position]
        if "'" in sample or not sample.isalpha():
            continue
        found.add((sample, 1 - position))
    positions = {position for _, position in found}
    if len(positions) != 1:
        return None
    return {sample for sample, _ in found}, positions.pop()


def _blocks(text: Text, displays: list[Display]) -> list[list[tuple[int, int]]]:
    """The spans of math, grouped by chain: a display that opens with a relation goes on the
    chain of the one before, so they are read alike."""
    source = text.slice(0, len(text.chars))
    spans = [(d.body.start, d.body.end) for d in displays if not d.problem]
    inside = [(start, end) for start, end in spans]
    for match in _INLINE.finditer(source):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        if not any(a <= start < b for a, b in inside):
            spans.append((start, end))
    groups: list[list[tuple[int, int]]] = []
    for start, end in sorted(set(spans)):
        if groups and _RELATION_START.match(source[start:end]):
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    return groups


def _summed_names(bodies: list[str], sample: str) -> set[str]:
    """The names defined as a sum over the samples: ``J = \\sum_{n=1}^N …`` (their left side)."""
    summed = re.compile(_SUMMED.format(s=sample))
    names = set()
    for body in bodies:
        for row in re.split(r"\\\\", body):
            left, equals, right = row.partition("=")
            if not equals or not summed.search(right):
                continue
            name = re.match(rf"\s*&?\s*({_NAME})(?!\s*_)", left.strip(" &"))
            if name is not None:
                names.add(re.sub(r"\s+", "", name.group(1)))
    return names


def _row_marks(
    body: str, sample: str, position: int, summed: set[str]
) -> list[tuple[int, int, str]] | None:
    """The pieces of ``body`` to rewrite to read it as the one row ``sample`` (the sample index of
    each entry, with its comma; ``_n`` of ``E_n``; none for ``= 0`` on a row's chain), or None
    when it is no step about one row."""
    if "=" not in body or re.search(_SUMMED.format(s=sample), body):
        return None
    entries = _entries(body)
    if any(e.indices[position] != sample for e in entries):
        return None  # W_{dk}, z_{mk}: not that one row's
    if any(e.indices[1 - position] == sample for e in entries):
        return None
    names = {e.name for e in entries}
    marks = []
    rest = list(body)
    for entry in entries:
        kept = entry.indices[1 - position]
        marks.append((entry.start, entry.end + 1, kept + "}"))
        at = entry.start if entry.name == ")" else entry.at  # \hat{y}_{c,i}: all of it
        rest[at : entry.end] = [" "] * (entry.end - at)
    for single in _SINGLE.finditer("".join(rest)):
        letter = single.group("a") or single.group("b")
        name = re.sub(r"\s+", "", single.group("name"))
        if letter != sample:
            if name in names:
                return None  # y_k beside y_{nk}: two quantities, one name after the reading
            continue
        # H(A_i, Y_i) beside A_{ic}: the function of row i of A and of Y, read as H(A, Y)
        argument = _ARGUMENT.match(body, single.end()) and _OPENS.search(
            body, max(0, single.start() - 40), single.start()
        )
        if (name in names and not argument) or name.startswith("\\delta"):
            return None  # y_n beside y_{nk}; \delta_{n…}
        marks.append((single.end("name"), single.end(), ""))
        blanked = single.start() if argument else single.end("name")
        rest[blanked : single.end()] = [" "] * (single.end() - blanked)
    # softmax(Z)_{i,j}: the argument of a call whose value is the row's entry is that row too
    leftover = _CALLED.sub(" ", "".join(rest))
    if re.search(rf"(?<![\\A-Za-z]){sample}(?![A-Za-z])|_\s*\{{[^{{}}]*{sample}", leftover):
        return None  # \text{for each } n, \delta_{nm}, \delta_{in}: the sample letter otherwise
    for name in (names - {")"}) | summed:
        bare = rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z\ue001])(?!\s*_)"
        if name in summed and re.search(bare, leftover):
            return None  # J = \sum_n …: the whole batch's quantity
        if name in names and re.search(bare, leftover):
            return None  # y beside y_{nk}
    return marks


def read_rows(text: Text, displays: list[Display]) -> frozenset[str]:
    """Read every step about one row of a batch as that row (see the module).  The names
    read as one row's (their letters as the grammar names them), or none."""
    everything = text.slice(0, len(text.chars))
    found = _class_position(everything)
    groups = _blocks(text, displays)
    bodies = [everything[a:b] for group in groups for a, b in group]
    if found is None or writes_matrix_logits(bodies):  # Z = XW: read in matrix form
        drop_fixed_row(text, displays)
        return frozenset()  # every entry of the document that one row's: the older reading
    samples, position = found
    summed = {name for sample in samples for name in _summed_names(bodies, sample)}
    names: set[str] = set()
    for group in groups:
        first = next((e for a, b in group for e in _entries(everything[a:b])), None)
        if first is None or first.indices[position] not in samples:
            continue
        sample = first.indices[position]  # the row this step is about, if it is about one
        plans = [(a, _row_marks(everything[a:b], sample, position, summed)) for a, b in group]
        if any(marks is None for _, marks in plans):
            continue
        for start, marks in plans:
            for a, b, written in marks or ():
                text.blank(start + a, start + b)
                text.chars[start + a : start + a + len(written)] = list(written)
        names |= {e.name for a, b in group for e in _entries(everything[a:b])}
    return frozenset(re.sub(r"^\\[a-z]+\s*\{\s*|\s*\}$", "", name) for name in names)


# an entry of a letter, or of a call's value (\text{softmax}(Z)_{i,j}), with two indices
_ROW_ENTRY = lazy(r"(?:(?<![A-Za-z\\])[A-Za-z]|\))\s*_\s*\{\s*([a-z])\s*,\s*[a-z0-9]+\s*\}")


def drop_fixed_row(text: Text, displays: list[Display]) -> str | None:
    """``S_{i,j} = \\frac{e^{z_{i,j}}}{\\sum_{l} e^{z_{i,l}}}`` (also of a call's value,
    ``\\text{softmax}(Z)_{i,j}``): every entry written with two
    indices, the first of them the same letter everywhere (the sample ``i``) and that letter
    used for nothing else in the math, is an entry of that one row: ``S_{j}``, ``z_{l}``.
    Exact, not a guess: with the row fixed, every quantity and every derivative is one of row
    ``i``'s.  The letter, or None.  Same length: columns stay the file's."""
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    entries = [m for body in bodies for m in _ROW_ENTRY.finditer(body)]
    rows = {m.group(1) for m in entries}
    if len(entries) < 2 or len(rows) != 1:
        return None
    (row,) = rows
    alone = re.compile(  # i, \sum_{i=1}, \delta_{ik}
        rf"(?<![A-Za-z\\]){row}(?![A-Za-z])|_\s*\{{[^{{}}]*{row}[^{{}}]*\}}|_\s*{row}"
    )
    if any(alone.search(_ROW_ENTRY.sub("", body)) for body in bodies):
        return None  # the letter is an index of its own somewhere: the rows are not one
    everything = text.slice(0, len(text.chars))
    for match in _ROW_ENTRY.finditer(everything):
        if match.group(1) == row:
            column = everything[everything.index(",", match.start(1)) + 1 : match.end() - 1]
            written = column.strip() + "}"
            text.blank(match.start(1), match.end())
            text.chars[match.start(1) : match.start(1) + len(written)] = list(written)
    return row


def rows_apart(text: Text, left: Span, right: Span) -> bool:
    """Whether one of two sides from different displays was read as one row of a batch (its
    two-index entries written with one) and the other not: put together they speak of different
    names (``z_k`` beside ``z_{i,k}``), a step no one wrote."""

    def reduced(span: Span) -> bool:
        return bool(_ENTRY.search(text.original, span.start, span.end)) and not _ENTRY.search(
            text.slice(span.start, span.end)
        )

    def written(span: Span) -> bool:
        return bool(_ENTRY.search(text.slice(span.start, span.end)))

    return (reduced(left) and written(right)) or (reduced(right) and written(left))


def spell_rows_read(text: Text, displays: list[Display]) -> None:
    """What the reader spells before the rows are read, spelled again in the rows read:
    ``y_{nk'}`` read as ``y_{k'}`` (k' an index of its own), ``\\sigma(A_{ic})`` read as
    ``\\sigma(A_c)`` (σ's entry σ_c), ``Y_{i1} … Y_{iC}`` read as ``Y_1 … Y_C`` (a sum)."""
    rename_primed_indices(text, displays)
    SIGMA_CALLS_LEFT.set(spell_sigma_entries(text, rows=True) or SIGMA_CALLS_LEFT.get())
    spell_dotted_sums(text, displays, class_count(text.slice(0, len(text.chars))) or "N")
