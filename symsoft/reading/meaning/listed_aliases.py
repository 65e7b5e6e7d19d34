"""Definitions a text lists as choices for one name, each naming another function for it
(``$g(x) = \\tanh(x)$<br>``, ``$g(x) = \\sigma(x)$<br>``, ``$g(x) = ReLU(x)$``): no step
claims them equal."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# a definition that names a function for the name (g(x) = \tanh(x) = …, g(x) = ReLU(x) = …)
_ALIAS = lazy(
    r"[^=$\n]{1,40}=\s*(?:\\(?:operatorname|text|mathrm)\s*\{\s*)?\\?([A-Za-z]{2,})\s*\}?\s*\("
)


def aliases_listed(prose: str, first: int, position: int) -> bool:
    r"""Whether two definitions of a name, one right after the other with no words between
    (lines of ``$…$<br>``), each name another function for it: the choices a text lists
    (``$g(x) = \tanh(x)$``, ``$g(x) = \sigma(x)$``, ``$g(x) = ReLU(x)$``), no step.

    >>> text = "$g(x) = \\tanh(x)$<br>\n\n$g(x) = \\sigma(x)$<br>"
    >>> aliases_listed(text, 1, text.rindex("g(x)"))
    True
    >>> text = "$g(x) = \\tanh(x)$ so that $g(x) = \\sigma(x)$"
    >>> aliases_listed(text, 1, text.rindex("g(x)"))
    False
    """
    one, two = _ALIAS.match(prose, first), _ALIAS.match(prose, position)
    if one is None or two is None or one.group(1) == two.group(1):
        return False
    between = prose[one.end() : position]  # (the math's $ may be blanked: lines, then)
    if "\n" not in between:
        return False  # one line: "$g(x) = \tanh(x)$ so that $g(x) = \sigma(x)$"
    return not re.search(r"[A-Za-z0-9=]", _MARKS.sub(" ", between.split("\n", 1)[1]))


_MARKS = lazy(r"<br\s*/?>|\$\$?|\\\[|\\\]|\\(?:begin|end)\s*\{[^{}]*\}|\\\\")
