"""Score symsoft on the corpus of real-style documents against the independent labels.

    python tests/wild/score.py        # the table, per document and in total
    python tests/wild/score.py --dir D  # any folder with documents and a labels.json
    python tests/wild/score.py --dir D --reasons  # and what keeps its steps unchecked
    python tests/wild/score.py --groups  # index notation apart from vectors and the family

A folder of real posts kept out of the repository is scored the same way: its labels.json maps
each document's file name to its steps, ``{"line", "col", "label", "note"}``, the line and
column of the step's relation sign (1-based), labelled by hand without symsoft. For a notebook
they are the line and column in its ``.ipynb`` file (its JSON), as a reader of the file sees them.

A labelled step is *wrong* when its label is "fails" or "holds only when …" (true only in an
index case the document does not state), *correct* otherwise. symsoft *checks* a step when it
gives a verdict (not "not checked", not "unknown"), and *flags* it when it says the step is wrong.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

WILD = Path(__file__).parents[1] / "data" / "wild"
LABELS = WILD / "labels.json"
JUDGED = ("holds", "fails")


@dataclass
class Score:
    steps: int = 0  # labelled equality steps (definitions and hypotheses apart)
    checked: int = 0
    wrong: int = 0
    wrong_flagged: int = 0
    correct_flagged: int = 0
    false_flags: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("steps", "checked", "wrong", "wrong_flagged", "correct_flagged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false_flags += other.false_flags
        self.missed += other.missed

    @property
    def share(self) -> float:
        return self.checked / self.steps if self.steps else 1.0


def is_wrong(label: str) -> bool:
    return label == "fails" or label.startswith("holds only")


def score_document(name: str, labels: list[dict], result) -> Score:
    found = {}
    for step in result.steps:
        # one sign read as several steps (the branches of a cases): flagged if one is, checked
        # if one is; the first flagged one, else the first checked one, stands for them
        kept = found.get((step.line, step.column))
        if (
            kept is None
            or (step.flagged and not kept.flagged)
            or (not kept.flagged and kept.status in ("not checked", "unknown"))
        ):
            found[(step.line, step.column)] = step
    score = Score()
    for label in labels:
        step = found.get((label["line"], label["col"]))
        where = f"{name}:{label['line']}:{label['col']}"
        wrong = is_wrong(label["label"])
        flagged = step is not None and step.flagged
        if label["label"] in ("definition", "hypothesis"):
            if flagged:
                score.correct_flagged += 1
                score.false_flags.append(f"{where} ({label['label']}): {step.summary}")
            continue
        score.steps += 1
        if step is not None and step.status not in ("not checked", "unknown"):
            score.checked += 1
        if wrong:
            score.wrong += 1
            if flagged:
                score.wrong_flagged += 1
            else:
                shown = step.summary if step is not None else "no such step"
                score.missed.append(f"{where} ({label['label']}): {shown}")
        elif flagged:
            score.correct_flagged += 1
            score.false_flags.append(f"{where} ({label['label']}): {step.summary}")
    return score


def _checked(path: Path):  # noqa: ANN202 - a DocumentResult, made in a worker process
    from dataclasses import replace

    from symsoft import check_document
    from symsoft.reading.documents.sources import notebook_markdown

    if path.suffix.lower() != ".ipynb":
        return check_document(path)
    # a notebook is checked as its Markdown cells joined (as symsoft check reads it); its labels
    # are positions in the file
    raw = path.read_text(encoding="utf-8")
    extract, rows = notebook_markdown(raw), raw.split("\n")
    result = check_document(extract.text)
    checked, steps = extract.text.split("\n"), []
    for step in result.steps:
        line = extract.file_lines[step.line - 1] if step.line <= len(extract.file_lines) else 0
        column = _json_column(rows[line - 1], checked[step.line - 1], step.column) if line else 0
        steps.append(replace(step, line=line, column=column))
    return replace(result, steps=tuple(steps))


def _json_column(row: str, text: str, column: int) -> int:
    """The column in ``row`` (one JSON string of a notebook) of ``column`` of ``text``."""
    start = row.find('"') + 1
    for ascii_only in (False, True):
        before = json.dumps(text[: column - 1], ensure_ascii=ascii_only)[1:-1]
        if row.startswith(before, start):
            return start + len(before) + 1
    return 0


def score_corpus(
    folder: Path = WILD, results: list | None = None
) -> tuple[Score, dict[str, Score]]:
    everything = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    names = sorted(everything)
    paths = [folder / name for name in names]
    # the documents are independent: one fresh process per core (spawned, so nothing of the
    # caller's state is shared), results in the order of the names
    workers = max(1, min(len(os.sched_getaffinity(0)), 4))
    if workers == 1:
        checked = [_checked(path) for path in paths]
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            checked = list(pool.map(_checked, paths, chunksize=4))
    if results is not None:
        results.extend(checked)
    total, per = Score(), {}
    for name, result in zip(names, checked, strict=True):
        per[name] = score_document(name, everything[name], result)
        total.add(per[name])
    return total, per


def table(total: Score, per: dict[str, Score]) -> str:
    rows = ["| document | steps | checked | wrong | wrong flagged | correct flagged |"]
    rows.append("|---|---:|---:|---:|---:|---:|")
    for name, s in per.items():
        rows.append(
            f"| {name} | {s.steps} | {s.checked} | {s.wrong} | {s.wrong_flagged} "
            f"| {s.correct_flagged} |"
        )
    rows.append(
        f"| **all {len(per)}** | {total.steps} | {total.checked} ({total.share:.0%}) "
        f"| {total.wrong} | {total.wrong_flagged} | {total.correct_flagged} |"
    )
    return "\n".join(rows)


# the documents about vectors, matrices and the family (sigmoid, tanh, BCE, log-sum-exp,
# temperature, label smoothing, batches), told by their names; the others are index notation
FAMILY = re.compile(
    r"^(?:vec|fam|mat)_|bce|sigmoid|tanh|logsumexp|lse|vector|matrix|temperature|distill"
    r"|smoothing|batch|logistic"
)


def groups(per: dict[str, Score]) -> str:
    """The README's table: the totals of index notation and of vectors and the family."""
    rows = []
    for title, family in (("index notation", False), ("vectors, matrices, family", True)):
        total = Score()
        chosen = [name for name in per if bool(FAMILY.search(name)) == family]
        for name in chosen:
            total.add(per[name])
        rows.append(
            f"| {title} ({len(chosen)}) | {total.steps} | {total.checked} ({total.share:.0%}) "
            f"| {total.wrong} | {total.wrong_flagged} | {total.correct_flagged} |"
        )
    return "\n".join(rows)


def reasons(results: list) -> str:
    """How many steps each kind of "not checked" reason keeps, biggest first."""
    from collections import Counter

    kinds: Counter[str] = Counter()
    for result in results:
        for step in result.steps:
            if step.status in ("not checked", "unknown"):
                # the reason's kind: its words before the first colon, names and numbers blanked
                head = re.sub(r"\$[^$]*\$|`[^`]*`|\d+", "…", step.summary.split(":")[0:2][-1])
                kinds[head.strip()[:90]] += 1
    return "\n".join(f"{count:4d}  {kind}" for kind, count in kinds.most_common())


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=WILD, help="a folder with labels.json")
    parser.add_argument("--reasons", action="store_true", help="tally the unchecked steps' reasons")
    parser.add_argument("--groups", action="store_true", help="index apart from family")
    arguments = parser.parse_args()
    results: list = []
    total, per = score_corpus(arguments.dir, results)
    print(table(total, per))
    if arguments.groups:
        print(groups(per))
    if arguments.reasons:
        print(reasons(results))
    for line in total.false_flags:
        print("FALSE FLAG", line)
    for line in total.missed:
        print("missed", line)
    return 1 if total.false_flags else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[2]))
    raise SystemExit(main())
