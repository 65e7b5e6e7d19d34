"""Writing report files: the chosen formats, all or nothing, unusable folders, missing TeX
(symsoft/render/files.py and write_report)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from symsoft.errors import InputError, SymsoftError
from symsoft.render import report
from symsoft.render.report import ReportError, render, write_report
from symsoft.results import (
    Run,
)


def test_write_report_writes_the_chosen_formats(tmp_path: Path, report_proved_run: Run) -> None:
    paths = write_report(report_proved_run, tmp_path / "new" / "folder", formats=("html", "tex"))
    assert [p.name for p in paths] == ["softmax-n4.html", "softmax-n4.tex"]
    assert paths[0].read_text(encoding="utf-8") == render(report_proved_run, "html")
    assert paths[1].read_text(encoding="utf-8") == render(report_proved_run, "tex")
    assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(p.name for p in paths)


def test_write_report_custom_stem_and_repeated_formats(
    tmp_path: Path, report_proved_run: Run
) -> None:
    paths = write_report(report_proved_run, str(tmp_path), formats=("tex", "tex"), stem="proof")
    assert paths == [tmp_path / "proof.tex"]


@pytest.mark.parametrize("stem", ["", ".", "..", "a/b", "a\0b"])
def test_write_report_rejects_a_stem_with_a_folder(
    stem: str, tmp_path: Path, report_proved_run: Run
) -> None:
    with pytest.raises(InputError, match="invalid report name"):
        write_report(report_proved_run, tmp_path, formats=("tex",), stem=stem)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("formats", [("docx",), (), "pdfx"])
def test_write_report_rejects_unknown_formats(
    formats, tmp_path: Path, report_proved_run: Run
) -> None:
    with pytest.raises(InputError):
        write_report(report_proved_run, tmp_path, formats=formats)


def test_failed_render_leaves_earlier_report_untouched(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "softmax-n4.tex"
    earlier.write_text("earlier report", encoding="utf-8")
    real_render = report.render

    def render_tex_then_fail(run: Run, fmt: str) -> str:
        if fmt == "html":
            raise RuntimeError("renderer crashed")
        return real_render(run, fmt)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "render", render_tex_then_fail)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_report(report_proved_run, tmp_path, formats=("tex", "html"))
    assert earlier.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["softmax-n4.tex"]


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "softmax-n4.html"
    earlier.write_text("earlier report", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ReportError, match=r"cannot write '.*softmax-n4.html': No space left"):
        write_report(report_proved_run, tmp_path, formats=("html",))
    assert earlier.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["softmax-n4.html"]


def test_a_file_where_the_folder_should_be(tmp_path: Path, report_proved_run: Run) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder", encoding="utf-8")
    for directory in (blocker, blocker / "inner"):
        with pytest.raises(ReportError) as caught:
            write_report(report_proved_run, directory, formats=("tex",))
        message = str(caught.value)
        assert f"'{directory}'" in message and "\n" not in message
        assert isinstance(caught.value, SymsoftError) and isinstance(caught.value, OSError)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_unwritable_folder(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReportError, match=r"cannot write '.*softmax-n4.tex': Permission denied"):
        write_report(report_proved_run, tmp_path, formats=("tex",))
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path: Path, report_proved_run: Run) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="Permission denied"):
            write_report(report_proved_run, tmp_path / "sub", formats=("tex",))
    finally:
        tmp_path.chmod(0o700)


def test_written_files_follow_the_umask(tmp_path: Path, report_proved_run: Run) -> None:
    old = os.umask(0o022)
    try:
        (path,) = write_report(report_proved_run, tmp_path, formats=("tex",))
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_missing_latexmk_says_what_to_install(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    with pytest.raises(ReportError) as caught:
        write_report(report_proved_run, tmp_path, formats=("tex", "pdf"))
    message = str(caught.value)
    assert "latexmk is not on PATH" in message and "\n" not in message
    assert "apt-get install latexmk texlive-latex-base texlive-latex-recommended lmodern" in message
    assert not list(tmp_path.iterdir())  # not even the .tex: all or nothing
