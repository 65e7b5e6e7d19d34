"""Whether a change of speed left every output of ``check`` as it was, byte for byte.

    python benchmarks/same_output.py record /tmp/base --tree /tmp/base-tree   # at a base commit
    python benchmarks/same_output.py compare /tmp/base                        # this checkout
    python benchmarks/same_output.py compare /tmp/base --every 8              # a quick look
    python benchmarks/same_output.py diff /tmp/base /tmp/now                  # two records

For every document under tests/data (the wild corpus, documents, red-team crashes …) two fresh
processes run: ``python -m symsoft check DOC`` (the text a user reads: stdout, stderr, exit
code) and ``python -m symsoft check DOC --json --report DIR/`` (the results model and the
annotated HTML and LaTeX reports).  The only thing set aside is the document's ``seconds`` in
the JSON and the report folder's name.  ``record`` writes one JSON file per document;
``compare`` records this checkout into a fresh folder and prints every document whose outputs
differ (exit 1).  A base tree comes from ``git archive BASE | tar -x -C DIR``; each tree runs
in its own folder, since ``python -m`` imports the package of the working directory first.

The budgets of a step (10 s) and a document (60 s) count CPU time, so a document that was near
a budget can change its words with the machine's load; such a difference is reported like any
other, to be looked at.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SUFFIXES = {".md", ".markdown", ".tex", ".ipynb", ".qmd", ".Rmd", ".rst"}
_SECONDS = re.compile(r'"seconds": [0-9.e+-]+')


def documents(every: int = 1) -> list[Path]:
    """Every document under tests/data, relative to the checkout, in a fixed order; with
    ``every`` > 1, the documents outside the wild corpus and every such one of the corpus (a
    quick look between two full runs)."""
    found = sorted(
        path.relative_to(ROOT)
        for path in DATA.rglob("*")
        if path.is_file() and path.suffix in SUFFIXES
    )
    wild = [path for path in found if path.parts[2] == "wild"]
    return [path for path in found if path not in wild or wild.index(path) % every == 0]


def _run(tree: Path, argv: list[str]) -> dict:
    # in the tree itself: ``python -m`` puts the working directory first on sys.path, before
    # PYTHONPATH (the documents are read from the tree's own tests/data, the same files)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-m", "symsoft", *argv],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return {"stdout": done.stdout, "stderr": done.stderr, "rc": done.returncode}


def outputs(tree: Path, document: Path) -> dict:
    """The outputs of ``check`` on one document, with the run-dependent parts set aside."""
    text = _run(tree, ["check", str(document)])
    with tempfile.TemporaryDirectory(prefix="same-output-") as folder:
        report = _run(tree, ["check", str(document), "--json", "--report", folder + "/"])
        files = {p.name: p.read_text() for p in sorted(Path(folder).iterdir())}
        for key in ("stdout", "stderr"):
            report[key] = _SECONDS.sub('"seconds": _', report[key].replace(folder, "<REPORT>"))
    return {"text": text, "json": report, "files": files}


def _name(document: Path) -> str:
    return str(document).replace("/", "__") + ".json"


def record(folder: Path, tree: Path, jobs: int, every: int = 1) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    # Bytecode first: with PYTHONDONTWRITEBYTECODE each process would compile every module.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "symsoft")], check=True)

    def one(document: Path) -> None:
        (folder / _name(document)).write_text(json.dumps(outputs(tree, document), indent=1))

    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, documents(every)))


def compare(base: Path, tree: Path, jobs: int, every: int = 1) -> int:
    fresh = Path(tempfile.mkdtemp(prefix="same-output-now-"))
    record(fresh, tree, jobs, every)
    return differences(base, fresh, every)


def differences(base: Path, fresh: Path, every: int = 1) -> int:
    """Print every document whose recorded outputs differ between two folders; 1 if any."""
    differ = []
    for document in documents(every):
        before, after = base / _name(document), fresh / _name(document)
        if not before.exists() or not after.exists():
            differ.append(f"{document}: not recorded in both")
        elif before.read_text() != after.read_text():
            old, new = json.loads(before.read_text()), json.loads(after.read_text())
            parts = [k for k in old if old[k] != new.get(k)]
            differ.append(f"{document}: {', '.join(parts)} differ")
    for line in differ:
        print(line)
    print(f"{len(documents(every))} documents, {len(differ)} differ ({base} against {fresh})")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "compare", "diff"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("other", type=Path, nargs="?", help="diff: the second recorded folder")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=int, default=1, help="every such wild document only")
    args = parser.parse_args()
    if args.action == "record":
        record(args.folder, args.tree.resolve(), args.jobs, args.every)
        return 0
    if args.action == "diff":
        return differences(args.folder, args.other, args.every)
    return compare(args.folder, args.tree.resolve(), args.jobs, args.every)


if __name__ == "__main__":
    raise SystemExit(main())
