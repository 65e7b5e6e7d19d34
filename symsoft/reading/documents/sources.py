"""Where derivations live: files and folders, Jupyter notebooks, Quarto, R Markdown and
reStructuredText, turned into the Markdown or LaTeX that :func:`check_document` reads.

``find_documents(paths)`` walks folders (skipping hidden entries and, in a git work tree,
what ``.gitignore`` ignores) and reports what it cannot walk (a symlink loop) instead of
failing.  ``check_file(path)`` extracts the mathematics of one file and checks it:

- ``.md``, ``.markdown``, ``.qmd``, ``.Rmd`` as Markdown (their code chunks are fenced code),
  ``.tex`` as LaTeX, through :func:`check_document` itself;
- ``.ipynb``: the Markdown cells, read with nbformat, joined by blank lines; every line of the
  joined text knows its cell and its line in the cell (``notebook.ipynb:cell 7:line 3``);
- ``.rst``: ``.. math::`` blocks become ``$$ … $$`` on the same lines and columns, ``:math:`x```
  becomes ``$x$``, other directives and literal blocks are blanked.

A file that cannot be read gives a :class:`FileCheck` with an ``error`` and no result: one bad
file never stops the others.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from symsoft.errors import InputError, SymsoftError
from symsoft.reading.document import MAX_DOCUMENT_CHARS
from symsoft.reading.judge.outcome import DocumentResult, StepResult
from symsoft.reading.lazy_regex import lazy

SUFFIXES = (".md", ".markdown", ".tex", ".ipynb", ".qmd", ".rmd", ".rst")
"""The documents a folder is searched for (compared in lower case)."""


@dataclass(frozen=True)
class Problem:
    """A path that could not be walked or read, and why (one line for the user)."""

    source: str
    message: str


@dataclass(frozen=True)
class Found:
    """What the paths given on the command line contain: documents to check, and problems."""

    documents: tuple[Path, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class FileCheck:
    """One file: the checked document, or why it could not be checked.

    For a notebook, ``cells[line - 1]`` is the ``(cell, line in the cell)`` of a line of the
    checked text and ``file_lines[line - 1]`` its line in the ``.ipynb`` file (0 when unknown).
    """

    source: str
    result: DocumentResult | None
    error: str | None = None
    cells: tuple[tuple[int, int], ...] = ()
    file_lines: tuple[int, ...] = ()

    @property
    def flagged(self) -> tuple[StepResult, ...]:
        return () if self.result is None else self.result.flagged

    def where(self, step: StepResult) -> str:
        """``notes.md:12`` or ``notebook.ipynb:cell 7:line 3``."""
        return f"{self.source}:{self._place(step.line)}"

    def file_line(self, step: StepResult) -> int | None:
        """The line in the file itself (for a notebook, the line of its JSON), if known."""
        if not self.cells:
            return step.line
        if 0 < step.line <= len(self.file_lines) and self.file_lines[step.line - 1]:
            return self.file_lines[step.line - 1]
        return None

    def message(self, step: StepResult) -> str:
        """The compiler-style line of one step, with this file's positions."""
        text = step.message("")
        prefix = f"{step.line}: "
        if text.startswith(prefix):
            text = text[len(prefix) :]
        if self.cells:  # "(line 40, column 3)" in a reason: a line of the joined cells
            text = re.sub(
                r"\(line (\d+), column",
                lambda m: f"({self._place(int(m.group(1)))}, column",
                text,
            )
        return f"{self.where(step)}: {text}"

    def lines(self) -> list[str]:
        """One line per step, then the summary, as ``symsoft check`` prints one file."""
        if self.result is None:
            return []
        return [self.message(step) for step in self.result.steps] + [self.result.summary]

    def to_dict(self) -> dict:
        """The JSON of :meth:`DocumentResult.to_json`, plus ``cell`` and ``cell_line`` per
        step of a notebook; or ``source`` and ``error``."""
        if self.result is None:
            return {"source": self.source, "error": self.error, "exit_code": 2}
        data = json.loads(self.result.to_json())
        if self.cells:
            for step, raw in zip(self.result.steps, data["steps"], strict=True):
                raw["cell"], raw["cell_line"] = self._cell(step.line)
        return data

    def _cell(self, line: int) -> tuple[int, int]:
        return self.cells[line - 1] if 0 < line <= len(self.cells) else (0, line)

    def _place(self, line: int) -> str:
        if not self.cells:
            return str(line)
        cell, within = self._cell(line)
        return f"cell {cell}:line {within}"


# ---------------------------------------------------------------- finding documents


def find_documents(paths: Iterable[str | Path]) -> Found:
    """The documents named by ``paths``: a file is taken as it is (whatever its suffix), a
    folder is searched recursively for :data:`SUFFIXES`, skipping hidden entries and what git
    ignores.  Each document once, in the order given (folders sorted by name)."""
    documents: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def take(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            documents.append(path)

    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                ignored = _ignored(path)
                for found in _walk(path, path, ignored, problems, (os.path.realpath(path),)):
                    take(found)
                continue
            path.stat()
        except OSError as exc:
            problems.append(Problem(str(path), _os_reason(exc)))
            continue
        if path.is_file():
            take(path)
        else:
            problems.append(Problem(str(path), f"not a regular file ({_kind(path)})"))
    return Found(tuple(documents), tuple(problems))


def _walk(
    folder: Path,
    top: Path,
    ignored: set[str],
    problems: list[Problem],
    ancestors: tuple[str, ...],
) -> Iterable[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(Problem(str(folder), _os_reason(exc)))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        relative = path.relative_to(top).as_posix()
        try:
            is_dir = entry.is_dir()  # follows symlinks
            if is_dir:
                if relative + "/" in ignored:
                    continue
                real = os.path.realpath(path)
                here = os.path.realpath(folder)
                if real in ancestors or here.startswith(real.rstrip(os.sep) + os.sep):
                    problems.append(
                        Problem(
                            str(path),
                            "symlink loop: it leads back to a folder above it; not followed",
                        )
                    )
                    continue
                yield from _walk(path, top, ignored, problems, (*ancestors, real))
                continue
            if path.suffix.lower() not in SUFFIXES or relative in ignored:
                continue
            path.stat()  # a broken or looping link fails here
        except OSError as exc:
            problems.append(Problem(str(path), _os_reason(exc)))
            continue
        if entry.is_file():
            yield path


def _ignored(folder: Path) -> set[str]:
    """What git ignores under ``folder`` (paths relative to it; folders end with ``/``); empty
    outside a git work tree or without git."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            cwd=folder,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode != 0:
        return set()
    return {name for name in done.stdout.decode("utf-8", "replace").split("\0") if name}


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop: the link never reaches a file"
    if exc.errno == errno.ENOENT:
        link = exc.filename is not None and os.path.islink(exc.filename)
        return "a broken symlink" if link else "no such file"
    return exc.strerror or str(exc)


# ---------------------------------------------------------------- reading one file


def _kind(path: Path) -> str:

    from symsoft.reading.documents.files import _kind as kind

    try:
        return kind(path.stat().st_mode)
    except OSError:
        return "not a file"


def read_text(path: Path) -> str:
    """The file as UTF-8 text; :class:`InputError` for a binary file, a non-UTF-8 one, a device
    or FIFO, an OS error, or a file over the limit, quoting the path."""
    from symsoft.reading.documents import files

    return files.read_text(path, MAX_DOCUMENT_CHARS).removeprefix("\ufeff")


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
            else:
                out.extend(" " * len(row) for row in lines[index:end])
            index, literal = end, False
            continue
        if literal and line.strip() and _indent(line) > paragraph:
            end = _block_end(lines, index, paragraph)
            out.extend(" " * len(row) for row in lines[index:end])
            index, literal = end, False
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


def check_file(
    path: Path,
    n: int | None = None,
    define: tuple[str, ...] | list[str] = (),
    timeout: float | None = None,
) -> FileCheck:
    """Read and check one document; a file that cannot be read or checked gives ``error``
    (the message quotes the path), never an exception.  ``timeout``: seconds for judging it
    (default :data:`~symsoft.reading.document.DEFAULT_SECONDS`)."""
    from functools import partial

    from symsoft.reading import document

    check_document = partial(document.check_document, timeout=timeout or document.DEFAULT_SECONDS)

    name = str(path)
    try:
        text = read_text(path)
        suffix = path.suffix.lower()
        if suffix == ".ipynb":
            extract = notebook_markdown(text, name)
            result = replace(check_document(extract.text, n=n, define=define), source=name)
            return FileCheck(name, result, cells=extract.cells, file_lines=extract.file_lines)
        if suffix == ".rst":
            result = check_document(rst_markdown(text) + "\n", n=n, define=define)
            return FileCheck(name, replace(result, source=name))
        if suffix in (".qmd", ".rmd"):  # Markdown whatever the text says
            result = check_document(text + "\n", n=n, define=define)
            return FileCheck(name, replace(result, source=name))
        return FileCheck(name, check_document(path, n=n, define=define))
    except SymsoftError as exc:
        return FileCheck(name, None, error=str(exc))
    except RecursionError:
        return FileCheck(name, None, error=f"cannot check {name!r}: nested too deeply")
    except Exception as exc:  # a bug of the reader: one line naming it, never a traceback
        kind = type(exc).__name__
        return FileCheck(
            name, None, error=f"cannot check {name!r}: internal error ({kind}); please report it"
        )
