"""``$$…$$`` on one line: a display, or (kramdown) math inside a sentence; read as ``$…$`` in
place where it is the latter."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Display
from symsoft.reading.lazy_regex import lazy


def written_inline(source: str, opening: re.Match[str], close: re.Match[str]) -> bool:
    """``$$…$$`` on one line with prose before or after it on that line."""
    # the line around it, at most _LINE chars each way: a line of 100,000 '$' was quadratic
    line_start = source.rfind("\n", max(0, opening.start() - _LINE), opening.start()) + 1
    line_start = max(line_start, opening.start() - _LINE)
    line_end = source.find("\n", close.end(), close.end() + _LINE)
    line_end = min(len(source), close.end() + _LINE) if line_end < 0 else line_end
    if "\n" in source[opening.end() : close.start()]:
        return False
    before, after = source[line_start : opening.start()], source[close.end() : line_end]
    # "$$A$$ $$= B$$": displays side by side on one line are displays, not math in a sentence
    before, after = _SIDE_BY_SIDE.sub("", before), _SIDE_BY_SIDE.sub("", after)
    body = source[opening.end() : close.start()]
    if _ALIGNED_ROWS.search(body):
        return False  # rows aligned at "&=": a display wherever it is written (math.SE, flattened)
    if before.rstrip().endswith(":") and "=" in body and DERIVATION.search(body):
        return False  # "it yields: $$L'(u) = …$$": a colon announces a display (math.SE)
    if not before.strip() and "=" in body and DERIVATION.search(body):
        # "… going wrong:" ⏎⏎ "$$\nabla J = …$$ Now, since …": a paragraph the colon above
        # announces opens with the display (a stats.SE page whose line breaks were lost)
        above = source[max(0, line_start - _LINE) : line_start].rstrip(" \t")
        if above.endswith("\n") and above.rstrip().endswith(":"):
            return False
    if "=" in body and DERIVATION.search(body) and (_ONE_DOLLAR.search(before + " " + after)):
        # "Set $f=\sinh$ to get $$\dfrac{d\tanh}{dx}=…$$ Now, …": a line that writes its
        # inline math between single dollars keeps $$ for displays (a Q&A page whose line
        # breaks were lost); kramdown has no single-dollar math
        return False
    before = _HTML_SPACE.sub("", before)  # "&nbsp;&nbsp;$$= …$$": indented with entities
    if not after.strip(" \t.,;:!?") and "=" in body and _DERIVATIVE.search(body):
        return False  # "… est donnée par la formule $$f'(x)= …$$": a display ends the line
    return bool(before.strip(" \t>*-+0123456789.")) or bool(after.strip(" \t.,;:!?"))


def as_inline(found: re.Match[str]) -> str:
    """``$$ x $$`` as ``$x$`` in place: the dollars moved to the math's edges, each blank
    where the text has one (same length, the math where it was); a sentence's stop at the end
    of the math (``$$ f(x) = 1 . $$``) is the sentence's, outside it."""
    math = found[1].strip().rstrip(" \t.,;")
    stop = found[1].strip()[len(math) :].replace(" ", "").replace("\t", "")
    lead = len(found[1]) - len(found[1].lstrip())
    inline = " " * (1 + lead) + f"${math}${stop}"
    return inline + " " * (len(found.group()) - len(inline))


_HTML_SPACE = lazy(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0);", re.IGNORECASE)


# rows aligned at "&=", or rows that open with "=" ("…\\=-y_i(1-p_i)\\=…", a math.SE chain)
_ALIGNED_ROWS = lazy(
    r"&\s*=[^$]*?(?<!\\)\\\\(?!\\)|(?<!\\)\\\\(?!\\)[^$]*?&\s*=|(?<!\\)\\\\\s*=(?!=)"
)
_SIDE_BY_SIDE = lazy(r"\$\$[^$\n]+\$\$")
_ONE_DOLLAR = lazy(r"(?<![\\$])\$(?!\$)[^$\n]*?[^\s$\\][^$\n]*?(?<![\\$])\$(?!\$)")


_LINE = 500
# what makes math after a colon a step of the derivation rather than a case ($$i = k$$) or a
# value ($$N = 2$$) said in the sentence: an equation with a derivative or a function in it
# (σ(: a bare \\sigma spelled σ(x) by called_quantities.spell_bare_sigma)
_FUNCTIONS = r"[dt]?frac|over|partial|nabla|log|ln|exp|sigma|sum|tanh"
DERIVATION = lazy(rf"\\(?:{_FUNCTIONS})(?![a-zA-Z])|'|σ\(")
_DERIVATIVE = lazy(r"\\partial|\\nabla|'|\\frac\s*\{\s*d")


# kramdown's inline math, ``$$x$$`` inside a sentence: read as ``$x$`` (same length)
KRAMDOWN_INLINE = lazy(r"(?<![\\$])\$\$([^$\n]+)(?<!\\)\$\$(?!\$)")


def without_lone_dollars(everything: str, displays: list[Display]) -> str:
    """The text with the ``$`` of each one-line ``$…$`` display blanked: its definition is
    the display's step, not a definition in a sentence as well; so too the ``$$`` of a display
    written inside a sentence (a flattened Q&A page: :func:`written_inline`)."""
    chars = list(everything)
    for display in displays:
        if display.lone and not chars[display.start].isspace() and chars[display.start] != "=":
            # (not the arithmetic that ends a chain, "$Z = 1 + 1 + 2 = 4$": the chain stays)
            chars[display.start] = chars[display.body.end] = " "
        elif everything.startswith("$$", display.start) and everything.startswith(
            "$$", display.body.end
        ):
            line = everything.rfind("\n", 0, display.start) + 1
            if everything[line : display.start].strip():  # words before it on its line
                for at in (display.start, display.body.end):
                    chars[at : at + 2] = [" ", " "]
    return "".join(chars)
