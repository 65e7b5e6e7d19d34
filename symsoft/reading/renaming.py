"""Letters read under another name: an entry written with its index in a superscript
(``Z_2^{(i)}``), a letter the grammar keeps for one thing that the document uses for another
(``e^{Z_j}``: logits, not the partition sum; ``l = -\\sum …``: the loss, not an index).
Every renaming keeps the text's length, so columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.spans import Display, Span, Text

# Y_{\text{pred}}^{(j)}, Z_2^{(i)}, a^{(k)}: a letter, a label of its own (a word, a layer's
# digit) and its index in a parenthesised superscript
_LABEL = r"_\s*(?:\{\s*\\(?:text|mathrm|textrm|rm)\s*\{\s*[A-Za-z]+\s*\}\s*\}|\{\s*\d\s*\}|\d)"
_SUPERSCRIPT_ENTRY = re.compile(
    rf"(?<![\\A-Za-z])([A-Za-di-z])\s*({_LABEL})?\s*"  # not e, nor f, g, h: functions
    r"\^\s*\{\s*\(\s*([a-z](?:\s*,\s*[a-z])?)\s*\)\s*\}(?!\()"  # f^{(n)}(x): an order
)


def spell_superscript_entries(text: Text) -> None:
    """``Y_{\\text{pred}}^{(j)}`` and ``Z_2^{(i)}`` are the entries ``Y_{j}`` and ``Z_{i}``: a
    letter every use of which is written with one label (a word, a digit: the layer) and an
    index in a parenthesised superscript, or with the label alone (``g(Z_2)``, the vector),
    is an entry written upside down.  Not when the letter also takes another subscript
    (``y_k^{(i)}``: a sample and a class), another label, or an argument after its superscript
    (``f^{(n)}(x)``, a derivative's order).  Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    found = list(_SUPERSCRIPT_ENTRY.finditer(everything))
    labels: dict[str, set[str]] = {}
    for match in found:
        labels.setdefault(match.group(1), set()).add(re.sub(r"\s+", "", match.group(2) or ""))
    for letter, written in labels.items():
        if len(written) != 1:
            continue  # Y_{\text{pred}} and Y_{\text{true}}: two names
        (label,) = written
        entries = [m for m in found if m.group(1) == letter]
        uses = list(re.finditer(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", everything))
        bare = re.compile(rf"{letter}\s*{_LABEL}(?!\s*\^)") if label else None
        alone = [m for m in uses if bare is not None and bare.match(everything, m.start())]
        if len(uses) != len(entries) + len(alone):
            continue  # the letter written otherwise too: Z_k, y_k^{(i)}, plain Y
        for match in entries:
            index = re.sub(r"\s+", "", match.group(3))
            spelled = f"{letter}_{{{index}}}"
            text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
        for use in alone:
            end = bare.match(everything, use.start()).end()
            text.chars[use.start() : end] = list(letter.ljust(end - use.start()))


# letters no document math of ours uses for itself, for a renamed letter to take
_SPARE_LETTERS = "WUVQRBGH"  # not D: the grammar reads it as an operator


# math in a sentence: $…$ and \(…\) (a $$…$$ is a display)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)([^$]+?)(?<![\\$])\$(?!\$)|\\\((.+?)\\\)", re.DOTALL)


def _letter_uses(letter: str, everything: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", everything))


def _spare(everything: str, taken: set[str]) -> str | None:
    for letter in _SPARE_LETTERS:
        if letter not in taken and not _letter_uses(letter, everything):
            return letter
    return None


def rename_reserved(text: Text, displays: list[Display]) -> list[tuple[str, str]]:
    """Letters the grammar keeps for one thing, used by the document for another, read under a
    spare letter (a renaming, never a merge): ``Z``, ``L``, ``T`` written with an index at every
    use (``e^{Z_j}``: the logits, not the partition sum, the loss or the temperature; ``g(Z)``,
    the whole vector as an argument, too), and an
    index letter (``l``) that the document only ever writes as a quantity (``l = -\\sum_i …``,
    ``\\frac{\\partial l}{\\partial z_i}``), never as an index, a bound or an index's value.
    Returns the renamings, ``(as written, read as)``."""
    source = text.slice(0, len(text.chars))
    spans = [d.body for d in displays] + [
        Span(m.start(g), m.end(g))
        for m in _INLINE_MATH.finditer(source)
        for g in (1 if m.group(1) is not None else 2,)
    ]
    everything = "\n".join(source[span.start : span.end] for span in spans)
    renamed: list[tuple[str, str]] = []
    for letter in "ZLT":
        uses = _letter_uses(letter, everything)
        indexed = [m for m in uses if re.match(r"\s*_", everything[m.end() :])]
        vector = [  # g(Z): the whole vector, the argument of a function
            m
            for m in uses
            if re.search(r"[A-Za-z]\s*\(\s*$", everything[: m.start()])
            and re.match(r"\s*\)", everything[m.end() :])
        ]
        if not indexed or len(indexed) + len(vector) != len(uses):
            continue
        if (spare := _spare(everything, {new for _, new in renamed})) is not None:
            renamed.append((letter, spare))
    for letter in "l":
        uses = _letter_uses(letter, everything)
        as_index = re.search(
            rf"[_^]\s*(?:\{{[^{{}}]*)?(?<![\\A-Za-z]){letter}(?![A-Za-z])"  # z_l, \sum_{{l=1}}
            rf"|(?<![\\A-Za-z]){letter}\s*(?:=\s*\d|\\(?:neq?|in)(?![a-zA-Z])|[<>,])",
            everything,
        )
        quantity = re.search(
            rf"(?:^|\\\\|&)\s*{letter}\s*=|\\partial\s*{letter}(?![A-Za-z])", everything, re.M
        )
        if not uses or as_index or not quantity:
            continue
        taken = {new for _, new in renamed}
        spare = "L" if not _letter_uses("L", everything) and "L" not in taken else None
        if (spare := spare or _spare(everything, taken)) is not None:
            renamed.append((letter, spare))
    for span in spans:
        body = source[span.start : span.end]
        for letter, spare in renamed:
            for use in _letter_uses(letter, body):
                text.chars[span.start + use.start()] = spare
    return renamed
