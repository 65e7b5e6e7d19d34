"""Beamer's overlays inside the mathematics of a slide: ``\\uncover<2->{&= -y_j + …}``,
``\\only<3>{…}``, ``\\onslide<2->``, ``\\pause``. What they show is the slide's content, shown
later: the command and its overlay specification are blanked, and so are the braces around what
it shows (the same length: columns stay the file's). ``\\alt`` (two contents) is left as written."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_OVERLAY = lazy(
    r"\\(?:uncover|only|visible|invisible|onslide)\s*<[^<>{}\n]*>\s*(\{)?"
    r"|\\pause(?![a-zA-Z])"
)


def blank_overlays(document: Text) -> None:
    """Blank each overlay command of ``document`` with its specification and its braces."""
    whole = "".join(document.chars)
    if "\\pause" not in whole and "<" not in whole:
        return
    for found in _OVERLAY.finditer(whole):
        if found.group(1) is not None:
            closing = _closing(whole, found.end())
            if closing is None:
                continue  # braces never closed: left as written
            document.blank(closing, closing + 1)
        document.blank(found.start(), found.end())


def _closing(text: str, start: int) -> int | None:
    """The position of the ``}`` that closes the brace opened just before ``start`` (``\\\\``,
    ``\\{`` and ``\\}`` skipped as the commands they are)."""
    depth, at, end = 1, start, min(len(text), start + 5000)
    while at < end:
        if text[at] == "\\":
            at += 2
            continue
        depth += (text[at] == "{") - (text[at] == "}")
        if depth == 0:
            return at
        at += 1
    return None


__all__ = ["blank_overlays"]
