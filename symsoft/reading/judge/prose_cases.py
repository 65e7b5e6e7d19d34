"""The index case a step is meant for when the prose announces it: a step true in one case is
flagged only when nothing around it speaks of cases, and a step that fails in the case read from
the prose but holds in another is flagged only where its chain has already held in that case
alone (a derivative that holds only for k ≠ n, then its simplification that fails there)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy
from sympy.core.function import AppliedUndef

from symsoft.errors import SymsoftError
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Relation
from symsoft.reading.judge.case_lines import led_by_its_case
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.running import RUNNING, announced
from symsoft.reading.judge.stated_values import assumed_order, set_in_the_text, stated_total
from symsoft.reading.judge.steps import CaseCheck, Decided, judge
from symsoft.reading.judge.summed_cases import summed_in_case
from symsoft.reading.judge.symbolic import is_index
from symsoft.reading.judge.trailing_cases import disowned, held_in_the_case_after, other_case_after
from symsoft.reading.judge.unsure import _ambiguous
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.constraints import Statements, in_force, statements_of
from symsoft.reading.meaning.function_lists import compose
from symsoft.reading.meaning.prose import (
    CASE_WORDS,
    EVERY_CASE,
    HEADING,
    prose_condition,
    sentences,
)
from symsoft.reading.meaning.scopes import in_force as definition_in_force
from symsoft.reading.meaning.scopes import reached
from symsoft.reading.meaning.table import Meaning
from symsoft.reading.meaning.withdrawn import hypothesis_events, withdrawn_at
from symsoft.reading.notation.sides import Reader

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


# \frac{\partial \hat{y}_j}{\partial z_c}: a derivative of an entry by an entry, one letter each
_ENTRY_OF = r"\\partial\s*((?:[^{}]|\{[^{}]*\})*?)\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*"

_DERIVATIVE_OF_ENTRY = lazy(rf"\\frac\s*\{{\s*{_ENTRY_OF}\}}\s*\{{\s*{_ENTRY_OF}\}}")

_UNEQUAL_CASE = lazy(r"([a-z]) ≠ ([a-z])")

# "情况二: $i = k$, $l \\neq j$": a case of index letters said in a sentence's own math
_LETTERS_CASE = lazy(r"(?<!\$)\$\s*[a-z]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*\{?[a-z]\}?\s*\$")
_SECTION_CHARS = 1200


def _case_in_section(text: str, step: Step) -> bool:
    """Whether the section of the step (since its last heading, within a page of text) names
    a case of two index relations in a sentence ("Case two: $i = k$, $l \\neq j$"), a case not
    read here, that a display after it may be meant for. (One relation said in a sentence is
    read where it leads a display, and is often no case: "δ_ij is 1 when $i = j$".)"""
    start = step.relation.start
    section = text[max(0, start - _SECTION_CHARS) : start]
    headings = list(HEADING.finditer(section))
    section = section[headings[-1].end() :] if headings else section
    cases = list(_LETTERS_CASE.finditer(section))
    if not cases:
        return False
    # the last case's sentence: "for when $i = j$ and $i \\neq j$" names every case, no one
    sentence = re.split(r"[.!?。\n]", section[cases[-1].start() :])[0]
    sentence = re.split(r"[.!?。\n]", section[: cases[-1].start()])[-1] + sentence
    said = [re.sub(r"[${}\s]", "", m.group()) for m in _LETTERS_CASE.finditer(sentence)]
    pairs = [
        (frozenset((said_[0], said_[-1])), "=" in said_ and "not" not in said_) for said_ in said
    ]
    both = any((pair, not equal) in pairs for pair, equal in pairs)
    return len({pair for pair, _ in pairs}) > 1 and not both


def _squeezed(name: str) -> str:
    return "".join(name.split())


def _letters(match: re.Match[str]) -> tuple[str, str]:
    """The index letters of a ``_DERIVATIVE_OF_ENTRY`` matched: (numerator's, denominator's)."""
    return match.group(2) or match.group(3), match.group(5) or match.group(6)


# "L = -\log p_i \text{ where } y_i = 1": the step is taken at that value of a label
_UNDER_A_LABEL = lazy(
    r"\s*,?\s*(?:&\s*|\\q?quad\s*)*\\text\s*\{\s*(?i:where|with|if|when|for|since|because|as|given)\s*\}"
    r"\s*[A-Za-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*=\s*[01]"
)


# an index given a number in the words before a display: "For the worked example with $i = 2$"
_INDEX_VALUE = lazy(r"(?<!\$)\$\s*+([a-z])\s*+=\s*+(?:[a-z]\s*+=\s*+)?(\d+)\s*+\$")  # $i = j = 3$
_SECTION_START = lazy(r"^#|\\(?:sub)*section\b", re.MULTILINE)


# a function given a number in those words: "In particular, for $h(x) = 1$ we have"
_FUNCTION_VALUE = lazy(
    r"(?i:\b(?:for|when|if|whenever|at)[ \t]++)"
    r"\$\s*([A-Za-z]\s*\(\s*[a-z]\s*\)\s*=\s*-?\d+(?:\.\d+)?)\s*\$"
)


# one name set equal to another in those words: "minimal when $p = q$", "at $p = y$"
_DRESS = r"(?:\\(?:mathbf|boldsymbol|bm|hat|tilde|bar|widehat|widetilde|vec)\s*+\{?\s*+)*+"
_ENTRY = (  # p_k = \tilde{y}_k: every entry; p = y^{\text{LS}}: a name with a word label (as
    # word_names spells it: the mark and the word)
    r"(?:\ue001[A-Za-z0-9]++\s*+)?(?:\s*+_\s*+(?:\{\s*+[a-z]\s*+\}|[a-z]))?"
    r"(?:\s*+\^\s*+\{\s*+\\(?:text|mathrm|rm)\s*+\{\s*+[A-Za-z]{1,8}\s*+\}\s*+\})?"
)
# words that leave a premise said earlier in the section behind
_LEFT_BEHIND = lazy(
    r"(?i)\b(?:away\s+from|in\s+general|generally|otherwise|elsewhere|generic|arbitrary"
    r"|any\s+point|back\s+to|before\s+(?:the|that)\s+point)\b"
)
_NAMES_EQUAL = lazy(
    r"(?i:\b(?:for|when|if|whenever|at|once|so[ \t]++that|suppose|assume|assuming)[ \t]++"
    r"(?:the[ \t]++(?:optimum|minimum|minimi[sz]er|stationary[ \t]++point)[ \t]*+,?[ \t]*+"
    r"|[^$.!?\n]{0,60}?[ \t,]++)?)"  # "so that the prediction matches the target, $p_k = …$"
    rf"\$\s*({_DRESS}([A-Za-z])(?:\s*\}})*{_ENTRY}\s*=\s*{_DRESS}[A-Za-z](?:\s*\}})*{_ENTRY})"
    r"\s*\$"
)


# "if the true class is some $t \neq c$": where the one-hot label's 1 is, as a case
_CLASS_CASE = lazy(
    r"(?i:\b(?:true|correct|target|actual|right)\s+(?:class|label|category)\b)[^$.!?\n]{0,40}?"
    r"\$\s*([a-z])\s*(?:\\neq|\\ne|\\not\s*=|≠|!=)\s*([a-z])\s*\$"
)
# an entry given a value in those words: "in the case when $x_i = \max(x)$", "with $x_i = m$"
# a sign the words before give a variable: "If $z > 0$,", "for $z_i > 0$" (review 71c)
_SIGNED_VALUE = lazy(
    r"(?i:\b(?:for|when|if|whenever|where|with)[ \t]++)\$\s*([A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|\w))?"
    r"\s*(?:>|<|\\[gl]eq?(?![a-zA-Z])|\\[gl]t(?![a-zA-Z]))\s*-?[\w.]+)\s*\$"
)
_ENTRY_VALUE = lazy(
    r"(?i:\b(?:for|when|if|whenever|at|with)[ \t]++)"
    # (a maximum or a name: "with $z_j = \sum_m W_{jm} x_m$" defines z_j, no premise)
    r"\$\s*([A-Za-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*=\s*"
    r"(?:\\max(?![a-zA-Z])[^$=]{0,30}?|\\?[A-Za-z]+(?:_\{?\s*\w+\s*\}?)?))\s*\$"
)


# a side that writes a derivative: whether it holds depends on the case where it is read
_DIFFERENTIATES = lazy(r"\\partial|\\nabla|\\frac\s*\{\s*d|'")


class _ProseCases:
    """Part of :class:`_Judging`."""

    # displays whose own tail states Σ_j y_j = 1 ("\\quad \\text{when } \\sum_k y_k = 1"): a
    # hypothesis for the steps of that display only
    local_totals: frozenset[int] = frozenset()

    @functools.cached_property
    def _hypothesis_events(self: _Judging) -> list[tuple[int, bool, int]]:
        return hypothesis_events(self._source)

    @functools.cached_property
    def _constraint_statements(self: _Judging) -> Statements:
        return statements_of(self._source)

    def _at_the_value_set(
        self: _Judging, step: Step, counted: int, result: StepResult, fixed: tuple[str, str]
    ) -> StepResult:
        """A flag whose counterexample gives a parameter another value than the text sets it
        to: kept if the step fails at that value too, else ambiguous."""
        name, value = fixed
        entries = any(w == name and v.startswith("(") for w, v in result.counterexample.point)
        index = sympy.Dummy("m", integer=True, positive=True) if entries else None
        number = sympy.Rational(value)
        meaning = Meaning(name, index, number, "the text", f"{name} = {value}")
        base = replace(result, status="not checked", summary="")
        variant = -(2 * 10**7) - hash((name, value)) % 10**6  # one reading per value
        try:
            judged = self._judged_with(step, base, counted, meaning, variant=variant)
        except (ArithmeticError, ValueError, TypeError):
            judged = None  # T = 0: no value to judge at
        if isinstance(judged, StepResult) and judged.flagged:
            return result  # wrong at the value the text sets too
        return _ambiguous(
            result, f"the text sets {name} = {value}, which the counterexample does not"
        )

    def _running_example(
        self: _Judging, step: Step, counted: int, result: StepResult
    ) -> StepResult:
        """A flag whose counterexample gives other values to names the text fixes for a running
        example ("We follow a single running example through the whole post: $x = 2$, $w = 1$"):
        kept if the step fails at the example's values too, else ambiguous."""
        source, at = self._source, (step.lhs or step.relation).start
        if result.counterexample is None or not RUNNING.search(source, 0, at):
            return result
        values, told = {}, announced(source, at)  # (the values its paragraphs give)
        point = {written for written, value in result.counterexample.point if value[:1] != "("}
        letters = set(re.findall(r"(?<![\\a-zA-Z])([a-zA-Z])(?![a-zA-Z])", result.lhs + result.rhs))
        for written in sorted(point | letters):  # (y = 1 too: "fails at y = 0" names no y)
            if re.fullmatch(r"[A-Za-z]", written):
                given = re.search(rf"\$\s*{written}\s*=\s*(-?\d+(?:\.\d+)?)\s*\$", told)
                if given:
                    values[written] = given.group(1)
        if not values:
            return result
        kept = {name: self.meanings.table.get(name) for name in values}
        reader = self.reader
        for name, value in values.items():
            self.meanings.table[name] = Meaning(name, None, sympy.Rational(value), "the text", "")
        variant = -(3 * 10**7) - hash(tuple(sorted(values.items()))) % 10**6
        self.reader = self.variants.setdefault(
            (variant, reader.layout, reader.operands),
            Reader(self.meanings, layout=reader.layout, operands=reader.operands),
        )
        try:
            judged = self._judge(step, replace(result, status="not checked"), counted, variant)
        except Exception:  # noqa: BLE001 (not judged at the example: the flag is withheld)
            judged = None
        finally:
            self.reader = reader
            for name, meaning in kept.items():
                if meaning is None:
                    self.meanings.table.pop(name, None)
                else:
                    self.meanings.table[name] = meaning
        if isinstance(judged, StepResult) and judged.flagged:
            return result
        shown = ", ".join(f"{name} = {value}" for name, value in sorted(values.items()))
        return _ambiguous(result, f"the running example gives {shown}, where it is not refuted")

    def step(self: _Judging, step: Step, counted: int) -> StepResult:
        """The verdict on ``step``, under the meaning of each function in force where it is and
        the hypothesis its display states."""
        stated, constrained = self.hypothesis_stated, self.constrained
        at = (step.lhs or step.relation).start
        self.hypothesis_stated = stated or step.display in self.local_totals
        self.constrained = in_force(self._constraint_statements, at)  # y ∈ {0, 1} of its section
        try:
            result = self._step_in_force(step, counted)
            lead = self.leads.get(step.display, "")  # "In the balanced case $w_0 = w_1 = 1$"
            if result.flagged and (fixed := set_in_the_text(result, self._source, lead)):
                return self._at_the_value_set(step, counted, result, fixed)  # "set $T = 1$"
            if result.flagged and (order := assumed_order(result, self._source)):
                return _ambiguous(
                    result, f"the text assumes {order}, which this reading does not apply"
                )
            if result.flagged:
                result = self._running_example(step, counted, result)  # $x = 2$ throughout
            if result.flagged and (total := stated_total(result, self._source)):
                return _ambiguous(result, f"the text states {total}, which this reading does not")
            if result.status == "holds" and (where := withdrawn_at(self._hypothesis_events, at)):
                # "now we drop that assumption": Σ y = 1 taken back (or so it may read)
                if result.summary.startswith("holds given Σ") and stated:
                    return _ambiguous(result, f"the text may take it back at line {where}")
                if self.meanings.normalized and not self._holds_without_totals(step, result):
                    why = ", ".join(f"Σ_j {n}_j = 1" for n in sorted(self.meanings.normalized))
                    return _ambiguous(
                        result, f"uses {why}, which the text may take back at line {where}"
                    )
            return result
        finally:
            self.hypothesis_stated, self.constrained = stated, constrained

    def _holds_without_totals(self: _Judging, step: Step, result: StepResult) -> bool:
        """Whether ``step`` holds with no name stated to sum to one (``$$\\sum_k t_k = 1$$``
        stated, then "some rows are multi-hot, not normalised")."""
        kept, stated = set(self.meanings.normalized), self.hypothesis_stated
        self.meanings.normalized.clear()
        self.hypothesis_stated = False
        try:
            judged = replace(self, cache={})._verdict(step, result, 0)
        except Exception:  # noqa: BLE001 (not decided so: the totals may be needed)
            return False
        finally:
            self.meanings.normalized |= kept
            self.hypothesis_stated = stated
        return judged.status == "holds" and judged.hypothesis is None  # (not "uses Σ …")

    def _step_in_force(self: _Judging, step: Step, counted: int) -> StepResult:
        """``step`` judged under the meaning of each function in force where it is."""
        at = (step.lhs or step.relation).start
        functions = self.meanings.functions
        in_force = {
            name: definition_in_force(ordered, at)[1]
            for name, ordered in self.meanings.function_scopes.items()
        }
        if not in_force:
            return self._step(step, counted)
        with self._read_anew():
            self.meanings.functions = compose(functions | in_force)  # f = g / h: g, h here
            return self._step(step, counted)

    def _case_of_the_prose(
        self: _Judging,
        step: Step,
        result: StepResult,
        lhs: sympy.Expr,
        rhs: sympy.Expr,
        decided: Decided | None = None,
    ) -> StepResult:
        """A step true in one index case is flagged only when nothing around it speaks of cases:
        prose announces cases in too many ways ("on the diagonal", "when they differ", a case
        named after the display) to be sure which one a step is meant for.  Likewise a step
        that fails in the case read from the prose, but holds in another, is ambiguous."""
        chain = self.chains.get(step.lhs.start, step.lhs.start) if step.lhs else -1
        self.chains[step.rhs.start] = chain  # "$$= …$$" goes on from this side: one chain
        after = self.text.original[step.rhs.end : step.rhs.end + 300] if step.rhs else ""
        if not result.flagged:
            if self._held_only_in_its_case(step, result, lhs, rhs, decided):
                self.confirmed.add(chain)
            case = self.from_prose.get(step.display) if step.condition else None
            return disowned(result, after, case)  # "$$B$$ where $i \neq j$." after "where $i = j$"
        sides = (step.lhs, step.rhs) if step.rhs else ()
        texts = tuple(self.text.slice(s.start, s.end) for s in sides) or ("", "")
        if result.status != "holds" and (summed := summed_in_case(step.condition, texts, lhs, rhs)):
            why = f"the case {step.condition} names {summed}, an index the step sums over"
            terms = "the term" if step.condition.equal else "the terms"
            return _ambiguous(result, why + f" ({terms} {step.condition} of the sum?)")
        free = {s.name for s in lhs.free_symbols | rhs.free_symbols if is_index(s)}
        nearby = self.nearby.get(step.display, "")
        section = self._section_before(step)  # (a value set a display before holds on)
        for letter, value in _INDEX_VALUE.findall(nearby + " " + section):
            if letter in free:  # "For the worked example with $i = 2$:", "fix $j = 1$"
                return _ambiguous(result, f"the text sets {letter} = {value} before it")
        if premise := self._premise(step, lhs, rhs):  # "for $h(x) = 1$", "when $x_i = m$"
            return _ambiguous(result, premise)
        if _UNDER_A_LABEL.match(after):
            return _ambiguous(
                result, "it is written under a label's value ('where y_i = 1'), not applied here"
            )
        if held := held_in_the_case_after(result, step, after, section):  # "$$…$$ for $i≠j$"
            return held
        claims = list(EVERY_CASE.finditer(nearby))
        # every case's claim holds unless a case is named after it ("On the diagonal it gives")
        every = bool(claims) and not CASE_WORDS.search(nearby, claims[-1].end())
        lhs_text = _squeezed(texts[0])  # a side restated display after display: one derivation
        carried = self.case_lhs.get(lhs_text, -9) >= step.display - 2  # its cases carry on
        if (
            (result.status == "holds only" or result.fails_in_a_case)
            and step.condition is None
            and (CASE_WORDS.search(nearby) or _case_in_section(self.text.original, step) or carried)
            and not every
        ):
            self.case_lhs[lhs_text] = step.display
            return _ambiguous(result, "the text around it speaks of index cases")
        if result.status == "holds only" and step.condition is None and not every:
            diagonal = self._diagonal_before(step, result)
            if diagonal:
                return _ambiguous(
                    result,
                    f"the document derives the diagonal {diagonal} before it, so a derivative "
                    "written with two letters may be meant for the other entries only",
                )
        prose = self.from_prose.get(step.display)
        if result.status == "fails" and prose is not None and step.condition == prose:
            try:
                other = self._every_case(lhs, rhs, decided)
            except (Unreadable, SymsoftError):
                return result
            held = any(case.verdict.status == "proved" for case in other)
            body, lead = self.bodies.get(step.display), self.leads.get(step.display, "")
            before = self.text.original[: body.start] if body else ""  # "If $i \neq j$:" ⏎ $$
            led = led_by_its_case(before, self.nearby.get(step.display, ""), lead, prose)
            led = (led or self._side_by_side(step, prose)) and not other_case_after(after, prose)
            if held and chain not in self.confirmed and not led:  # ("$$B$$ where $i \neq j$.")
                return _ambiguous(result, f"it holds in another case than {prose}, read from prose")
        return result

    def _section_before(self: _Judging, step: Step) -> str:
        """The text of the step's section (since its last heading) up to the step."""
        at = step.lhs.start if step.lhs else step.relation.start
        starts = [0, *(m.start() for m in _SECTION_START.finditer(self.text.original, 0, at))]
        return self.text.original[starts[-1] : at]

    def _premise(self: _Judging, step: Step, lhs: sympy.Expr, rhs: sympy.Expr) -> str:
        """A value the words before the step's display give a function or an entry ("for
        $h(x) = 1$ we have", "in the case when $x_i = \\max(x)$"): the step may be meant under
        it, a premise this reader does not apply, so no flag may rest on other values."""
        nearby = self.nearby.get(step.display, "")
        valued = (
            _FUNCTION_VALUE.search(nearby)
            or _ENTRY_VALUE.search(nearby)
            or _SIGNED_VALUE.search(nearby)
        )
        if valued:
            return f"the text sets {valued.group(1)} before it"
        written = self.text.slice(step.lhs.start, step.rhs.end) if step.lhs else ""
        scripts = set(re.findall(r"_\s*\{?\s*([a-zA-Z])", written))  # p_c: c an index, i = j a case
        # "At the optimum, …" holds on in its section, to "Away from the optimum", "In general"
        section = _LEFT_BEHIND.split(self._section_before(step))[-1]
        for same in _NAMES_EQUAL.finditer(f"{nearby} {section}"):  # minimal when $p = q$
            names = re.sub(r"\\[a-zA-Z]+|_\s*(?:\{[^{}]*\}|\w)", "", same[1])
            letters = set(re.findall(r"[A-Za-z]", names))
            # the step writes the name, what it is computed from (z_c - z_k at p = y: p is
            # the softmax of z) or a name computed from it (L of p)
            behind = reached(self.meanings, {same.group(2)}) - {str(self.meanings.size)}
            names = set(re.findall(r"(?<![\\a-zA-Z])[A-Za-z](?![a-zA-Z])", written))
            if not any(letter in "ijklmn" or letter in scripts for letter in letters) and (
                same.group(2) in reached(self.meanings, names)
                or any(
                    re.search(rf"(?<![\\a-zA-Z]){re.escape(name)}(?![a-zA-Z])", written)
                    for name in {same.group(2)}
                    | {n for n in behind if not re.fullmatch("[i-n]", n)}
                )
            ):
                return f"the text sets {' '.join(same.group(1).split())} before it"
        if case := self._class_case(step, written):  # "if the true class is some $t \neq c$"
            return case
        used = {f.func.__name__ for f in (lhs - rhs).atoms(AppliedUndef)}  # f = g / h: g, h
        for name, said in self.meanings.constants.items():  # h(x) = 2 beside h'(x) = 4
            if name in used or re.search(
                rf"(?<![\\a-zA-Z]){re.escape(name)}\s*['^]*\s*\(", written
            ):
                return f"the text sets {said}: a constant function, or its value at a point?"
        return ""

    def _class_case(self: _Judging, step: Step, written: str) -> str:
        """A class case the words before the display name ("if the true class is some $t \\neq
        c$") whose letters a step about the labels does not all write: where the label's 1 is,
        which this reader does not apply (a flag outside the case is no mistake); or ""."""
        cases = list(_CLASS_CASE.finditer(self.leads.get(step.display, "")))
        if not cases:
            return ""
        labels = {*self._label_names(), *self._losses()}  # (a step about the labels only)
        if not any(re.search(rf"(?<![\\A-Za-z]){x}(?![A-Za-z])", written) for x in labels):
            return ""
        indices = set("".join(a + b for a, b in re.findall(r"_\s*\{([^{}]*)\}|_\s*(\w)", written)))
        for case in cases:
            if not {case[1], case[2]} <= indices:
                return f"the text puts the label's 1 at a class {case[1]} ≠ {case[2]} before it"
        return ""

    def _side_by_side(self: _Judging, step: Step, case: Relation) -> bool:
        """ "When $i = j$: $$…$$ And when $i \\neq j$: $$…$$": the case is said in the words
        just before the step's display and its complement before another display, so the
        step is meant for that case: computed as the other case, it is wrong."""
        lead = sentences(self.leads.get(step.display, "").strip())[-1]
        if prose_condition(lead, self.text.original) != case:
            return False
        return any(
            {other.left, other.right} == {case.left, case.right} and other.equal != case.equal
            for display, other in self.from_prose.items()
            if display != step.display
        )

    def _held_only_in_its_case(
        self: _Judging,
        step: Step,
        result: StepResult,
        lhs: sympy.Expr,
        rhs: sympy.Expr,
        decided: Decided | None,
    ) -> bool:
        """Whether ``step``, a derivative that holds in the case the prose announces, does not
        hold in every case: its chain is then meant for that case (a later step of it that
        fails there is flagged, though it holds in another)."""
        prose = self.from_prose.get(step.display)
        if result.status != "holds" or prose is None or step.condition != prose:
            return False
        if not _DIFFERENTIATES.search(f"{result.lhs} {result.rhs}"):
            return False
        try:
            other = self._every_case(lhs, rhs, decided)
        except (Unreadable, SymsoftError):
            return False
        return not all(case.verdict.status == "proved" for case in other)

    def _every_case(
        self: _Judging, lhs: sympy.Expr, rhs: sympy.Expr, decided: Decided | None
    ) -> tuple[CaseCheck, ...]:
        """The verdict on ``lhs = rhs`` in every index case, whatever the prose says; with
        what the step's own judgement ``decided`` (the same sides, meanings and size), its
        sides are not brought to normal form again nor its cases decided again."""
        return judge(lhs, rhs, self.meanings, None, self.hypothesis_stated, self.n, None, decided)

    def _diagonal_before(self: _Judging, step: Step, result: StepResult) -> str:
        """``\\frac{\\partial \\hat{y}_j}{\\partial z_j}`` derived earlier, then
        ``\\frac{\\partial \\hat{y}_j}{\\partial z_c}`` up to a step that holds only when
        c ≠ j: the text has split the cases by writing them (the diagonal with one letter, the
        rest with two), so the step is meant for c ≠ j. The diagonal derivative, or ""."""
        held = [c.case for c in result.cases if c.verdict.status == "proved"]
        if len(held) != 1 or not _UNEQUAL_CASE.fullmatch(held[0]):
            return ""
        letters = set(_UNEQUAL_CASE.fullmatch(held[0]).groups())
        before = self.text.slice(0, step.relation.start)
        diagonals = [m for m in _DERIVATIVE_OF_ENTRY.finditer(before) if len(set(_letters(m))) == 1]
        for diagonal in diagonals:
            names = (_squeezed(diagonal.group(1)), _squeezed(diagonal.group(4)))
            for later in _DERIVATIVE_OF_ENTRY.finditer(before, diagonal.end()):
                if (_squeezed(later.group(1)), _squeezed(later.group(4))) == names and set(
                    _letters(later)
                ) == letters:
                    return " ".join(diagonal.group().split())
        return ""
