"""Finding derivations where they live: folders (hidden entries, .gitignore, symlink loops),
notebooks written with nbformat, reStructuredText, Quarto; bad files each one clear error."""

from __future__ import annotations

import os
import shutil
import subprocess

import nbformat
import pytest

from symsoft.reading.documents.sources import (
    check_file,
    find_documents,
    notebook_markdown,
    rst_markdown,
)

GOOD = (
    "The diagonal of the softmax Jacobian:\n\n$$\n"
    "\\frac{\\partial S_i}{\\partial a_i} = S_i(1 - S_i)\n$$\n"
)
BAD = (
    "A softmax of $a_i$ and a dropped delta:\n\n$$\n"
    "\\frac{\\partial S_i}{\\partial a_j} = S_i(1 - S_j)\n$$\n"
)


def notebook(*cells: tuple[str, str]) -> str:
    v4 = nbformat.v4
    made = [v4.new_markdown_cell(s) if kind == "md" else v4.new_code_cell(s) for kind, s in cells]
    return nbformat.writes(v4.new_notebook(cells=made))


@pytest.fixture
def tree(tmp_path):
    """A git work tree with documents, hidden and ignored ones, a binary file, a bad notebook
    and two kinds of symlink loop."""
    root = tmp_path / "repo"
    (root / "docs" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "build").mkdir()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / ".gitignore").write_text("build/\nscratch.md\n")
    (root / "docs" / "good.md").write_text(GOOD)
    (root / "docs" / "deep" / "bad.qmd").write_text("---\ntitle: x\n---\n" + BAD)
    (root / "docs" / "scratch.md").write_text(BAD)  # ignored by .gitignore
    (root / "docs" / ".draft.md").write_text(BAD)  # hidden file
    (root / ".hidden" / "bad.md").write_text(BAD)  # hidden folder
    (root / "build" / "bad.md").write_text(BAD)  # ignored folder
    (root / "docs" / "notes.txt").write_text(BAD)  # not a document suffix
    (root / "docs" / "logo.png").write_bytes(bytes(range(256)))  # binary, not a document
    (root / "docs" / "blob.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")  # binary "document"
    (root / "docs" / "broken.ipynb").write_text("{ this is not JSON")
    (root / "docs" / "lesson.ipynb").write_text(notebook(("md", GOOD), ("code", "x = 1")))
    os.symlink("loop.md", root / "docs" / "loop.md")
    os.symlink("..", root / "docs" / "deep" / "up")
    return root


def test_a_folder_skips_hidden_and_ignored_entries_and_reports_loops(tree):
    found = find_documents([tree])
    names = [p.relative_to(tree).as_posix() for p in found.documents]
    assert names == [
        "docs/blob.md",
        "docs/broken.ipynb",
        "docs/deep/bad.qmd",
        "docs/good.md",
        "docs/lesson.ipynb",
    ]
    problems = {os.path.relpath(p.source, tree): p.message for p in found.problems}
    assert problems["docs/loop.md"].startswith("symlink loop")
    assert problems["docs/deep/up"].startswith("symlink loop")


def test_without_git_nothing_is_ignored_but_hidden_entries_are(tree):
    shutil.rmtree(tree / ".git")
    names = {p.relative_to(tree).as_posix() for p in find_documents([tree]).documents}
    assert {"build/bad.md", "docs/scratch.md"} <= names
    assert not any(name.startswith(".") or "/." in name for name in names)


def test_a_file_named_explicitly_is_checked_even_if_ignored(tree):
    found = find_documents([tree / "docs" / "scratch.md", tree / "docs" / "scratch.md"])
    assert found.documents == (tree / "docs" / "scratch.md",) and not found.problems


def test_missing_path_is_a_problem_not_an_exception(tmp_path):
    found = find_documents([tmp_path / "nowhere.md"])
    assert not found.documents and found.problems[0].message == "no such file"


def test_bad_files_give_one_clear_error_each(tree):
    blob = check_file(tree / "docs" / "blob.md")
    assert (
        blob.result is None
        and blob.error == f"cannot read {str(tree / 'docs' / 'blob.md')!r}: a binary file, not text"
    )
    broken = check_file(tree / "docs" / "broken.ipynb")
    assert broken.result is None and "not valid JSON" in broken.error
    # a cell whose source is a number: nbformat's own code breaks, its message is not shown
    odd = tree / "odd.ipynb"
    odd.write_text('{"cells": [{"cell_type": "markdown", "source": 5}]}')
    assert check_file(odd).error.endswith("a cell or field of the wrong type)")
    latin = tree / "latin.md"
    latin.write_bytes("caf\xe9 $$S_i = 1$$".encode("latin-1"))
    assert "not UTF-8 text (byte 0xe9 at offset 3)" in check_file(latin).error


def test_a_notebook_is_read_with_nbformat_and_positioned_by_cell(tmp_path):
    path = tmp_path / "lesson.ipynb"
    path.write_text(
        notebook(("md", "# Title"), ("code", "y = '$$a = b$$'"), ("md", BAD), ("md", GOOD))
    )
    checked = check_file(path)
    assert checked.result is not None and checked.result.source == str(path)
    steps = checked.result.steps
    assert [s.status for s in steps] == ["holds only", "holds"]
    assert checked.where(steps[0]) == f"{path}:cell 3:line 4"
    assert checked.where(steps[1]) == f"{path}:cell 4:line 4"
    assert checked.message(steps[0]).startswith(f"{path}:cell 3:line 4: step 1 of display 1 ")
    # the line of the .ipynb file that holds the step, for annotations on the diff
    raw = path.read_text().splitlines()
    assert "S_i(1 - S_j)" in raw[checked.file_line(steps[0]) - 1]
    assert "S_i(1 - S_i)" in raw[checked.file_line(steps[1]) - 1]
    data = checked.to_dict()
    assert (data["steps"][0]["cell"], data["steps"][0]["cell_line"]) == (3, 4)


def test_code_cells_are_not_read():
    extract = notebook_markdown(notebook(("code", "$$ S_i = 2 $$"), ("md", "text")))
    assert extract.text == "text\n" and extract.cells[0] == (2, 1)


def test_a_cell_with_latex_the_grammar_cannot_read_is_one_step_not_checked(tmp_path):
    path = tmp_path / "odd.ipynb"
    path.write_text(
        notebook(("md", "$$\\frac{\\partial S_i}{\\partial a_j} = \\frac{1}{$$"), ("md", GOOD))
    )
    steps = check_file(path).result.steps
    assert steps[0].status == "not checked" and steps[1].status == "holds"


def test_rst_math_blocks_keep_their_lines_and_columns():
    text = (
        "Title\n=====\n\nSoftmax :math:`Z = \\sum_k e^{a_k}`.\n\n.. math::\n   :label: one\n\n"
        "   a = b\n\n   c = d\n\nCode::\n\n    $$ x = y $$\n\n.. code-block:: python\n\n"
        "   s = '$$ u = v $$'\n\n.. math:: e = f\n"
    )
    out = rst_markdown(text)
    rows, lines = out.split("\n"), text.split("\n")
    assert len(rows) == len(lines)
    assert rows[3] == "Softmax       $Z = \\sum_k e^{a_k}$."
    assert rows[8] == "   a = b $$" and rows[9] == "   $$" and rows[10] == "   c = d $$"
    assert rows[5].startswith("$$") and not rows[6].strip()
    assert "x = y" not in out and "u = v" not in out
    assert rows[-2] == "$$        e = f $$"


def test_rst_document_is_checked(tmp_path):
    path = tmp_path / "derivation.rst"
    path.write_text(
        "Derivation of the softmax of a_i\n==========\n\n.. math::\n\n"
        "   \\frac{\\partial S_i}{\\partial a_j} = S_i(1 - S_j)\n"
    )
    (step,) = check_file(path).result.steps
    assert (step.line, step.status) == (6, "holds only")
    assert step.column == path.read_text().splitlines()[5].index("=") + 1
