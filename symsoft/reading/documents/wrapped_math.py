"""Inline math that a hard-wrapped paragraph breaks over two lines: ``… by the quotient rule,
$\\partial s_i/\\partial z_j = \\delta_{ij} e^{z_i}/Z - e^{z_i}`` ⏎ ``e^{z_j}/Z^2 = s_i(\\delta_{ij}
- s_j)$, which in matrix form is …``. Markdown and TeX read it as one formula; read line by line,
each half is cut off and the ``$`` of the second line opens a formula of words. The line break
inside such a formula is read as a space (its position kept: lines and columns are the file's).

Only where the first line ends inside an opened ``$`` that starts a formula (a ``$`` with no
blank after it) and the next line of the paragraph closes it first (a ``$`` with no blank before
it), each line with an odd number of lone ``$`` (not ``$$``, not ``\\$``), and the formula holds
a mark of mathematics (``\\``, ``^``, ``_`` or ``=``)."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_LONE_DOLLAR = lazy(r"(?<![\\$])\$(?!\$)")
_MATH_MARK = lazy(r"[\\^_=]")


def join_wrapped_inline(text: Text) -> None:
    """Read the line break inside an inline formula broken over two lines as a space."""
    source = text.slice(0, len(text.chars))
    lines = source.split("\n")
    at = 0
    for number, line in enumerate(lines[:-1]):
        end = at + len(line)  # the position of this line's break
        at = end + 1
        following = lines[number + 1]
        if not following.strip() or following.lstrip().startswith(("#", "$$", "\\[", "|", ">")):
            continue
        opened = list(_LONE_DOLLAR.finditer(line))
        closed = list(_LONE_DOLLAR.finditer(following))
        if len(opened) % 2 == 0 or len(closed) % 2 == 0 or "$$" in line + following:
            continue
        start, stop = opened[-1].end(), closed[0].start()
        if line[start : start + 1].isspace() or not line[start:].strip():
            continue  # "costs $5 and" is no formula
        if stop == 0 or following[stop - 1].isspace():
            continue
        if _MATH_MARK.search(line[start:] + following[:stop]):
            text.chars[end] = " "
