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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from symsoft.errors import SymsoftError
from symsoft.reading.document import MAX_DOCUMENT_CHARS
from symsoft.reading.documents.extracts import notebook_markdown, rst_markdown
from symsoft.reading.judge.outcome import DocumentResult, StepResult

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
