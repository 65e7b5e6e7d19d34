"""The labels a text says are one-hot: a flag that rests on labels that are not (``y = (7/2,
-5/2)``) is judged again with ``y_k = \\delta_{kc}``; refuted there too, that verdict stands (its
counterexample one-hot); holding or undecided there, the flag is withheld."""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.subscripts import leading_indices, one_sided
from symsoft.reading.grammar.symbols import index_symbol
from symsoft.reading.judge.class_cases import (
    CLASS_NAMED,
    free_labels,
    hot_letter_said,
    not_one_hot,
    said_of,
)
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.unsure import _ambiguous, _NotChecked
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.examples import list_entries
from symsoft.reading.meaning.prose import NEGATION, ONE_HOT_IN_WORDS, sentences, stated_normalized
from symsoft.reading.meaning.table import Meaning

# words that say, or may mean, that the labels y are one-hot
_ONE_HOT = lazy(
    r"one[- ]?hot|원-핫|独热|ワンホット|true\s+(?:class|label)|ground[- ]truth|真实类别|정답|正解"
    r"|(?:exactly|only)\s+one\s+of\s+(?:the\s+)?\$[^$]{1,20}\$\S*\s+(?:is|equals)\s+\$?(?:1|one)\b"
    r"|exactly\s+one\s+(?:nonzero|non-zero|entry|component|element|coordinate)|" + ONE_HOT_IN_WORDS,
    re.IGNORECASE,
)

# words that say the labels are one-hot (not "the true class": that may mean a distribution)
_SAID_ONE_HOT = lazy(
    r"one[- ]?hot|원[- ]?핫|独热|ワンホット|exactly\s+one\s+(?:nonzero|non-zero|entry|component|"
    r"element|coordinate)|" + ONE_HOT_IN_WORDS,
    re.IGNORECASE,
)

_DERIVATIVE = lazy(r"\\partial|\\nabla|\\frac\s*\{\s*d|'|\\prime")

# the true class named by its number in words: "The true class is class 2.", "the label is class 3"
_CLASS_NUMBER = lazy(
    r"(?i)\b(?:true|correct|target|ground[- ]truth)\s+(?:class|label)\s+is\s+"
    r"(?:class\s+)?\$?(\d+)\$?"
)
_OUTCOMES = {"holds": "holds", "unknown": "is not decided"}


class _OneHotLabels:
    """The one-hot readings of a flagged step (mixed into the judging of a document)."""

    def _holds_when_one_hot(self, step: Step, base: StepResult, result: StepResult) -> str:
        """Why a flag is withheld from a step refuted only at labels that are not one-hot
        (``\\sum_k y_k^2 = 1``, ``y_i^2 = y_i``) in a text that says, or may mean, they are:
        with ``y_k = \\delta_{kc}`` (one-hot at a class c) it holds for every N, or with the
        class one of the step's own indices (``E = -t_j \\log \\hat{y}_j``, j "the actual
        class"); "" when not.  The labels are y, or the letter the document's loss weighs
        its logarithms with (t)."""
        point = dict(result.counterexample.point) if result.counterexample else {}
        said = [s for s in sentences(self._source) if _ONE_HOT.search(s)]
        unstated = not said  # nothing says one-hot: it may be meant, yet the step needs it
        if not unstated and all(NEGATION.search(sentence) for sentence in said):
            return ""  # "the target is not one-hot": the labels are free
        written = f"{base.lhs} {base.rhs}"
        normalized = stated_normalized(self._source)  # "a probability distribution": not one-hot
        for name in sorted(self._label_names() - (normalized if unstated else set())):
            if not not_one_hot(point, name):
                continue
            if re.search(rf"\\partial\s*{name}|d\s*{name}_", written):
                continue  # a derivative by the labels: a variable there, not a one-hot value
            if unstated and self._holds_if_hedged(step, base, 0, {name}):
                continue  # it needs their sum to be one, nothing more: that flag stands
            k = sympy.Dummy("k", integer=True, positive=True)
            classes = ["c"]
            loss = None if unstated else re.fullmatch(r"\s*([A-Za-z])\s*", base.lhs)
            written_out = not _DERIVATIVE.search(base.lhs) and re.search(r"\\sum", base.lhs)
            if ((loss and loss.group(1) in self._losses()) or written_out) and all(
                re.search(r"\\(?:log|ln)", side) for side in (base.lhs, base.rhs)
            ):
                # the loss itself reduced for one-hot labels (E = -t_j \log \hat{y}_j, j "the
                # actual class", also a row after -\sum_k t_k \log \hat{y}_k); never a
                # derivative or a later row of one: p_i - 1 is the classic slip
                classes += sorted(leading_indices(written))
            # a letter written on one side only is fixed by the context (\hat{y}_i - t_i =
            # \hat{y}_i - \delta_{ij}): perhaps the class whose label is 1
            if not unstated:
                classes += sorted(one_sided(base.lhs, base.rhs) - set(classes))
            for number, hot in enumerate(classes):
                symbol = sympy.Symbol("c", integer=True, positive=True)
                value = sympy.KroneckerDelta(k, symbol if hot == "c" else index_symbol(hot))
                meaning = Meaning(
                    name, k, value, "one-hot labels", rf"{name}_k = \delta_{{k{hot}}}"
                )
                judged = self._judged_with(step, base, 0, meaning, variant=-5 - 40 * number)
                if not isinstance(judged, StepResult) or judged.status != "holds":
                    continue
                if not all(check.where.startswith("every N") for check in judged.cases):
                    continue  # at a concrete size (entries written out) c takes one value only
                if unstated:
                    return (
                        f"it holds if {name} is one-hot ({name}_k = δ_kc), which the document "
                        f"does not state; the counterexample's {name} is not one-hot"
                    )
                if hot == "c":
                    return (
                        f"it holds for every one-hot {name} ({name}_k = δ_kc), which the text "
                        f"says or may mean {name} is; the counterexample's {name} is not one-hot"
                    )
                return (
                    f"it holds when {hot} is the class whose label is 1 ({name}_k = δ_k{hot}), "
                    "as a text that reduces a one-hot loss may mean"
                )
        return ""

    def _one_hot_counterexample(
        self, step: Step, base: StepResult, result: StepResult
    ) -> StepResult | None:
        """A flagged step of a text that says its labels are one-hot, refuted at labels that
        are not (``y = (7/2, -5/2)``): judged again with ``y_k = \\delta_{kc}``; refuted there
        too, that verdict, whose counterexample is one-hot (and gives the other labels the text
        says are one-hot one-hot values too); holding or undecided there (also "cannot decide c
        <= k", the class among k classes), the flag withheld (it rests on labels the text
        excludes); None when no label is at fault or the one-hot reading is not read (a row
        written out at a concrete size, a vector step: the flag stands)."""
        point = dict(result.counterexample.point) if result.counterexample else {}
        said = [s for s in sentences(self._source) if _SAID_ONE_HOT.search(s)]
        if any(NEGATION.search(sentence) for sentence in said):
            return None  # "soft targets $t$ that are not one-hot": the labels are free
        stated = set().union(*(stated_normalized(sentence) for sentence in said))
        named = [s for s in sentences(self._source) if CLASS_NAMED.search(s)]
        from_class = set()
        if named and not any(NEGATION.search(sentence) for sentence in named):
            from_class = self._label_names() - stated  # the example's class: one-hot labels
            stated |= from_class
        for name in sorted(self._label_names() & stated):
            if not not_one_hot(point, name):
                continue
            k = sympy.Dummy("k", integer=True, positive=True)
            value = sympy.KroneckerDelta(k, sympy.Symbol("c", integer=True, positive=True))
            meaning = Meaning(name, k, value, "one-hot labels", rf"{name}_k = \delta_{{kc}}")
            judged = self._judged_with(step, base, 0, meaning, variant=-7)
            lead = (self.leads.get(step.display, ""), self._source)  # "For $m \\neq k$"
            if isinstance(judged, StepResult) and hot_letter_said(judged.summary, said, *lead):
                note = f"read one-hot ({name}_k = δ_kc) the step {judged.summary}"
                return _ambiguous(result, f"{note}; the class c whose label is 1 is not read")
            if numbered := _CLASS_NUMBER.search(self._source):  # "The true class is class 2."
                hot = int(numbered.group(1))
                at = replace(meaning, value=sympy.KroneckerDelta(k, hot))
                judged_at = self._judged_with(step, base, 0, at, variant=-90 - hot)
                if isinstance(judged_at, StepResult) and judged_at.flagged:
                    note = f"read with the one-hot {name} the text states, {name}_{hot} = 1"
                    return replace(judged_at, summary=f"{judged_at.summary} ({note})")
                return _ambiguous(
                    result, f"the text names the true class {hot}, where it is not refuted"
                )
            if (hot := _example_class(self.meanings.example_texts, name)) is not None:
                # y = (0, 1, 0)^T of a worked example: one-hot at class 2, not at any class
                at = replace(meaning, value=sympy.KroneckerDelta(k, hot))
                judged_at = self._judged_with(step, base, 0, at, variant=-110 - hot)
                if isinstance(judged_at, StepResult) and judged_at.flagged:
                    note = f"read with the worked example's one-hot {name}, {name}_{hot} = 1"
                    return replace(judged_at, summary=f"{judged_at.summary} ({note})")
                return _ambiguous(
                    result,
                    f"the worked example's {name} is one-hot at class {hot}, where it is not "
                    "refuted",
                )
            if isinstance(judged, StepResult) and judged.flagged:
                if free_labels(judged, stated - {name}):
                    continue  # refuted at other labels the text says are one-hot (Y beside y)
                if premise := self._premise(step, sympy.Integer(0), sympy.Integer(0)):
                    return _ambiguous(result, premise)  # "minimised when $p = q$": p is q there
                note = f"read with the one-hot {name} the text states, {name}_k = δ_kc"
                return replace(judged, summary=f"{judged.summary} ({note})")
            if sized := re.search(r"\bat N = (\d+)", result.summary):  # entry 3 at N = 3: c = 3?
                for hot in range(1, int(sized[1]) + 1):  # each class at that size, one-hot there
                    at = replace(meaning, value=sympy.KroneckerDelta(k, hot))
                    judged_at = self._judged_with(step, base, 0, at, variant=-70 - hot)
                    if isinstance(judged_at, StepResult) and judged_at.flagged:
                        note = f"read with the one-hot {name} the text states, {name}_{hot} = 1"
                        return replace(judged_at, summary=f"{judged_at.summary} ({note})")
            if isinstance(judged, StepResult) and judged.status in _OUTCOMES:
                # p_1 - 1 where the text says the true class is the first: one-hot at a class
                # c not read, the step is undecided, and the flag rests on labels it excludes
                return _ambiguous(
                    result,
                    f"the text {said_of(name in from_class)} {name} is one-hot, which the "
                    f"counterexample's {name} is "
                    f"not; read one-hot ({name}_k = δ_kc) the step {_OUTCOMES[judged.status]}",
                )
            if isinstance(judged, _NotChecked) and judged.reason.startswith("cannot decide"):
                # read one-hot the step is not decided ("c <= k" for a class c and a count k):
                # the flag rests on labels the text excludes
                return _ambiguous(
                    result,
                    f"the text {said_of(name in from_class)} {name} is one-hot, which the "
                    f"counterexample's {name} is not; read one-hot ({name}_k = δ_kc) the step "
                    f"is not decided ({judged.reason})",
                )
            if isinstance(judged, StepResult) and judged.status == "not checked":
                # read one-hot the step is withheld ("holds only when c ≠ i" in a text that
                # speaks of cases): a flag at labels the text excludes must not stand either
                why = judged.summary.removeprefix("not checked: ").removeprefix("ambiguous: ")
                return _ambiguous(result, f"read one-hot ({name}_k = δ_kc): {why}")
        return None


def _example_class(examples: list[tuple[int, str, str, str]], name: str) -> int | None:
    """The class a worked example's one-hot ``name`` is at (``y = (0, 1, 0)^T``: 2), or None."""
    for _, given, _, rhs in examples:
        entries = list_entries(rhs) if given == name else []
        if len(entries) > 1 and sorted(entries) == ["0"] * (len(entries) - 1) + ["1"]:
            return entries.index("1") + 1
    return None
