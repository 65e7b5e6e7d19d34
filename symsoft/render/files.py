"""Report files: every format written or none (temporaries beside the targets, renamed only
once all are on the disk), temporaries of killed writers cleaned up, and the PDF built by TeX
in a sandboxed temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

from symsoft.errors import ReportError

__all__ = ["LATEX_TIMEOUT", "TEX_INSTALL_HINT", "build_pdf", "tex_engine", "write_files"]

TEX_INSTALL_HINT = "apt-get install latexmk texlive-latex-base texlive-latex-recommended lmodern"
LATEX_TIMEOUT = 300.0


def _target_directory(directory: Path) -> Path:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ReportError(f"cannot write the report to '{directory}': not a directory") from exc
    except NotADirectoryError as exc:
        raise ReportError(
            f"cannot write the report to '{directory}': a file stands where a folder should be"
        ) from exc
    except OSError as exc:
        raise ReportError(f"cannot write the report to '{directory}': {exc.strerror}") from exc
    if not directory.is_dir():
        raise ReportError(f"cannot write the report to '{directory}': not a directory")
    return directory


_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{12}\.tmp$")
"""symsoft's own temporary report files: ``.{name}.{pid}-{random}.tmp``."""


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _remove_stale(directory: Path, names: Iterable[str]) -> None:
    """Remove temporaries of ``names`` left by a symsoft process that no longer runs (killed
    while writing); a live writer's temporaries are left alone."""
    wanted = set(names)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match and match["name"] in wanted and not _alive(int(match["pid"])):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _write_temporary(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to the disk."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ReportError(f"cannot write '{path}': {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, ReportError):
            raise ReportError(f"cannot write '{path}': {exc.strerror or exc}") from exc
        raise
    return temporary


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file or none: all are written to temporaries first, and renamed over their
    targets only once all of them are on the disk."""
    written: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            written[path] = _write_temporary(path, data)
        for path, temporary in written.items():
            os.replace(temporary, path)
    except BaseException as exc:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, ReportError):
            raise ReportError(f"cannot write the report: {exc.strerror or exc}") from exc
        raise


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    _write_all({path: data})


def _latex_error(log: str) -> str:
    """The first TeX error of a log, on one line."""
    for line in log.splitlines():
        if line.startswith("!") or re.match(r"^[^:\s]+:\d+: ", line):
            return line.strip()
    return "see the LaTeX log"


def tex_engine() -> str | None:
    """What is missing to build a PDF (``"latexmk"`` or ``"pdflatex"``), or None when both are
    on PATH."""
    for program in ("latexmk", "pdflatex"):
        if shutil.which(program) is None:
            return program
    return None


def _remove_stale_tex_folders() -> None:
    """Remove ``symsoft-tex-{pid}-…`` folders of symsoft processes that no longer run, once
    older than a LaTeX run may take (the temp folder may be shared beyond this PID space)."""
    import time

    root = Path(tempfile.gettempdir())
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for entry in entries:
        match = re.match(r"^symsoft-tex-(\d+)-", entry.name)
        if not match or _alive(int(match[1])) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            old = entry.stat(follow_symlinks=False).st_mtime < time.time() - LATEX_TIMEOUT
        except OSError:
            continue
        if old:
            shutil.rmtree(entry.path, ignore_errors=True)


def build_pdf(tex: str) -> bytes:
    """Compile the LaTeX document ``tex`` with ``latexmk -pdf`` in a temporary folder.

    TeX may read and write only inside that folder (``openin_any=p``, ``openout_any=p``),
    never runs shell commands, never waits for input, and dates the PDF 1970-01-01 so that
    the bytes depend on ``tex`` alone.

    >>> build_pdf(r"\\documentclass{article}\\begin{document}x\\end{document}")[:5]
    b'%PDF-'
    """
    missing = tex_engine()
    latexmk = shutil.which("latexmk")
    if missing is not None or latexmk is None:
        raise ReportError(f"cannot build the PDF: {missing} is not on PATH; {TEX_INSTALL_HINT}")
    env = {
        **os.environ,
        "openin_any": "p",
        "openout_any": "p",
        "shell_escape": "f",
        "SOURCE_DATE_EPOCH": "0",
        "FORCE_SOURCE_DATE": "1",
        "max_print_line": "1000",
    }
    _remove_stale_tex_folders()
    with tempfile.TemporaryDirectory(prefix=f"symsoft-tex-{os.getpid()}-") as workdir:
        source = Path(workdir, "report.tex")
        source.write_text(tex, encoding="utf-8")
        command = [
            latexmk,
            "-norc",
            "-pdf",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "-file-line-error",
            "-no-shell-escape",
            "report.tex",
        ]
        try:
            completed = subprocess.run(
                command,
                cwd=workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=LATEX_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ReportError(f"LaTeX did not finish within {LATEX_TIMEOUT:.0f} s") from exc
        pdf = Path(workdir, "report.pdf")
        log = Path(workdir, "report.log")
        if completed.returncode != 0 or not pdf.is_file():
            text = log.read_text(errors="replace") if log.is_file() else completed.stdout
            raise ReportError(f"LaTeX failed: {_latex_error(text)}")
        data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise ReportError("LaTeX produced a file that is not a PDF")
    return data


def write_files(directory: Path, stem: str, contents: dict[str, bytes]) -> list[Path]:
    """Write ``directory/stem.{format}`` for each ready-made content: all of them or none
    (each to a temporary first, renamed only when all are written)."""
    target = _target_directory(directory)
    files = {target / f"{stem}.{fmt}": data for fmt, data in contents.items()}
    _remove_stale(target, (path.name for path in files))
    _write_all(files)
    return list(files)
