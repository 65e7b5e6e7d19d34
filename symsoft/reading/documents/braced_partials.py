"""A name under a partial sign written in its own braces: ``\\frac{\\partial{L}}{\\partial{
\\vec{x}}}``, ``\\partial{\\mathbf{z}}``. TeX typesets ``\\partial{X}`` as ``\\partial X`` when X
is one symbol, so the braces are blanked (the same length: columns stay the file's); braces
around anything longer (``\\partial{(w^T x)}``) are kept."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# one bold or arrowed letter, maybe under an accent: \mathbf{z}, \vec{x}, \hat{\mathbf{y}}
_BRACED = lazy(
    r"\\partial\s*(\{)\s*(?:(\\(?:hat|tilde|bar)\s*\{\s*)|)"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?:[a-zA-Z]|\\[a-zA-Z]+)\s*\}"
    # or one letter, a loss's script letter, maybe with a subscript: \partial{L}, \partial{z_i}
    r"|(?:[a-zA-Z]|\\mathcal\s*\{\s*[A-Z]\s*\}|\\(?:ell|sigma|theta))(?![a-zA-Z])"
    r"(?:\s*_\s*(?:[a-zA-Z0-9]|\{\s*[a-zA-Z0-9]{1,3}\s*\}))?)"
    r"(?(2)\s*\})\s*(\})"
)


def blank_braced_partials(document: Text) -> None:
    """Blank the braces of every ``\\partial{\\mathbf{v}}`` (see the module)."""
    whole = document.slice(0, len(document.chars))
    if "\\partial" not in whole:
        return
    for found in _BRACED.finditer(whole):
        document.blank(found.start(1), found.end(1))
        document.blank(found.start(3), found.end(3))
