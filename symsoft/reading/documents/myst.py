"""MyST directives (Jupyter Book, Sphinx): a fenced block whose info string is ``{name}``.

```` ```{admonition} Some Derivatives Tips ```` or ```` ```{prf:proof} ```` holds Markdown
prose and mathematics, not code: its opening line and its options (``:class: note``, ``:label:
…``) are layout, its content is read as the rest of the post.  A directive of code
(``{code-cell}``, ``{code-block}``, ``{literalinclude}``, ``{eval-rst}``, ``{raw}``, …) stays
code.
"""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

_DIRECTIVE = lazy(r"\{\s*([A-Za-z][\w:-]*)\s*\}")
_CODE = frozenset(
    "code code-block code-cell sourcecode literalinclude eval-rst raw mermaid graphviz "
    "jupyter-execute ipython toctree csv-table list-table glue glue:figure bibliography".split()
)
_OPTION = lazy(r"[ \t]*:[\w-]+:[^\n]*\n")


def prose_directive(source: str, info: str, after: int) -> int | None:
    """Where the content of a directive of prose starts (after its options), its info string
    ``info`` and its opening line ending at ``after``; None for code and for any other fence."""
    found = _DIRECTIVE.match(info.strip())
    if found is None or found.group(1).lower() in _CODE or found.group(1).lower() == "math":
        return None
    pos = min(after + 1, len(source))
    while option := _OPTION.match(source, pos):
        pos = option.end()
    return pos
