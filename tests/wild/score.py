"""Score symsoft on the corpus of real-style documents against the independent labels.

    python tests/wild/score.py        # the table, per document and in total

A labelled step is *wrong* when its label is "fails" or "holds only when …" (true only in an
index case the document does not state), *correct* otherwise. symsoft *checks* a step when it
gives a verdict (not "not checked", not "unknown"), and *flags* it when it says the step is wrong.
"""

from __future__ import annotations

import json
import multiprocessing
import os
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
    found = {(step.line, step.column): step for step in result.steps}
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


def _checked(name: str):  # noqa: ANN202 - a DocumentResult, made in a worker process
    from symsoft import check_document

    return check_document(WILD / name)


def score_corpus() -> tuple[Score, dict[str, Score]]:
    everything = json.loads(LABELS.read_text(encoding="utf-8"))
    names = sorted(everything)
    # the documents are independent: one fresh process per core (spawned, so nothing of the
    # caller's state is shared), results in the order of the names
    workers = max(1, min(len(os.sched_getaffinity(0)), 4))
    if workers == 1:
        results = [_checked(name) for name in names]
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = list(pool.map(_checked, names, chunksize=4))
    total, per = Score(), {}
    for name, result in zip(names, results, strict=True):
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


def main() -> int:
    total, per = score_corpus()
    print(table(total, per))
    for line in total.false_flags:
        print("FALSE FLAG", line)
    for line in total.missed:
        print("missed", line)
    return 1 if total.false_flags else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[2]))
    raise SystemExit(main())
