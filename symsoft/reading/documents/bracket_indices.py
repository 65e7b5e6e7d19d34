"""Entries written with brackets, as code writes them: ``x[n]`` is ``x_n`` and ``S[i,k]`` is
``S_{ik}`` (then ``\\sum_{}^{} e^{x[k]}`` is a sum whose terms use k, read as the sums of
subscripted entries are); a sum's scripts are put in one order (``\\sum^{K}_{k \\neq i}`` is
``\\sum_{k \\neq i}^{K}``).  The rewrite keeps the text's length, so columns stay the file's."""

from __future__ import annotations

from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.subscripts import sum_scripts_in_order
from symsoft.reading.lazy_regex import lazy

# a letter alone (not the end of a command or a word) followed by one or two index letters in
# brackets: x[n], S[i,k], S[i, k]; never \left[, \sqrt[n], a row break \\[2pt] or f(x)[n]
_BRACKETED = lazy(
    r"(?<![A-Za-z\\])(?P<name>[A-Za-z])\[\s*(?P<first>[a-z])\s*"
    r"(?:,\s*(?P<second>[a-z])\s*)?\]"
)


def spell_bracket_indices(text: Text, displays: list[Display]) -> None:
    """``x[n]``, ``S[i,k]`` in the displays as the subscripts they stand for; every sum's
    subscript before its superscript."""
    text.chars[:] = sum_scripts_in_order("".join(text.chars))
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
