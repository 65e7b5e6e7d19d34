"""What a document defines of softmax regression on a batch: the logits ``Z = XW`` (in a display
or said inline, ``Let $Z = XW$``), the probabilities (``P = \\mathrm{softmax}(Z)``, row by row)
and the cross-entropy ``L``, with the letter of the batch size (``\\frac{1}{m}``)."""

from __future__ import annotations

import dataclasses
import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.batches import Batch, _normalized

_COUNTS = ("M", "m", "n", "N", "B")
"""The letters a batch's size may be written with (M in every step read here)."""


_LIMIT = r"(?:\^(?:\{\w\}|\w))?"


def _sum(letter: str) -> str:
    return rf"\\sum_(?:\{{{letter}(?:=1)?\}}|{letter}){_LIMIT}"


def _is_index(letter: str, document: str) -> bool:
    r"""Whether the document writes the letter in a subscript (``Y_{mk}``, ``x_m``, ``\sum_{m}``)
    or as a sample superscript (``x^{(m)}``)."""
    document = _SIZED_ONES.sub("", document)  # \mathbf{1}_N: a size, not an index
    document = _LAST_SAMPLE.sub("", document)  # x^{(1)}, \dots, x^{(N)}: the last one
    return bool(
        re.search(rf"_\s*(?:{letter}|\{{[^{{}}]*(?<![A-Za-z\\]){letter}(?![A-Za-z]))", document)
        or re.search(rf"\^\s*\{{\s*\(\s*{letter}\s*\)", document)
    )


_SIZED_ONES = lazy(
    r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*1\s*\}|1)\s*_\s*(?:\{\s*[A-Z]\s*\}|[A-Z])"
)
_LAST_SAMPLE = lazy(r"\\l?dots\s*,?\s*\\?\w+\s*\^\s*\{\s*\(\s*[A-Z]\s*\)\s*\}")


_LOGITS = lazy(r"([A-Z])~?=([A-Z])([A-Z])(?:\+(?:𝟙(?:_[A-Z])?([a-z])'|([a-z])'?))?")
_SOFTMAX = lazy(r"(P̂|Ŷ|[A-Z])~?=SOFTMAX\(([A-Z])\)")
_EXP = r"(?:e\^\{{{Z}_\{{{m}{k}\}}\}}|\\exp\({Z}_\{{{m}{k}\}}\))"


def _softmax_entries(lhs: str, rhs: str, logits: str) -> str | None:
    named = re.fullmatch(r"(P̂|Ŷ|[A-Z])_\{([a-z])([a-z])\}", lhs)
    if named is None:
        return None
    name, m, k = named.groups()
    top = _EXP.format(Z=logits, m=m, k=k)
    for j in "jlnk'":
        if j in (m, k):
            continue
        bottom = _sum(j) + _EXP.format(Z=logits, m=m, k=j)
        if re.fullmatch(rf"\\frac\{{{top}\}}\{{{bottom}\}}", rhs):
            return name
    return None


def _loss(lhs: str, rhs: str, probabilities: str) -> tuple[str, str, str] | None:
    """(name, reading and targets, the letter of the batch size) of a cross-entropy over a batch
    (``L = -\\frac{1}{m} \\sum_{i=1}^{m} \\sum_k Y_{ik} \\log P_{ik}``), or None."""
    named = re.fullmatch(r"([LJE])(?:\([A-Za-z]\))?", lhs)
    if named is None:
        return None
    bound = r"\\sum_(?:\{([a-z])(?:=1)?\}|([a-z]))(?:\^(?:\{(\w)\}|(\w)))?"
    found = re.fullmatch(
        r"-(?:\\frac\{1\}\{([A-Za-z])\})?"
        + bound
        + bound
        + r"([A-Z])_\{([a-z])([a-z])\}\\(?:log|ln)~?"
        + re.escape(probabilities)
        + r"_\{([a-z])([a-z])\}",
        rhs,
    )
    if found is None:
        return None
    scale = found.group(1)
    m, k = found.group(2) or found.group(3), found.group(6) or found.group(7)
    rows, classes = found.group(4) or found.group(5), found.group(8) or found.group(9)
    count = scale or rows or "M"
    if count not in _COUNTS or rows not in (None, count) or classes == count:
        return None  # one letter is the batch size in every step read here
    if m == k or found.group(11, 12) != (m, k) or found.group(13, 14) != (m, k):
        return None
    return named.group(1), ("mean" if scale else "sum") + found.group(10), count


_M = lazy(r"(?<![A-Za-z\\])M(?![a-z])")  # M written as a name of its own
_ONE_HOT = lazy(r"one[- ]hot|sums? to (?:one|1)(?![\d.,]*\s*(?:,|or)\s*\d)", re.IGNORECASE)
_OTHER_TARGETS = lazy(
    r"(?i)multi[- ]?(?:hot|label)|smooth\w*|soft\s+(?:targets?|labels?)|counts?\b|votes?\b"
    r"|several\s+(?:ones|labels|classes)|opposed|unlike"
)
_NEGATED = lazy(r"(?i)\bnot\b|n't|\bnever\b|\bneither\b|\brather\s+than\b|\binstead\s+of\b")
_OF_TARGETS = lazy(r"(?i)\btargets?\b|\blabels?\b|\$\s*Y\s*\$|\bY\s*_|\bof\s+\$?Y\b")
_SENTENCE = lazy(r"(?<=[.!?])\s+|\n\s*\n")
_LOSS_NAME = lazy(r"[LJE](?:\([A-Za-z]\))?")
# examples stored as columns: "the softmax acts on each column", "columns of X are the examples"
_COLUMNS = lazy(
    r"(?i)\bcolumn[- ]?wise\b|\b(?:each|every|per)\s+column\b|\bas\s+(?:the\s+)?columns\b"
    r"|\bcolumns\s+(?:of\s+\$?[A-Z]\$?\s+)?(?:are|hold|contain)\s+(?:the\s+)?(?:examples|samples)"
)


def _one_hot_said(document: str) -> bool:
    """Whether a sentence says the targets are one-hot (never one that says they are not or
    contrasts them, "multi-hot (as opposed to one-hot)", nor one about the probabilities alone,
    "each row of $P$ sums to one"), and no sentence speaks of other targets (smoothed, counts,
    several labels)."""
    sentences = _SENTENCE.split(document)
    if any(_OTHER_TARGETS.search(sentence) for sentence in sentences):
        return False
    return any(
        _ONE_HOT.search(sentence) and _OF_TARGETS.search(sentence) and not _NEGATED.search(sentence)
        for sentence in sentences
    )


_CROSS_ENTROPY = lazy(r"cross[- ]entropy|log[- ]likelihood", re.IGNORECASE)


_INLINE = lazy(r"(?<![$\\])\$([^$]+)\$(?!\$)")


def _said_logits(
    texts: list[tuple[tuple[int, int], str, str]], document: str
) -> re.Match[str] | None:
    """The logits said in a sentence (``Let $Z = XW$``) when no display defines them."""
    if any(_LOGITS.fullmatch(f"{_normalized(lhs)}={_normalized(rhs)}") for _, lhs, rhs in texts):
        return None
    for math in _INLINE.finditer(document):
        found = _LOGITS.fullmatch(_normalized(math.group(1)))
        if found and len({found.group(1), found.group(2), found.group(3)}) == 3:
            return found
    return None


def writes_matrix_logits(bodies: list[str]) -> bool:
    """Whether a piece of math defines logits by a matrix product, ``Z = XW(+1b^T)``: the
    document may be softmax regression on a batch, read in matrix form (:func:`batch_of`)."""
    for body in bodies:
        for row in re.split(r"\\\\|\n", body):
            found = _LOGITS.fullmatch(_normalized(row.replace("&", "")))
            if found and len({found.group(1), found.group(2), found.group(3)}) == 3:
                return True
    return False


def batch_of(texts: list[tuple[tuple[int, int], str, str]], document: str) -> Batch | None:
    """The batch a document defines, from its steps ``((lhs start, rhs start), lhs, rhs)``, or
    None when it does not define logits ``Z = XW(+1b^T)`` and their row-wise softmax."""
    logits, probabilities = _said_logits(texts, document), None
    loss: tuple[str, str, str] | None = None
    unread_loss: str | None = None  # the loss's letter, when its first definition is not read
    entrywise = False
    definitions = set()
    for key, lhs_text, rhs_text in texts:
        lhs, rhs = _normalized(lhs_text), _normalized(rhs_text)
        step = f"{lhs}={rhs}"
        if logits is None and (found := _LOGITS.fullmatch(step)):
            if len({found.group(1), found.group(2), found.group(3)}) == 3:
                logits = found
                definitions.add(key)
            continue
        if logits is None:
            continue
        found_softmax = _SOFTMAX.fullmatch(step)
        if probabilities is None and found_softmax and found_softmax.group(2) == logits.group(1):
            probabilities = found_softmax.group(1)
            definitions.add(key)
            continue
        if (name := _softmax_entries(lhs, rhs, logits.group(1))) and probabilities in (None, name):
            probabilities = name  # its entries, or the softmax row by row said again entrywise
            entrywise = True
            definitions.add(key)
            continue
        if probabilities is not None and loss is None and (read := _loss(lhs, rhs, probabilities)):
            loss = read
            definitions.add(key)
        elif loss is None and unread_loss is None and _LOSS_NAME.fullmatch(lhs):
            unread_loss = lhs[0]  # L = … + \frac{\lambda}{2}\|W\|^2, \frac{1}{M}\sum_m \ell_m
    if logits is None or probabilities is None or _COLUMNS.search(document):
        return None  # (examples as columns, "the softmax acts on each column": not read here)
    if logits.group(2) == "W" or logits.group(3) == "X":
        return None  # Z = WX: the examples are columns
    if loss is None and unread_loss is not None:
        name, losses, targets, count = unread_loss, (), "Y", "M"  # no step that needs L is read
    elif loss is None:
        if not _CROSS_ENTROPY.search(document):
            return None
        name, losses, targets, count = "L", ("mean", "sum"), "Y", "M"
    else:
        name, losses, targets, count = loss[0], (loss[1][:-1],), loss[1][-1], loss[2]
    names = [logits.group(1), logits.group(2), logits.group(3), probabilities, targets]
    if len(set(names)) != len(names) or "M" in names or count in names:
        return None
    if count != "M" and (_is_index(count, document) or _M.search(document)):
        return None  # the letter is also an index, or M is another name: not read here
    if (ones := re.search(r"𝟙_([A-Z])", logits.string)) and ones.group(1) not in (count, "M"):
        return None  # Z = XW + 1_K b^T: ones as long as something else than the batch
    return Batch(
        inputs=logits.group(2),
        weights=logits.group(3),
        logits=logits.group(1),
        probabilities=probabilities,
        targets=targets,
        loss=name,
        bias=logits.group(4) or logits.group(5),
        losses=losses,
        one_hot=_one_hot_said(document),
        definitions=frozenset(definitions),
        entrywise=entrywise,
        count=count,
    )


def mark_definitions(
    batch: Batch,
    definitions: dict,
    texts: list[tuple[tuple[int, int], str, str]],
    redefined: dict[str, list],
) -> Batch:
    """The batch's definitions labelled so in ``definitions``; a step that writes the loss
    again in the logits (``L = \\frac{1}{N}\\sum_n(\\log\\sum_j e^{Z_{nj}} - …)``), read
    elsewhere as a new meaning of L, is a step when it holds in the batch's model (a rewrite that
    does not hold may be a new loss: it stays a definition)."""
    definitions.update(dict.fromkeys(batch.definitions, batch.label))
    again = {each[2] for found in redefined.values() for each in found} | set(definitions)
    for key, lhs, rhs in texts:
        if key in again and key not in batch.definitions and lhs.strip() == batch.loss:
            if (batch.judge(lhs, rhs) or ("",))[0] == "holds":
                definitions.pop(key, None)
                for name, found in redefined.items():  # (position, meaning, key)
                    redefined[name] = [each for each in found if each[2] != key]
    again = [each for each in redefined.get(batch.loss, []) if each[2] not in batch.definitions]
    if again and len(redefined.get(batch.loss, [])) > 1:  # "Redefine $L = \sum_n …$"
        return dataclasses.replace(batch, losses=())  # which L a step means: not read here
    return batch


__all__ = ["batch_of", "mark_definitions", "writes_matrix_logits"]
