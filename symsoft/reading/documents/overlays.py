"""Beamer's overlays inside the mathematics of a slide: ``\\uncover<2->{&= -y_j + …}``,
``\\only<3>{…}``, ``\\onslide<2->``, ``\\pause``. What they show is the slide's content, shown
later: the command and its overlay specification are blanked, and so are the braces around what
it shows (the same length: columns stay the file's). ``\\alt`` (two contents) is left as written."""

from __future__ import annotations

from symsoft.reading.documents.brackets import matching
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
            after = matching(whole, found.start(1))  # just after the closing brace
            if after < 0:
                continue  # braces never closed: left as written
            document.blank(after - 1, after)
        document.blank(found.start(), found.end())


__all__ = ["blank_overlays"]
