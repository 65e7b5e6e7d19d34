"""Mathematics shown as an image a formula service draws: ``![](http://latex.codecogs.com/svg
.latex?\\\\frac{a}{b})`` or ``<img src="https://latex.codecogs.com/gif.latex?…">`` in a README
(GitHub rendered no math for years, so Chinese and English notes drew it this way), and
``<img src="https://www.zhihu.com/equation?tex=%5Cfrac…">`` in a Zhihu export.

The formula is the query of the address: Markdown's escapes undone (``\\\\frac`` is ``\\frac``;
``\\\\\\\\`` a row break), the service's words for a space and a plus (``&space;``,
``&plus;``) and the percent-escapes of an address (``%5C`` is ``\\``; in Zhihu's and GitHub's
addresses ``+`` is a space) put back.  The image becomes ``$…$`` in place: the opening of the
link up to its ``?`` a ``$`` then blanks, the closing bracket or quote (and the rest of the tag)
a ``$`` then blanks, each character of the formula at its own column with blanks where an
escape was longer than what it stands for.  An image alone in its paragraph is then a display
as a ``$…$`` paragraph is; one in a sentence is inline math.  Same length: columns stay the
file's."""

from __future__ import annotations

from symsoft.reading.documents.brackets import matching
from symsoft.reading.lazy_regex import lazy

_SERVICE = (
    r"https?://(?:(?P<cogs>(?:latex|www)\.codecogs\.com/[a-z]+\.(?:latex|download))"
    r"|(?:www\.)?zhihu\.com/equation|render\.githubusercontent\.com/render/math)\?"
    r"(?:(?:tex|math)=)?"
)
_MARKDOWN = lazy(rf"!\[[^\]\n]*\]\((?P<open><?){_SERVICE}")
_TAG = lazy(rf"<img\b[^>\n]*?\bsrc\s*=\s*(?P<quote>[\"']){_SERVICE}")
_ENTITIES = {"&space;": " ", "&plus;": "+", "&amp;": "&", "&lt;": "<", "&gt;": ">"}
_ESCAPE = lazy(r"(?:\\\\){1,2}|&(?:space|plus|amp|lt|gt);|%[0-9A-Fa-f]{2}|\+")
_TAG_END = lazy(r"[^>\n]*>")


def spell_image_math(text: str) -> str:
    """``text`` with each formula drawn as an image written as ``$…$`` (see the module)."""
    if "codecogs.com" not in text and "equation?tex=" not in text and "render/math" not in text:
        return text
    chars = list(text)
    for found in [*_MARKDOWN.finditer(text), *_TAG.finditer(text)]:
        if "quote" in found.groupdict():
            end = text.find(found.group("quote"), found.end())
            tag_end = _TAG_END.match(text, end + 1) if end >= 0 else None
            close = tag_end.end() if tag_end else -1
        else:
            paren = found.start() + found.group().index("](") + 1
            close = matching(text, paren)
            end = close - 1 - (found.group("open") == "<")
        if end < 0 or close < 0 or "\n" in text[found.end() : end] or end <= found.end():
            continue  # (not closed on its line: left as written, and not read)
        tag = "quote" in found.groupdict()  # (HTML: no Markdown escapes in an attribute)
        formula = _formula(text[found.end() : end], found.group("cogs") is None, not tag)
        if formula is None:
            continue
        chars[found.start() : found.end()] = list("$".ljust(found.end() - found.start()))
        chars[found.end() : end] = formula
        chars[end:close] = list("$".ljust(close - end))
    return "".join(chars)


def _formula(query: str, plus_is_space: bool, markdown: bool) -> list[str] | None:
    """The characters of the formula an address's query writes, one for each of the query's
    (blanks where an escape was longer); None where it writes a dollar or a line break."""
    out: list[str] = []
    pos = 0
    for escape in _ESCAPE.finditer(query):
        out += query[pos : escape.start()]
        written = escape.group()
        if written == "+":
            said = " " if plus_is_space else "+"
        elif written.startswith("\\"):
            said = written[: len(written) // 2] if markdown else written
        elif written.startswith("&"):
            said = _ENTITIES[written]
        else:
            said = chr(int(written[1:], 16))
            if not 32 <= ord(said) < 127:
                return None  # (a byte of a character beyond ASCII: not a formula read here)
        out += list(said.rjust(len(written)))  # (a command's backslash stays by its name)
        pos = escape.end()
    out += query[pos:]
    return None if "$" in out or "\n" in out else out
