"""symsoft in Jupyter: results display as annotated HTML, and a ``%%symsoft`` cell magic.

``%load_ext symsoft`` registers the magic; a cell that starts with ``%%symsoft`` is checked as
a document (its ``$$ … $$``, ``\\[ … \\]``, ``align`` …, or the whole cell as one display when
it has none) and shows every step with ✓ / ✗ and its counterexample::

    %%symsoft --n 4
    \\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} - S_j) = S_i(1 - S_j)

Options as for ``symsoft check``: ``--n N`` and ``--define 'S_i = …'`` (repeatable).
IPython is imported only by the magic; nothing here runs at ``import symsoft``.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from symsoft.render.notebook import claim_html, document_html

if TYPE_CHECKING:
    from symsoft.reading.judge.outcome import DocumentResult

__all__ = ["check_cell", "claim_html", "document_html", "load_ipython_extension", "symsoft_cell"]

_DISPLAY = re.compile(
    r"(?<!\\)\$\$|(?<!\\)\\\[|\\begin\s*\{\s*(?:equation|align|gather|multline|flalign"
    r"|eqnarray|displaymath)\*?\s*\}"
)


def check_cell(cell: str, n: int | None = None, define: tuple[str, ...] = ()) -> DocumentResult:
    """Check the LaTeX of a notebook cell: its displays, or the whole cell as one display;
    lines are the cell's own.  A cell is written in symsoft's notation, as a claim is: the
    standard meanings (``S = softmax(a)``, ``p = softmax(o)``, ``L``) count as stated.

    >>> check_cell(r"\\frac{\\partial S_i}{\\partial a_i} = S_i(1 - S_i)").summary
    '1 step: 1 hold, 0 fail'
    """
    from symsoft.reading.document import check_document

    if _DISPLAY.search(cell):
        result = check_document(cell.rstrip("\n") + "\n", n=n, define=define, conventions=True)
        return replace(result, source="cell")
    text = "$$\n" + cell.strip("\n") + "\n$$\n"
    result = check_document(text, n=n, define=define, conventions=True)
    steps = tuple(replace(step, line=max(step.line - 1, 1)) for step in result.steps)
    return replace(result, source="cell", steps=steps)


def _options(line: str) -> tuple[int | None, tuple[str, ...]]:
    from IPython.core.error import UsageError

    words = shlex.split(line)
    n: int | None = None
    define: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("--n", "--define") and index + 1 < len(words):
            value = words[index + 1]
            if word == "--define":
                define.append(value)
            elif value != "all":
                if not value.isdigit() or not 1 <= int(value) <= 64:
                    raise UsageError(f"%%symsoft --n: expected 1 to 64 or 'all', got {value!r}")
                n = int(value)
            index += 2
            continue
        raise UsageError(f"%%symsoft: unknown option {word!r} (use --n N, --define 'S_i = …')")
    return n, tuple(define)


def symsoft_cell(line: str, cell: str) -> DocumentResult:
    """The ``%%symsoft`` cell magic: check the cell, return the result (shown as HTML)."""
    from IPython.core.error import UsageError

    from symsoft.errors import SymsoftError

    n, define = _options(line)
    try:
        return check_cell(cell, n=n, define=define)
    except SymsoftError as exc:
        raise UsageError(f"symsoft: {exc}") from None


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext symsoft``: register the ``%%symsoft`` cell magic."""
    ipython.register_magic_function(symsoft_cell, magic_kind="cell", magic_name="symsoft")
