"""What a document tells the grammar before its math is read: the letters it counts with
(``\\frac{1}{m}``), differentiates by or gives a computed value (``m = \\max_k z_k``), its
macros, its own softmax.  The same text reads differently in two documents, so a cache of what a
text reads as must be keyed on this too (one document's reading never leaks into the next)."""

from __future__ import annotations

from collections.abc import Hashable


def parse_context() -> Hashable:
    """A hashable fingerprint of every setting the grammar reads while it parses."""
    from symsoft.reading.documents.counts import COUNTED, SAMPLES_APART, VARIABLES  # (no cycle)
    from symsoft.reading.documents.layers import LAYERED
    from symsoft.reading.documents.macros import DOCUMENT_MACROS
    from symsoft.reading.documents.sample_losses import SUMMED_APART
    from symsoft.reading.grammar.builder import OWN_LSE, OWN_SOFTMAX, SIGMA_SOFTMAX

    macros = DOCUMENT_MACROS.get()
    return (
        COUNTED.get(),
        VARIABLES.get(),
        SAMPLES_APART.get(),
        LAYERED.get(),
        SUMMED_APART.get(),
        OWN_SOFTMAX.get(),
        OWN_LSE.get(),
        SIGMA_SOFTMAX.get(),
        tuple(sorted(macros.items())) if macros else None,
    )
