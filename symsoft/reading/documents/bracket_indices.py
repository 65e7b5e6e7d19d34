"""Entries written with brackets, as code writes them: ``x[n]`` is ``x_n`` and ``S[i,k]`` is
``S_{ik}`` (then ``\\sum_{}^{} e^{x[k]}`` is a sum whose terms use k, read as the sums of
subscripted entries are); a sum's scripts are put in one order (``\\sum^{K}_{k \\neq i}`` is
``\\sum_{k \\neq i}^{K}``).  A name with a layer's number, ``W_2[m,n]``, ``b_2[k]``, is the
entry of the matrix ``W_2``, when the text writes that name with brackets: the name is spelled
as one name with a subscript (``W_2`` with the mark of a label, then ``_{mn}``).  The
rewrite keeps the text's length, so columns stay the file's."""

from __future__ import annotations

import dataclasses
import re

from symsoft.reading.documents.set_sums import spell_set_sums
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.subscripts import sum_scripts_in_order
from symsoft.reading.documents.word_names import WORD_MARK
from symsoft.reading.lazy_regex import lazy

# not the end of a command or a word; the d of a differential may come before (dS[i,k])
_ALONE = r"(?:(?<![A-Za-z\\])|(?<=(?<![A-Za-z\\])d))"

# a letter alone followed by one or two index letters in brackets: x[n], S[i,k], S[i, k];
# never \left[, \sqrt[n], a row break \\[2pt] or f(x)[n]
_BRACKETED = lazy(
    _ALONE + r"(?P<name>[A-Za-z])\[\s*(?P<first>[a-z])\s*"
    r"(?:,\s*(?P<second>[a-z])\s*)?\]"
)

# W_2[m,n], b_{2}[k], O_1[i,p]: a letter with a layer's digit, then indices in brackets
_NUMBERED = _ALONE + r"(?P<letter>[A-Za-z])\s*_\s*(?:\{\s*(?P<d1>[0-9])\s*\}|(?P<d2>[0-9]))"
_NUMBERED_BRACKETED = lazy(_NUMBERED + r"(?=\[)")
_NUMBERED_NAME = lazy(_NUMBERED + r"(?![0-9])")

# O_2[i, y_i]: an entry at the class of example i (a label used as an index), which no reading
# of entries with two indices gives
_AT_A_LABEL = lazy(
    r"(?<![A-Za-z\\])(?:[A-Za-z](?:\s*_\s*(?:\{\s*[0-9]\s*\}|[0-9]))?)"
    r"\[\s*[a-z]\s*,\s*[a-zA-Z]\s*_\s*\{?\s*[a-z]\s*\}?\s*\]"
)

# $$\mathrm{S[i,k] = e^{…}}$$: an equation set upright as a whole
_UPRIGHT = lazy(r"\s*\\mathrm\s*\{")


def spell_bracket_indices(text: Text, displays: list[Display]) -> None:
    """``x[n]``, ``S[i,k]``, ``W_2[m,n]`` in the displays as the subscripts they stand for;
    every sum's subscript before its superscript; a display whose equation is wrapped whole in
    ``\\mathrm{…}`` unwrapped.  A display with an entry at a label (``O_2[i,y_i]``) is marked
    not read (its problem says why)."""
    text.chars[:] = sum_scripts_in_order("".join(text.chars))
    spell_set_sums(text)  # \sum_{k \in C}: over every class
    for at, display in enumerate(displays):
        _unwrap_upright(text, display)
        label = _AT_A_LABEL.search(text.slice(display.body.start, display.body.end))
        if label is not None and not display.problem:
            written = re.sub(r"\s+", "", label.group())
            displays[at] = dataclasses.replace(
                display,
                problem=f"'{written}' is an entry at the class of a label (an index that is a "
                "value of the data); entries at a label with two indices are not read",
            )
    _spell_numbered(text, displays)
    for display in displays:
        body = text.slice(display.body.start, display.body.end)
        for match in _BRACKETED.finditer(body):
            letters = match["first"] + (match["second"] or "")
            written = match["name"] + ("_" + letters if len(letters) == 1 else f"_{{{letters}}}")
            if len(written) > len(match.group()):
                continue  # S[i,k] written without room: left as written
            start = display.body.start + match.start()
            text.blank(start, display.body.start + match.end())
            text.chars[start : start + len(written)] = list(written)


def _unwrap_upright(text: Text, display: Display) -> None:
    r"""``\mathrm{S[i,k] = e^{S[i,k]}}`` read as ``S[i,k] = e^{S[i,k]}``: the group that opens
    the display closes at its end, and holds a relation."""
    body = text.slice(display.body.start, display.body.end)
    opening = _UPRIGHT.match(body)
    if opening is None:
        return
    depth, end = 1, None
    for offset in range(opening.end(), len(body)):
        char = body[offset]
        if char == "{" and body[offset - 1] != "\\":
            depth += 1
        elif char == "}" and body[offset - 1] != "\\":
            depth -= 1
            if depth == 0:
                end = offset
                break
    inside = body[opening.end() : end] if end is not None else ""
    if end is None or body[end + 1 :].strip() or "=" not in inside:
        return
    if not _BRACKETED.search(inside) and not _NUMBERED_BRACKETED.search(inside):
        return  # \mathrm{S = O_1W_2 + b_2}: the matrices, in the text's own upright letters
    start = display.body.start
    text.blank(start + opening.start(), start + opening.end())
    text.blank(start + end, start + end + 1)


def _spell_numbered(text: Text, displays: list[Display]) -> None:
    """``W_2`` written as the word ``W2`` (its first letter marked) wherever the displays write
    it, when some display writes it with brackets (``W_2[m,n]``); its bracketed indices, then,
    as a subscript (``W2_{mn}``)."""
    bodies = [(d.body.start, text.slice(d.body.start, d.body.end)) for d in displays]
    bracketed = {
        (m["letter"], m["d1"] or m["d2"])
        for _, body in bodies
        for m in _NUMBERED_BRACKETED.finditer(body)
    }
    if not bracketed:
        return
    for offset, body in bodies:
        for match in _NUMBERED_NAME.finditer(body):
            name = (match["letter"], match["d1"] or match["d2"])
            entry = _BRACKETED.match("x" + body[match.end() :])  # the indices after the name
            if name not in bracketed or entry is None:
                continue  # O_1 alone (S = O_1 W_2 + b_2): the matrix, not read as its entries
            letters = entry["first"] + (entry["second"] or "")
            word = name[0] + WORD_MARK + name[1]
            word += "_" + letters if len(letters) == 1 else f"_{{{letters}}}"
            end = match.end() + entry.end() - 1
            start = offset + match.start()
            text.blank(start, offset + end)
            text.chars[start : start + len(word)] = list(word)
