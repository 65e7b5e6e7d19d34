"""Reading a user's file: a regular file of UTF-8 text, at most a given number of characters.

Devices (``/dev/zero``, ``/dev/urandom``), FIFOs and folders are refused before they are opened
(opening a FIFO without a writer waits for ever); a longer file is refused after reading one
character more than the limit, so a 1 GB file costs no more than a file at the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from symsoft.errors import InputError


def shown(path: str | os.PathLike[str], limit: int = 120) -> str:
    """The path quoted for a one-line message, shortened in the middle if it is very long.

    >>> shown("notes.md")
    "'notes.md'"
    """
    text = os.fspath(path)
    if len(text) > limit:
        text = text[: limit // 2] + "…" + text[-limit // 2 :]
    return repr(text)


def read_text(path: str | os.PathLike[str], limit: int) -> str:
    """The text of ``path`` (UTF-8), or an :class:`~symsoft.errors.InputError` naming the path
    and the reason: missing, unreadable, not a regular file, not UTF-8, longer than ``limit``.

    >>> read_text("/dev/zero", 10)
    Traceback (most recent call last):
    ...
    symsoft.errors.InputError: cannot read '/dev/zero': not a regular file (a character device)
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {shown(path)}: {_reason(exc)}") from None
    if not stat.S_ISREG(mode):
        raise InputError(f"cannot read {shown(path)}: not a regular file ({_kind(mode)})")
    try:
        with Path(path).open("rb") as stream:  # UTF-8 has at most 4 bytes a character
            data = stream.read(4 * limit + 4)
    except OSError as exc:
        raise InputError(f"cannot read {shown(path)}: {_reason(exc)}") from None
    if len(data) > 4 * limit:
        raise InputError(f"{shown(path)} has more than {limit} characters; at most {limit}")
    if b"\0" in data[:8192]:
        raise InputError(f"cannot read {shown(path)}: a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(data) <= 4 * limit or exc.start < len(data) - 3:  # not a character cut at the end
            byte = data[exc.start]
            raise InputError(
                f"cannot read {shown(path)}: not UTF-8 text (byte {byte:#04x} at offset "
                f"{exc.start})"
            ) from None
        text = data[: exc.start].decode("utf-8")
    if len(text) > limit:
        raise InputError(f"{shown(path)} has more than {limit} characters; at most {limit}")
    text = text.removeprefix("\ufeff")  # a byte order mark (Windows editors) is no character
    return text.replace("\r\n", "\n")  # Windows line ends: '$$S_i = 1$$\r' ends a line too


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text ({exc.reason})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)  # ValueError: a NUL character in the path


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"  # pragma: no cover


def _is_path(source: str | Path) -> bool:
    if isinstance(source, Path):
        return True
    if "\n" in source or len(source) > 1024:
        return False
    if source.endswith((".md", ".markdown", ".tex", ".txt")):
        return True
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False


def load_document(source: str | Path, limit: int) -> tuple[str, str, bool]:
    """A document given as a path or as its text: the text, a name for messages, and whether
    it is LaTeX (else Markdown). A path is read by :func:`read_text`, bounded by ``limit``."""
    if _is_path(source):
        path = Path(source)
        text = read_text(path, limit)  # bounded: never a device or a 1 GB file
        suffix = path.suffix.lower()
        if suffix in (".ipynb", ".rst"):  # the Markdown the CLI reads: the cells, the math
            from symsoft.reading.documents.extracts import notebook_markdown, rst_markdown

            if suffix == ".ipynb":
                return notebook_markdown(text, str(path)).text, str(path), False
            return rst_markdown(text) + "\n", str(path), False
        if suffix in (".qmd", ".rmd"):  # Markdown whatever the text says
            return text + "\n", str(path), False
        latex = suffix == ".tex" or "\\documentclass" in text
        return text, str(path), latex
    assert isinstance(source, str)
    source = source.replace("\r\n", "\n")  # Windows line ends, as read_text does
    return source, "<text>", "\\documentclass" in source or "\\begin{document}" in source
