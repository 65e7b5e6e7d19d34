"""A step read again when it is flagged or undecided as read: from the chain before a side
computation or from a term singled out, with a layer's outputs free; and the sentences that may
state the hypothesis it needs. Where the readings disagree it is ambiguous, never flagged.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.budget import OutOfTime, time_limit
from symsoft.reading.documents.batch_rows import rows_apart
from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.case_lines import words_after
from symsoft.reading.judge.chain_meanings import meant_otherwise
from symsoft.reading.judge.choices import (
    another_choice,
    other_model,
    setting_changed,
    stated_condition,
    valued_anew,
)
from symsoft.reading.judge.class_cases import entry_clash, name_and_index
from symsoft.reading.judge.dot_numbers import _DotNumbers
from symsoft.reading.judge.implicit_sums import (
    implicit_sum,
    implied_letters,
    repeated_index,
    scoped_sums,
)
from symsoft.reading.judge.one_hot_labels import _OneHotLabels
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.rendered import _Rendered
from symsoft.reading.judge.row_values import mentioned_value
from symsoft.reading.judge.runs import _Runs
from symsoft.reading.judge.standard_definitions import standard_defined
from symsoft.reading.judge.steps import judge
from symsoft.reading.judge.together import _Together
from symsoft.reading.judge.unsure import AT_VALUE, _ambiguous, _NotChecked
from symsoft.reading.judge.verdicts import _summarized
from symsoft.reading.judge.zero_sums import at_zero_sums
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.constraints import given_totals
from symsoft.reading.meaning.definitions import losses
from symsoft.reading.meaning.scopes import STEP_SECONDS, differentiates_by, reached, writes
from symsoft.reading.meaning.slip_words import quoted_slip, supposed, worked_under_supposition
from symsoft.reading.meaning.unread_values import unread_reason
from symsoft.reading.notation.derivatives import reaches_past_its_term
from symsoft.reading.notation.layered import Network
from symsoft.reading.notation.sides import Reader

_MATH_OUT = lazy(r"\$+[^$]*\$+")
# a sentence that names a quantity in inline math and ends in a copula right before the display
# a display that opens right before a side: an expression shown alone there
_ALONE = lazy(r"(?:\$\$|\\\[|\\begin\s*\{[a-z]+\*?\})\s*$")
_NAMED_BEFORE = lazy(
    r"(?<!\$)\$([^$]+)\$[^$.!?]*?\b(?:is|are|equals|becomes|reads|gives)\s*[:,]?\s*"
    r"(?:\$\$|\\\[|\\begin\{[a-z*]+\})\s*$"
)


_EVERY_VALUE = lazy(
    r"holds(?: when [a-z] (?:=|≠) [a-z])?(?: given Σ_\w+ \w+_\w+ = 1)?"
    r"|uses Σ_\w+ \w+_\w+ = 1, which the document does not state"
)
_IMPLICIT_DERIVATIVE = lazy(  # D_j S_i, S_i', \nabla S_i, \dot{x}, \mathrm{D}
    r"(?<![A-Za-z\\])D\s*_|'|\\prime|\\nabla|\\dot|\\mathrm\s*\{\s*D\s*\}"
)


class _Alternatives(_DotNumbers, _Together, _OneHotLabels, _Rendered, _Runs):
    """Part of :class:`_Judging`."""

    @functools.cached_property
    def _implied(self) -> set[str]:
        """The letters the text sums without writing the sum (a chain rule's index)."""
        return implied_letters(self._math)

    def _with_inputs_free(self, step: Step, base: StepResult, counted: int) -> StepResult | None:
        """The step judged with a layer's outputs free: ``z_i = \\sum_j w_{ij} x_j + b`` defined,
        the text differentiating by z, and the step by none of w, x, b.  A step that holds for
        every z holds for the z of the layer; None when no such name or it does not hold."""
        written = f"{base.lhs} {base.rhs}"
        if _IMPLICIT_DERIVATIVE.search(written):
            return None  # D_j S_i, S_i', \nabla S_i: a derivative whose variable is not written
        size, names = str(self.meanings.size), []
        for name, meaning in self.meanings.table.items():
            if meaning.source in ("standard", "--define") or not writes(written, name):
                continue
            inputs = {
                other
                for other in reached(self.meanings, {name}) - {name, size}
                if not re.fullmatch("[i-n]", other)  # what the name depends on
            }
            if (
                inputs
                and differentiates_by(self.text.original, name)
                and not any(writes(written, other) for other in inputs)
            ):
                names.append(name)
        if not names:
            return None
        kept = {name: self.meanings.table.pop(name) for name in names}
        leaves = set(self.meanings.leaves)
        self.meanings.leaves |= set(names)
        reader = self.reader
        self.reader = self.variants.setdefault(
            (-20000 - len(names), reader.layout, reader.operands),
            Reader(self.meanings, layout=reader.layout, operands=reader.operands),
        )
        try:
            result = self._before_definitions(step, base, counted)
        except _NotChecked:
            return None
        finally:
            self.reader = reader
            self.meanings.table.update(kept)
            self.meanings.leaves = leaves
        # for every value of the names made free, nothing else: not at a worked example's
        # values (p_1 = 1/2 with p free reads as an example's value), nor at a parameter's
        if result.status == "holds" and _EVERY_VALUE.fullmatch(result.summary):
            return result
        return None

    def _may_state_it(self) -> str:
        """Why a sentence may state the Σ_j y_j = 1 a step uses, though it is not read as
        stating it; "" when none does."""
        if self.hedge:
            return self.hedge
        if self.true_targets:
            return f"{self.true_targets}, which may mean one-hot"
        for name in sorted(self._label_names() & self.meanings.unreadable.keys()):
            return f"{name} is defined at {self.meanings.unreadable[name]} in a way not read here"
        given = given_totals(self._source)
        for name in sorted(self._label_names() & given.keys()):
            return (
                f"the text gives ${given[name]}$, whose entries add up to one: it may mean "
                f"every {name} does"
            )
        return ""

    def _from_another_side(self, step: Step, counted: int) -> str:
        """Why a flagged "$$= …$$" may go on from another side than the last one: a term
        singled out before it, or the chain before a side computation; "" when not."""
        # "$$\frac{\partial e^{a_i}}{\partial a_j}$$ $$= \delta_{ij} e^{a_i}$$"
        if step.term is not None:
            term = self.step(replace(step, lhs=step.term, term=None, resumed=()), counted)
            if not term.flagged:
                return (
                    f"it may go on from the term '{term.lhs}' singled out before it, "
                    f"where it {term.status}"
                )
        # "the derivative of $\log p_i$ is $$= \delta_{ij} - p_j$$": the sentence names its left
        if step.lhs is not None and step.lhs.end < step.relation.start:
            between = self.text.slice(step.lhs.end, step.relation.start)
            if named := _NAMED_BEFORE.search(between):
                return f"it may go on from what the sentence before it names (${named.group(1)}$)"
        # "$$1 - σ = … = \frac{e^{-x}}{1 + e^{-x}}$$ … $$= σ \cdot …$$": back to the chain
        # before the side computation
        for before in step.resumed:
            outer = self.step(replace(step, lhs=before, term=None, resumed=()), counted)
            line = self.text.place(before.end)[0]
            if outer.status == "holds":
                return (
                    f"it may go on from '{outer.lhs}' (line {line}), the end of the chain "
                    f"before the one just above it, where it {outer.summary.split(':')[0]}"
                )
            unread = outer.status == "not checked" or rows_apart(self.text, before, step.rhs)
            if unread and _ALONE.search(self.text.original[: step.lhs.start]):
                return (  # "$$\frac{\partial}{\partial z} e^{z}$$" shown as an aside, then "= …"
                    f"it may go on from '{outer.lhs}' (line {line}), the chain before the "
                    "expression shown alone above it, which is not read here"
                )
            shown = self.bodies.get(step.display)  # (side computations in sentences, no display)
            between = self.text.original[before.end : shown.start if shown else step.lhs.start]
            if outer.status == "not checked" and between.count("$$") <= 2 and "\\[" not in between:
                return (  # "$$A = B$$ Substituting: - $C = D$ - $E = F$ $$= …$$": from B?
                    f"it may go on from '{outer.lhs}' (line {line}), the chain before the "
                    "side computations in the text above it, which is not read here"
                )
        return ""

    def _weights_given(self, step: Step, base: StepResult, counted: int) -> str:
        """Why a flag is withheld from a step about a loss that weighs its logarithms with a
        name the document defined as something else (``p_k`` a softmax in one section, then
        "the teacher's probabilities $p_i$" and ``C = -\\sum_i p_i \\log q_i`` in another):
        the weights may be given there, and with them free the step holds; "" when not."""
        written = f"{base.lhs} {base.rhs}"
        for loss, weights in sorted(self._losses().items()):
            if not re.search(rf"(?<![a-zA-Z\\]){re.escape(loss)}(?![a-zA-Z])", written):
                continue
            value = self.meanings.table[loss].value
            logged = {
                str(e.base.label)
                for arg in value.atoms(sympy.log)
                for e in arg.atoms(sympy.Indexed)
            }
            for name in sorted(weights - logged):
                meaning = self.meanings.table.get(name)
                if meaning is None or meaning.source in ("standard", "--define"):
                    continue
                with self._read_anew():
                    self.meanings.labels = name  # the weights free: their sum may be used
                    table = self.meanings.table
                    self.meanings.table = {k: v for k, v in table.items() if k != name}
                    try:
                        other: StepResult | None = self._verdict(step, base, counted)
                    except _NotChecked:
                        other = None
                if other is not None and other.status == "holds":
                    return (
                        f"{name} weighs the logarithms of {loss}, as given targets, perhaps, not "
                        f"the {name} of {meaning.source}: with {name} free it {other.summary}"
                    )
        return ""

    def _losses(self) -> dict[str, set[str]]:
        """The document's losses and the letters they weigh their logarithms with."""
        return losses(self.meanings.table)

    def _label_names(self) -> set[str]:
        """y, and the letters the document's loss weighs its logarithms with."""
        return {"y"}.union(*self._losses().values())

    def _quoted(self, display: int) -> str:
        """Why the display is a slip the text quotes, not its claim ("" when it is a claim)."""
        lead = self.leads.get(display, "")
        return quoted_slip(lead, words_after(self.nearby.get(display, ""), lead))

    def _withheld(
        self, step: Step, base: StepResult, counted: int, result: StepResult
    ) -> StepResult:
        """``result`` withheld where the text's reading may differ (:meth:`_unsure`); a flag
        that stands on a display the text quotes as a slip says the text agrees."""
        result = mentioned_value(
            self, step, base, counted, self._unsure(step, base, counted, result)
        )
        lead = self.leads.get(step.display, "")
        supposing = worked_under_supposition(lead)
        if (
            not supposing
            and len(_MATH_OUT.sub(" ", lead).split()) <= 3
            and not re.search(r"[.!?:]", lead)
        ):
            supposing = worked_under_supposition(self.leads.get(step.display - 1, ""))  # "and"
        if supposing and result.status in ("holds", "fails", "holds only"):
            return replace(  # "Suppose for a moment that the targets summed to $2$. Then"
                result,
                status="not checked",
                summary=f"not checked: it is worked under a supposition the words make "
                f"('{supposing}'), which is not read; as read without it: {result.summary}",
                hypothesis_stated=True,
            )
        written = self.text.slice(step.lhs.start, step.rhs.end) if step.lhs else ""
        if result.status in ("holds", "fails", "holds only") and (
            (choice := other_model(lead))  # "Linear regression: $$\nabla_\theta J = …$$"
            or (choice := setting_changed(self._run_lead(step)))  # "We now switch to"
            or (choice := valued_anew(lead, written, self.meanings, self.scopes))
        ):
            return _ambiguous(result, choice)
        if result.flagged and (condition := stated_condition(lead)):
            return _ambiguous(result, condition)  # "When $\sigma(z) = \frac{1}{2}$:"
        if result.flagged and (slip := self._quoted(step.display)):
            if supposed(self.leads.get(step.display, "")):  # "If the $t_j$ summed to 2, we'd get"
                return _ambiguous(result, "it is worked under a supposition the words make")
            return replace(result, summary=f"{result.summary}, as the text says ({slip})")
        return result

    def _unsure(self, step: Step, base: StepResult, counted: int, result: StepResult) -> StepResult:
        """``result``, or "not checked: ambiguous" when a flag may not hold under the author's
        reading: a caveat the text states, a definition not read, another side the chain may go
        on from, one-hot labels, a remarked value, a hedged hypothesis, a stated constraint."""
        if result.flagged and self.caveat:
            return _ambiguous(result, self.caveat)
        if result.flagged and (clash := entry_clash(result)):
            return _ambiguous(result, clash)  # T = 1 beside x_T ≠ x_1 (review 69b)
        if (
            result.flagged
            and step.lhs
            and (
                own := standard_defined(
                    self.text.original[step.lhs.start : step.lhs.end],
                    self.text.original[step.rhs.start : step.rhs.end],
                    self.text.original[: step.lhs.start],
                )
            )
        ):
            return _ambiguous(result, own)  # \sinh(x) = \frac{1}{2(e^x - e^{-x})}, first said
        body = self.bodies.get(step.display)  # the display up to the step
        written = self.text.slice(body.start, step.rhs.end) if body else ""
        # (a batch's or a data model's names are not in the table; a network's steps are others')
        other = self.batch is None and (self.data is None or isinstance(self.data, Network))
        if result.flagged and other and (otherwise := meant_otherwise(written, self.meanings)):
            return _ambiguous(result, otherwise)
        if result.flagged and (choice := another_choice(self.leads.get(step.display, ""))):
            return _ambiguous(result, choice)
        if result.flagged and (implicit := implicit_sum(base.lhs, base.rhs)):
            return _ambiguous(result, implicit)
        again = repeated_index(base.lhs, base.rhs, self._implied) if result.flagged else None
        if again and self._summed_over(step, base, *again) is None:
            # (refuted with the sum over the index too: the flag goes on to the other checks)
            return _ambiguous(
                result,
                f"the index {again[0]}, summed without a written sum in the chain rule, is "
                f"free on one side only: read free the step fails, summed over {again[0]} "
                "it may hold, and the text does not say which it means",
            )
        if result.flagged and (scoped := self._scoped(step, base, result)) is not None:
            return scoped
        at = step.lhs.start if step.lhs else -1  # z = wx + b judged; o = exp(Wx) not read
        unread = unread_reason(at, f"{base.lhs} {base.rhs}", self.meanings.unread_definitions)
        if result.flagged and unread:
            return _ambiguous(result, unread)
        if result.flagged and (whole := self._operand_to_side_end(step, base, counted)):
            return _ambiguous(result, whole)
        if result.flagged and (other := self._from_another_side(step, counted)):
            return _ambiguous(result, other)
        if result.flagged and (rendered := self._as_rendered(step, counted)):
            return _ambiguous(result, rendered)
        if result.flagged and (opened := self._primed_opening(step, result)):
            return _ambiguous(result, opened)
        if result.flagged and (one_hot := self._holds_when_one_hot(step, base, result)):
            return _ambiguous(result, one_hot)
        if result.flagged and (given := self._weights_given(step, base, counted)):
            return _ambiguous(result, given)
        if result.flagged and (both := name_and_index(f"{base.lhs} = {base.rhs}", self._source)):
            return _ambiguous(
                result,
                f"{both} is both a vector ({both}_i) and an index (as in p_{both}): the "
                f"class of a one-hot {both}, perhaps, which is not read here",
            )
        stated = AT_VALUE.fullmatch(result.condition or "")  # judged at a value stated for it
        if (
            result.flagged
            and not stated
            and (remark := self._at_remarked_value(step, base, counted))
        ):
            return _ambiguous(result, remark)
        if result.flagged and (self.hedged - {"y"}) and self._holds_if_hedged(step, base, counted):
            return _ambiguous(
                result,
                f"with {', '.join(sorted(self.hedged - {'y'}))} summing to one it holds: "
                f"{self.hedge or 'a sentence with a negative word may say so'}",
            )
        if (
            result.flagged
            and self.teacher
            and self._holds_if_hedged(step, base, counted, self.teacher)
        ):
            return _ambiguous(
                result,
                f"it holds when the teacher's {', '.join(sorted(self.teacher))} sum to one, "
                "as a teacher's softened probabilities do; the text does not say what they are",
            )
        hinted = self.meanings.hinted - {"y"} if self.true_targets else set()
        if result.flagged and hinted and self._holds_if_hedged(step, base, counted, hinted):
            written = ", ".join(sorted(hinted))
            return _ambiguous(result, f"it holds when {written} sum to one: {self._may_state_it()}")
        if result.status == "holds" and not result.hypothesis_stated:
            if why := self._may_state_it():
                return _ambiguous(result, why)
        if result.flagged and self.constrained and result.counterexample is not None:
            names = {
                re.match(r"[A-Za-z]*", name).group()  # type: ignore[union-attr]
                for name, _ in result.counterexample.point
            }
            if zero := at_zero_sums(self, step, base, counted, names):
                return zero  # Σ v = 0: a counterexample that respects it
            for name in sorted(names & self.constrained.keys()):
                if "{" in self.constrained[name] or "≤" in self.constrained[name]:  # {0, 1}
                    interval = "≤" in self.constrained[name]
                    indexed = any(  # y = (7/2), y_1 = 7/2: the entries of a vector y
                        (written == name and value.startswith("("))
                        or written.startswith((f"{name}_", f"{name}["))
                        for written, value in result.counterexample.point
                    ) and not (self.hypothesis_stated or self.meanings.normalized)
                    signs = (-1, 1) if "-1" in self.constrained[name] else (0, 1)  # ±1 labels
                    binary = self._at_binary_values(
                        step, base, counted, name, interval, indexed, signs
                    )
                    if binary is not None:
                        return binary
                return _ambiguous(
                    result,
                    f"the document states {self.constrained[name]}, which this "
                    "counterexample does not respect",
                )
        if result.flagged and (binary := self._binary_label(step, base, counted, result)):
            return binary
        if result.flagged and (hot := self._one_hot_counterexample(step, base, result)):
            return (hot.flagged and self.held_in_the_class_said(step, base, hot)) or hot
        if result.flagged and (held := self.held_in_the_class_said(step, base, result)):
            return held
        if result.flagged and (case := self.in_class_case(step, base, result.summary)):
            return _ambiguous(result, case)
        return result

    def _scoped(self, step: Step, base: StepResult, result: StepResult) -> StepResult | None:
        """A flagged step whose sum is written without parentheses and whose index a term
        after it uses (``\\sum_i y_i \\log a_i + (1 - y_i) \\log(1 - a_i)``), not refuted with
        the sum taken over those terms: ambiguous; None where no sum of the step is written so,
        or where it is refuted that way too (the flag stands on both readings)."""
        texts, letters = [base.lhs, base.rhs], []
        for side in (0, 1):
            while (scoped := scoped_sums(texts[side])) is not None and len(letters) < 4:
                texts[side], letters = scoped[0], [*letters, scoped[1]]
        if not letters:
            return None
        shown = ", ".join(sorted(set(letters)))
        if self._refuted_as(step, base, texts) is not None:
            return None  # refuted also so: the flag goes on to the other readings' checks
        return _ambiguous(
            result,
            f"the sum over {shown} is written without parentheses and a term after it uses "
            f"{shown}: read as written the step fails, with the sum over those terms it is not "
            "refuted",
        )

    def _summed_over(
        self, step: Step, base: StepResult, letter: str, side: int
    ) -> StepResult | None:
        """The step refuted also with the sum over ``letter`` written on ``side`` (0 left, 1
        right): the flag, under both readings; None when it is not refuted so."""
        texts = [base.lhs, base.rhs]
        texts[side] = rf"\sum_{{{letter}}} \left( {texts[side]} \right)"
        return self._refuted_as(step, base, texts)

    def _refuted_as(self, step: Step, base: StepResult, texts: list[str]) -> StepResult | None:
        """The step, its sides written as ``texts``, refuted in every case: that verdict; None
        when it is not refuted so (or not read)."""
        try:
            with time_limit(STEP_SECONDS):
                lhs, rhs = (self.read_written(text, step.relation.start) for text in texts)
                checks = judge(lhs, rhs, self.meanings, step.condition, self.hypothesis_stated)
        except (_NotChecked, OutOfTime, SymsoftError, RecursionError, ValueError, TypeError):
            return None
        except (ArithmeticError, NotImplementedError):
            return None
        refuted = [c for c in checks if c.verdict.status == "refuted"]
        if not refuted or len(refuted) != len(checks):
            return None
        summed = _summarized(base, checks, self.hypothesis_stated, self.n)
        if not summed.flagged:
            return None
        return summed

    def _operand_to_side_end(self, step: Step, base: StepResult, counted: int) -> str:
        """Why a flag is withheld from a step with a derivative operator before a sum written
        without brackets (``\\frac{d}{dx} \\sigma(x) + x = \\sigma(x)(1 - \\sigma(x)) + 1``):
        read to the end of its side, as an author who drops the brackets means, it holds or
        is not read; "" when not."""
        if not any(reaches_past_its_term(side) for side in (base.lhs, base.rhs)):
            return ""
        other = replace(self, cache={})
        other.reader = Reader(self.meanings, layout=self.reader.layout, operands="side")
        try:
            judged = other._verdict(step, base, counted)
        except _NotChecked:
            judged = None
        if judged is not None and judged.flagged:
            return ""
        return (
            "read with the derivative operator applied to the rest of its term; applied to "
            "the rest of its side, as when the brackets are left out, the step "
            + ("holds" if judged is not None and judged.status == "holds" else "is not read")
        )

    def _binary_label(
        self, step: Step, base: StepResult, counted: int, result: StepResult
    ) -> StepResult | None:
        """A flag refuted at a scalar label neither 0 nor 1 (``p^y (1-p)^{1-y} = yp + (1-y)(1-p)``
        at y = -4) in a text that does not say which values it takes: judged at y = 0 and 1,
        refuted there, that flag; else "not checked: ambiguous" (a binary label may be meant).
        None: no such label in the counterexample."""
        point = dict(result.counterexample.point) if result.counterexample else {}
        written = f"{base.lhs} {base.rhs}"
        for name in sorted((self._label_names() & point.keys()) - self.constrained.keys()):
            if point[name] in ("0", "1") or re.search(rf"\\partial\s*{name}\b", written):
                continue
            binary = self._at_binary_values(step, base, counted, name)
            if binary is not None and (binary.status != "holds" or binary.summary.endswith("says")):
                # not checked, flagged, or "holds when y = 1, as the text says" (its case)
                return binary
            held = (
                f"it holds for a label {name} ∈ {{0, 1}}"
                if binary
                else (f"at a label {name} ∈ {{0, 1}} it is not decided")
            )
            why = f"the counterexample's {name} is neither 0 nor 1; {held}, and the text does not"
            return _ambiguous(result, f"{why} say which values it takes")
        return None
