"""The Markdown that a notebook's cells and a reST file's math hold, for the reader: the text to
check and, for a notebook, where each of its lines comes from (cell, line, line of the file).
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass

from symsoft.errors import InputError
from symsoft.reading.lazy_regex import lazy


@dataclass(frozen=True)
class Extract:
    """Markdown for :func:`check_document` and where its lines come from in the notebook."""

    text: str
    cells: tuple[tuple[int, int], ...] = ()
    file_lines: tuple[int, ...] = ()


def notebook_markdown(raw: str, name: str = "<notebook>") -> Extract:
    """The Markdown cells of a notebook (its JSON text, read by nbformat) joined by blank
    lines, and each joined line's ``(cell, line)``; cells count from 1 over every cell.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"),
    ...     nbformat.v4.new_markdown_cell("Softmax:\\n$$S_i = 1$$")])
    >>> found = notebook_markdown(nbformat.writes(nb))
    >>> found.text
    'Softmax:\\n$$S_i = 1$$\\n'
    >>> found.cells
    ((2, 1), (2, 2), (2, 3))
    """
    import nbformat

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbformat warns about ids and minor versions
            notebook = nbformat.reads(raw, as_version=4)
        cells = list(notebook.cells)
        sources = [
            (number, cell.get("source", ""))
            for number, cell in enumerate(cells, start=1)
            if cell.get("cell_type") == "markdown"
        ]
    except Exception as exc:  # nbformat raises many types for a malformed notebook
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "JSON" in type(exc).__name__ or isinstance(exc, json.JSONDecodeError):
            reason = "not valid JSON"
        elif isinstance(exc, NameError | AttributeError | TypeError | KeyError | IndexError):
            # nbformat's own code breaking on a malformed cell: its message names its variables
            reason = "not a notebook nbformat can read (a cell or field of the wrong type)"
        raise InputError(f"cannot read notebook {name!r}: {reason}") from None
    for number, source in sources:
        if not isinstance(source, str):  # "source": 42 is no text: never read as the text "42"
            kind = {dict: "an object", list: "a list"}.get(type(source).__mro__[-2], "")
            kind = kind or (
                "a number" if isinstance(source, int | float) else type(source).__name__
            )
            raise InputError(
                f"cannot read notebook {name!r}: the source of cell {number} is not text ({kind})"
            )
    lines: list[str] = []
    cells_of: list[tuple[int, int]] = []
    file_lines: list[int] = []
    located = _json_lines(raw, [number for number, _ in sources], [s for _, s in sources])
    for (number, source), rows in zip(sources, located, strict=True):
        if lines:
            lines.append("")
            cells_of.append((number, 0))
            file_lines.append(0)
        for within, row in enumerate(source.split("\n"), start=1):
            lines.append(row)
            cells_of.append((number, within))
            file_lines.append(rows[within - 1] if within <= len(rows) else 0)
    text = "\n".join(lines) + "\n"
    cells_of.append((cells_of[-1][0], cells_of[-1][1] + 1) if cells_of else (0, 1))
    file_lines.append(0)
    return Extract(text, tuple(cells_of), tuple(file_lines))


_CELL_START = lazy(r'(?<!\\)"cell_type"\s*:')


def _json_lines(raw: str, numbers: list[int], sources: list[str]) -> list[list[int]]:
    """Best effort: the line of the ``.ipynb`` file that holds each line of each Markdown cell
    (nbformat writes one JSON string per source line), 0 where it cannot be found."""
    starts = [match.start() for match in _CELL_START.finditer(raw)]
    found: list[list[int]] = []
    for number, source in zip(numbers, sources, strict=True):
        rows = source.split("\n")
        if number > len(starts):
            found.append([0] * len(rows))
            continue
        pos = starts[number - 1]
        end = starts[number] if number < len(starts) else len(raw)
        located = []
        for index, row in enumerate(rows):
            piece = row + ("\n" if index < len(rows) - 1 else "")
            if not piece:
                located.append(0)
                continue
            hit = -1
            for literal in (json.dumps(piece, ensure_ascii=False), json.dumps(piece)):
                hit = raw.find(literal, pos, end)
                if hit >= 0:
                    break
            if hit < 0:
                located.append(0)
                continue
            located.append(raw.count("\n", 0, hit) + 1)
            pos = hit + 1
        found.append(located)
    return found


_RST_DIRECTIVE = lazy(r"^(\s*)(\.\.\s+([\w:-]+)::)(.*)$")
_RST_COMMENT = lazy(r"^\s*\.\.(\s|$)")
_RST_INLINE_MATH = lazy(r":math:`([^`\n]+)`")
_RST_OPTION = lazy(r"^\s*:[\w-]+:")
_RST_FENCE_LIKE = lazy(r"~{3,}[ \t]*|`{3,}[ \t]*")  # a section title's under- or overline
_CONTAINERS = frozenset(  # directives whose body is more reStructuredText (Sphinx, docutils)
    "note tip hint important warning caution attention danger error seealso admonition topic "
    "sidebar container proof prf:proof prf:theorem prf:lemma prf:example".split()
)


def rst_markdown(text: str) -> str:
    """reStructuredText as Markdown with the same lines: each ``.. math::`` block is a
    ``$$ … $$`` display on the same lines and columns (blank lines inside it separate
    displays, as in Sphinx), ``:math:`x``` is ``$x$``, other directives, comments and
    literal blocks are blank.

    >>> rst_markdown("Hence\\n\\n.. math::\\n\\n   S_i = 1\\n\\nDone.\\n")
    'Hence\\n\\n$$       \\n\\n   S_i = 1 $$\\n\\nDone.\\n'
    """
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    literal, paragraph = False, 0  # a paragraph ending in '::' announces a literal block
    while index < len(lines):
        line = lines[index]
        directive = _RST_DIRECTIVE.match(line)
        if directive is not None or _RST_COMMENT.match(line):
            end = _block_end(lines, index + 1, _indent(line))
            if directive is not None and directive.group(3) == "math":
                out.extend(_math_block(directive, lines[index + 1 : end]))
            elif directive is not None and directive.group(3) in _CONTAINERS:
                # ".. note::" holds paragraphs and math of its own: only its head is blank
                out.append(" " * len(line))
                index += 1
                while index < end and _RST_OPTION.match(lines[index]):
                    out.append(" " * len(lines[index]))
                    index += 1
                continue
            else:
                out.extend(" " * len(row) for row in lines[index:end])
            index, literal = end, False
            continue
        if literal and line.strip() and _indent(line) > paragraph:
            end = _block_end(lines, index, paragraph)
            out.extend(" " * len(row) for row in lines[index:end])
            index, literal = end, False
            continue
        if _RST_FENCE_LIKE.fullmatch(line):  # a title's ~~~~ or ```` rule, no code fence
            out.append(line.replace("~", "-").replace("`", "-"))
            index += 1
            continue
        if line.strip():
            literal, paragraph = line.rstrip().endswith("::"), _indent(line)
        out.append(_RST_INLINE_MATH.sub(lambda m: "      $" + m.group(1) + "$", line))
        index += 1
    return "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The end of the block indented more than ``indent`` from ``start`` (blank lines
    inside it belong to it, trailing ones do not)."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _math_block(directive: re.Match[str], body: list[str]) -> list[str]:
    """``.. math:: A`` and its indented body as ``$$`` displays, lines and columns kept:
    the directive's own line opens the first display, the blank line before each later one
    opens it, and ``$$`` after the last line of each closes it."""
    marker = directive.group(2)
    rows = [directive.group(1) + "$$" + " " * (len(marker) - 2) + directive.group(4)]
    rows += [" " * len(row) if _RST_OPTION.match(row) else row for row in body]
    content = [i for i, row in enumerate(rows) if row.strip() and (i or directive.group(4).strip())]
    if not content:
        return [" " * len(row) for row in rows]
    for number, i in enumerate(content):
        last = number + 1 == len(content) or content[number + 1] > i + 1
        first = number == 0 or content[number - 1] < i - 1
        if first and number > 0:
            rows[i - 1] = " " * _indent(rows[i]) + "$$"
        if last:
            rows[i] += " $$"
    return rows


# ---------------------------------------------------------------- checking one file
