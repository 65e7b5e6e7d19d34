"""The underscores a Markdown post escapes inside its math (Hexo, Jekyll: ``\\sum\\_{j=1}^{n}``,
``\\theta\\_0``, written so that Markdown does not read ``_ … _`` as italics): read as the
subscripts MathJax shows, columns kept (the backslash blanked).

Only a script's underscore is read so: after a command (``\\sum\\_``), a closing group
(``\\bm{x}\\_n``) or a letter standing alone (``x\\_1``).  After a word (``head\\_dim``,
``ROW\\_SUM``) or inside a word's braces (``\\text{cross\\_entropy}``) the underscore joins a
name, and is left as written.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# the math of a Markdown post: $$ … $$, $ … $ on one paragraph, \[ … \], \( … \), and an
# environment MathJax reads without dollars (\begin{align} … \end{align})
_MATH = lazy(
    r"(?<!\\)\$\$(?:[^$]|\$(?!\$))+?\$\$|(?<![\\$])\$(?!\$)(?:[^$\n]|\n(?!\s*\n))+?(?<!\\)\$"
    r"|\\\[.*?\\\]|\\\(.*?\\\)"
    r"|\\begin\s*\{(?P<env>[a-zA-Z]+\*?)\}.*?\\end\s*\{(?P=env)\}",
    re.DOTALL,
)
# a script's escaped underscore: after a command, a closing group, or a letter standing alone
_ESCAPED_SCRIPT = lazy(r"(?:\\[a-zA-Z]+|[})\]]|(?<![a-zA-Z\\])[a-zA-Z])\s*(\\_)(?=\s*[{\\\w])")
_ESCAPED_STAR = lazy(r"(?<!\\)\\\*")
# the words of the math, whose braces hold a name (cross\_entropy stays one name)
_WORD_GROUP = lazy(r"\\(?:text|textrm|textit|texttt|mathrm|operatorname|mbox|mathit)\s*(?=\{)")


def unescape_underscores(text: Text) -> None:
    """``\\_`` of a script inside Markdown math reads as ``_`` (``\\sum\\_{j}`` is ``\\sum_{j}``);
    the backslash is blanked, so columns stay the file's.  An escaped star (``3\\*1``, kept from
    Markdown's emphasis; TeX's discretionary times) is the product ``*``."""
    source = text.slice(0, len(text.chars))
    if "\\*" in source:
        for math in _MATH.finditer(source):
            for star in _ESCAPED_STAR.finditer(math.group()):
                text.chars[math.start() + star.start()] = " "
        source = text.slice(0, len(text.chars))
    if "\\_" not in source:
        return
    for math in _MATH.finditer(source):
        body = math.group()
        if "\\_" not in body:
            continue
        words: list[tuple[int, int]] = []
        for group in _WORD_GROUP.finditer(body):
            end = matching(body, group.end())
            if end > 0:
                words.append((group.end(), end))
        for match in _ESCAPED_SCRIPT.finditer(body):
            at = match.start(1)
            if any(start <= at < end for start, end in words):
                continue
            text.chars[math.start() + at] = " "


# a control space before an equals sign or after an alignment mark (``&\ = …``): a space
# (never the second backslash of a row break ``\\``)
_CONTROL_SPACE = lazy(r"(?<=&)\\(?= )|(?<!\\)\\(?= ++=)")


def blank_control_spaces(text: Text) -> None:
    """``&\\ = …`` reads as ``& = …``: the backslash of a control space next to a relation is
    blanked (left there, the relation's left side would end in a lone backslash)."""
    source = text.slice(0, len(text.chars))
    if "\\ " not in source:
        return
    for math in _MATH.finditer(source):
        for match in _CONTROL_SPACE.finditer(math.group()):
            text.chars[math.start() + match.start()] = " "


# four dollars at the edge of a formula (``$$$$p_j = …$$$$``: a page's ``$$`` kept twice when it
# was saved as Markdown): the inner two open or close it, the outer two are blanked.  Between two
# formulas (``$$a$$$$b$$``) or standing alone the run is left as written.
_FOUR_DOLLARS = lazy(r"(?<![\\$])\$\$\$\$(?!\$)")


def blank_doubled_dollars(text: Text) -> None:
    """``$$$$ … $$$$`` reads as ``$$ … $$`` (columns kept)."""
    source = text.slice(0, len(text.chars))
    if "$$$$" not in source:
        return
    for run in _FOUR_DOLLARS.finditer(source):
        before = source[run.start() - 1 : run.start()]
        after = source[run.end() : run.end() + 1]
        opens = not before.strip() and bool(after.strip())
        closes = bool(before.strip()) and not after.strip() or after in ".,;:"
        if opens and not closes:
            text.blank(run.start(), run.start() + 2)
        elif closes and not opens and before.strip():
            text.blank(run.end() - 2, run.end())
