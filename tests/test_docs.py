"""The manuals under docs/ tell the truth: their Python examples run and their links lead somewhere.

The README's own examples are run by test_readme.py; these are the ones that moved to docs/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [ROOT / "README.md", *DOCS]

EXAMPLES = [
    pytest.param(
        code,
        id=f"{path.name}-{number + 1}",
        # an example that writes a report builds its PDF with TeX
        marks=[pytest.mark.slow] if re.search(r"\b(write_report|build_pdf)\(", code) else [],
    )
    for path in DOCS
    for number, code in enumerate(
        re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)
    )
]

LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown page."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    headings = re.findall(r"^#+ (.+)$", text, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def broken_links(page: Path) -> list[str]:
    """The relative links of a page whose file or heading does not exist."""
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        file, _, anchor = target.partition("#")
        destination = (page.parent / file).resolve() if file else page
        if not destination.exists() or (anchor and anchor not in anchors(destination)):
            broken.append(target)
    return broken


@pytest.mark.parametrize("code", EXAMPLES)
def test_python_examples_run(code, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    exec(compile(code, "docs example", "exec"), {})


def test_the_manuals_have_examples():
    assert len(EXAMPLES) >= 2


def test_every_manual_is_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [page.name for page in DOCS if f"(docs/{page.name})" not in readme]
    assert missing == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_relative_links_lead_to_a_file_and_heading(page):
    assert broken_links(page) == []


def test_a_broken_link_is_noticed(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# A title\n\n[a](page.md#a-title) [b](#a-title) [c](page.md#nowhere) [d](missing.md)\n"
        "[e](https://example.org/x.md)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["page.md#nowhere", "missing.md"]
