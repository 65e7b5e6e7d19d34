"""The marks that end a proof (``\\blacksquare``, ``\\square``, ``\\Box``, ``\\qed``), written at
the end of a display or of one of its rows: typography, no mathematics; blanked, columns kept.

Elsewhere (``\\Box u = 0``, the d'Alembertian; ``\\square`` a placeholder) the sign is left as
written, and not read.
"""

from __future__ import annotations

from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy

# the mark, then nothing but space before the end of the display, a row break or an \end{…}
_END_MARK = lazy(r"\\(?:blacksquare|square|Box|qed|QED)(?![a-zA-Z])(?=\s*(?:$|\\\\|\\end\s*\{))")


def blank_proof_marks(text: Text, span: Span) -> None:
    """Blank each end-of-proof mark that closes the display ``span`` or one of its rows."""
    body = text.slice(span.start, span.end)
    if "\\" not in body:
        return
    for match in _END_MARK.finditer(body):
        text.blank(span.start + match.start(), span.start + match.end())
