"""What the words around a worked example say of its values: a value approximated in them
(``S \\approx (0.659, 0.242, 0.099)``) judged at the example unless words between take another
point; the class of its one example named by its place ("the second class correct"); a vector
named for its entries (``Y = [y_1, y_2, y_3]``) whose values are its entries'."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.definitions import loss_weights
from symsoft.reading.meaning.examples import Example
from symsoft.reading.meaning.prose import HEADING

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


class _ExampleWords:
    """Part of :class:`_Judging`."""

    approximate = False  # judging a list of decimals an expression is approximated by

    def _approximated(
        self: _Judging, step: Step, base: StepResult, counted: int, variant: int | None, judge_as
    ) -> StepResult:
        """``A \\approx 0.417`` (or a list of decimals) judged as ``A = 0.417`` and then to the
        digits written (rounding.approximated); at a worked example only where no words between
        the example's values and the step may take another point ("doubling the scores", "at
        temperature two", "after one update", "dividing by the raw scores")."""
        self.approximate = judge_as.__name__ == "each_at_the_example"  # a list of values
        try:
            judged = judge_as(self._judge(replace(step, kind="eq"), base, counted, variant))
        finally:
            self.approximate = False
        if "at the worked example" not in judged.summary or judged.status == "not checked":
            return judged
        given = [at for at, _, _, _ in self._values_in_force(step)]
        between = self.text.original[max(given, default=0) : step.lhs.start]
        between = _DISPLAYED.sub(" ", _ORDINAL_CLASS.sub(" ", between))  # ("the second class")
        numbers = " ".join(m.group(1) for m in _NUMBER_MATH.finditer(between))  # "of $2$"
        words = re.sub(r"\$[^$]*\$", " ", between) + " " + numbers
        why = ""
        if _NEW_PARAGRAPH.search(words):
            why = "a paragraph after the example's"
        elif found := _ANOTHER_POINT.search(words):
            why = f"the words before it ('{found.group().strip()}')"
        elif numbers:
            why = f"the values written before it ({numbers})"
        if why:
            raise _NotChecked(
                f"ambiguous: {judged.summary}; {why} may take another point than the example's",
                step.relation.start,
            )
        return judged

    def _class_in_words(
        self: _Judging, step: Step, read: list[Example], free: set[str]
    ) -> list[Example]:
        """The one-hot labels of a worked example whose class its words name by its place ("say
        the first class is the right one", "the second class correct"), in the section of the
        step, after a vector of values: the loss's label letter, one at that class; [] when
        not said so, said twice or negated."""
        sized = [e for e in read if e.size is not None]
        labels = loss_weights(self.meanings.table) & free
        if len(sized) != 1 or len(labels) != 1 or any(e.name in labels for e in read):
            return []
        (label,), size = labels, sized[0].size
        section = self.text.slice(sized[0].position, step.lhs.start)
        if HEADING.search(section):
            return []
        said = {m.group(1) or m.group(2) for m in _ORDINAL_CLASS.finditer(section)}
        if len(said) != 1 or _NEGATED.search(section) or _OTHER_LABELS.search(self._source):
            return []  # (smoothed, soft or multi-hot targets: not one-hot at that class)
        place = _ORDINALS.index(said.pop().lower()) + 1
        if place > size:
            return []
        values = {f"{label}_{k}": sympy.Integer(int(k == place)) for k in range(1, size + 1)}
        return [Example(sized[0].position, label, values, size)]

    def _aliases(self: _Judging, free: set[str] | None = None) -> dict[str, str]:
        """The names the text gives to a free vector's entries (``Y = [y_1, y_2, y_3]``: Y_k is
        y_k), each with that vector's name."""
        found = {}
        for name, meaning in self.meanings.table.items():
            value = meaning.value
            if (
                isinstance(value, sympy.Indexed)
                and meaning.index is not None
                and value.indices == (meaning.index,)
                and (free is None or str(value.base.label) in free)
            ):
                found[name] = str(value.base.label)
        return found


_DISPLAYED = lazy(r"\$\$[\s\S]*?\$\$|\\\[[\s\S]*?\\\]|\$\$[^$]*$|\\\[[^$]*$")  # (its own too)
_NUMBER_MATH = lazy(r"\$\s*(-?\d+(?:\.\d+)?)\s*\$")  # a value given in math: "scores $3$"
_NEW_PARAGRAPH = lazy(r"\S[ \t]*\n[ \t]*\n\s*\S")  # a paragraph of prose after the example's
# words that may take a worked example to another point, or another computation, before a value
_ANOTHER_POINT = lazy(
    r"(?i)\b(?:doubl\w*|halv\w*|half|twice|tripl\w*|scal\w*|add\w*|subtract\w*"
    r"|(?:divid|multipl)\w*\s+(?:by|every|each|all|the\s+(?:scores|logits|inputs))|shift\w*|rais\w*|lower\w*|increas\w*|decreas\w*|chang\w*|updat\w*|step|steps|after|"
    r"temperature|instead|suppose\w*|if|were|would|what\s+if|another|new|drop\w*|remov\w*|"
    r"replac\w*|without|raw|hard\s*max|arg\s*max|max|two|three|four|five|six|seven|eight|nine|"
    r"ten|zero|minus|plus|infinit\w*|larger|smaller|bigger|perturb\w*|nudg\w*|mov\w*)\b"
    r"|\b(?:squar\w*|cub\w*|exponentiat\w*|negat\w*|invert\w*|revers\w*|sort\w*|again|once\s+more"
    r"|(?:second|third|fourth|next|last)\s+(?:inputs?|examples?|points?|pictures?|images?|logits?"
    r"|scores?|samples?|cases?|steps?|updates?|batch\w*|iterations?|epochs?)|scores?\s+-?\d)\b"
    r"|\b(?:of|at|to|by|from)\s+-?\d"  # "a logit of 2" (never values said: "about 7.389")
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
# a class named by its place: "the first class is the right one", "the second class correct",
# "the correct class is the third"
_ORDINAL_CLASS = lazy(  # led by the sentence's start, "and", "with", "say", "here" or "where"
    r"(?i)(?:^|[.,;:(]\s*|\b(?:and|with|say|here|where)\s+)(?:the\s+)?(first|second|third|fourth"
    r"|fifth)\s+class\s+(?:is\s+)?(?:the\s+)?(?:correct|right|true|target)\b|\b(?:the\s+)?(?:correct"
    r"|right|true|target)\s+class\s+is\s+(?:the\s+)?(first|second|third|fourth|fifth)\b"
)
_NEGATED = lazy(
    r"(?i)\b(?:not|n't|never|wrong|incorrect|suppose|if|though|although|but|however|instead"
    r"|unless|were|would|for\s+an?)\b"
)
_OTHER_LABELS = lazy(  # (targets given other values: smoothed, soft, in numbers)
    r"(?i)multi[- ]?(?:hot|label)|smooth\w*|soft\s+(?:targets?|labels?)|mix\w*|\\(?:var)?epsilon"
    r"|\b(?:targets?|labels?)\b[^.]{0,80}?\d*\.\d|\d*\.\d+[^.]{0,60}?\b(?:on\s+)?each\s+other\b"
)
