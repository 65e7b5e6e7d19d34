"""Markdown emphasis inside a sentence blanked (``For a **one-hot** vector $y$``, ``the
__true__ class``): the words read as they are said.  Bold at a line's start (a label, a case's
head: ``**On the diagonal** ($i = j$):``) and anything that is not plain words is left alone."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# words between ** **, __ __, * * or _ _ after a word of the line, before a space or a mark
_EMPHASIS = lazy(
    r"(?<=[A-Za-z,;:)] )(\*\*|__|\*|_)[A-Za-z][A-Za-z' -]{0,38}(?<=[A-Za-z])(\1)(?=[\s,.;:!?)])"
)


def blank_emphasis(text: Text) -> None:
    """The marks of emphasis around plain words in a sentence of ``text``, blanked.

    >>> text = Text.of("For a **one-hot** vector $y$, only the **true class** counts.")
    >>> blank_emphasis(text)
    >>> text.slice(0, len(text.chars))
    'For a   one-hot   vector $y$, only the   true class   counts.'
    >>> text = Text.of("The targets are _not_ one-hot; for a *positive* example, $a_i_j$.")
    >>> blank_emphasis(text)
    >>> text.slice(0, len(text.chars))
    'The targets are  not  one-hot; for a  positive  example, $a_i_j$.'
    >>> text = Text.of("**Case 1** ($i = j$): and $x**2 + y**2$")
    >>> blank_emphasis(text)
    >>> text.slice(0, len(text.chars))
    '**Case 1** ($i = j$): and $x**2 + y**2$'
    """
    everything = text.slice(0, len(text.chars))
    for found in _EMPHASIS.finditer(everything):
        text.blank(found.start(1), found.end(1))
        text.blank(found.start(2), found.end(2))
