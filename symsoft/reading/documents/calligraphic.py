"""A calligraphic capital that names a quantity, ``\\mathcal{R}(\\mathbf{w}) = -\\frac{1}{N}
\\sum_n …`` (an empirical risk) or ``\\frac{\\partial \\mathcal{J}}{\\partial \\theta}``: the
plain capital (``R``), as ``\\mathcal{L}`` is ``L`` (spelling.py).  Only a letter the text
defines (it stands left of ``=``) or differentiates, that no formula also writes plain (the two
could differ), and that is no usual set or operator (``\\mathcal{N}``, ``\\mathcal{O}``,
``\\mathcal{D}``, ``\\mathcal{X}``, …) unless the text both defines and differentiates it.
Same length: columns stay the file's."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.lazy_regex import lazy

_CALLIGRAPHIC = lazy(  # also plain TeX's {\cal C}
    r"\\math(?:cal|scr)\s*(?:\{\s*([A-Z])\s*\}|([A-Z])(?![a-zA-Z]))|\{\s*\\cal\s*([A-Z])\s*\}"
)
_FAMILY = lazy(r"\\math(cal|scr|frak|bb|bf|rm|sf|it)\s*\{?\s*([A-Z])(?![a-zA-Z])")
# sets, distributions, orders and spaces are no quantities a step computes
_SETS = frozenset("NODXYHSTUVWPFGBAKMCI")


def rename_calligraphic(text: Text, displays: list[Display]) -> None:
    """``\\mathcal{R}`` read as ``R`` where the text defines or differentiates it (see the
    module)."""
    everything = text.slice(0, len(text.chars))
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    math = "\n".join(bodies) + "\n" + " ".join(re.findall(r"(?<![$\\])\$(?!\$)[^$]+\$", everything))
    letters = {m.group(1) or m.group(2) or m.group(3) for m in _CALLIGRAPHIC.finditer(math)}
    for letter in sorted(letters - {"L"} if "\\cal" not in math else letters):
        name = (
            rf"(?:\\math(?:cal|scr)\s*(?:\{{\s*{letter}\s*\}}|{letter}(?![a-zA-Z]))"
            rf"|\{{\s*\\cal\s*{letter}\s*\}})"
        )
        if re.search(rf"(?<![\\a-zA-Z{{]){letter}(?![a-zA-Z}}])", _CALLIGRAPHIC.sub(" ", math)):
            continue  # a plain R too: two names
        if len({m.group(1) for m in _FAMILY.finditer(math) if m.group(2) == letter}) > 1:
            continue  # \mathcal{E} and \mathscr{E} (or \mathbf{E}): two names
        defined = re.search(name + r"\s*(?:\([^()=]*\)\s*)?(?::=|=)", math)
        differentiated = re.search(
            r"(?:\\partial|\\nabla\s*(?:_\s*\{[^{}]*\}\s*)?)\s*" + name, math
        )
        if not (defined and differentiated if letter in _SETS else defined or differentiated):
            continue  # \mathcal{C} = -\sum_i p_i \log q_i and \partial\mathcal{C}: a cost, no set
        for match in re.finditer(name, everything):
            text.blank(match.start(), match.end())
            if match.group().startswith("{"):  # {\cal C}: {C     }, a braced letter
                text.chars[match.start() : match.start() + 2] = ["{", letter]
                text.chars[match.end() - 1] = "}"
            else:
                text.chars[match.start()] = letter
