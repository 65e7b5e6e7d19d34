"""A bug of the reader on one file is one line naming the file and a non-zero exit code, never a
traceback; the other files are still checked."""

from __future__ import annotations

from symsoft import cli
from symsoft.reading import document


def test_an_internal_error_is_one_line_and_a_non_zero_exit(tmp_path, monkeypatch, capsys):
    bad, good = tmp_path / "bad.md", tmp_path / "good.md"
    bad.write_text("$$p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\nboom\n", encoding="utf-8")
    good.write_text("$$\\frac{d}{dx} x^2 = 2x$$\n", encoding="utf-8")
    real = document.check_document

    def failing(source, *args, **kwargs):
        if "boom" in str(source) or (hasattr(source, "read_text") and "boom" in source.read_text()):
            raise AssertionError  # stands for a bug of the reader
        return real(source, *args, **kwargs)

    monkeypatch.setattr(document, "check_document", failing)
    code = cli.main(["check", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert code == 2  # as for a file that cannot be read
    assert err.strip() == (
        f"error: cannot check {str(bad)!r}: internal error (AssertionError); please report it"
    )
    assert "good.md:1: step 1 of display 1 holds" in out  # the other file is still checked
    assert "Traceback" not in out + err
