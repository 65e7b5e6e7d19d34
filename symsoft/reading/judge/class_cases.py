"""Labels a text fixes by naming a class in words: a worked example's class ("the label is the
first class"), and a step's index said to be, or not to be, the class of a hard label ("for
$o_j$, which is not a correct class:", then ``\\frac{\\partial L}{\\partial o_j} = p_j``).
A flag that rests on labels the text so excludes is withheld."""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.subscripts import whole_letters
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.trailing_cases import before_opening
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import HEADING
from symsoft.reading.meaning.table import Meaning

# a worked example that names the class of its one example ("the label is the first class",
# "the correct class is 2", "the target is class $3$"): a hard label, one-hot at that class
CLASS_NAMED = lazy(
    r"\b(?:label|class|target)\s+is\s+(?:the\s+)?(?:(?:first|second|third|fourth|fifth|last)\b"
    r"|(?:class|index|category)\s+\$?\d|\$?\d+\$?(?![.\d]))",
    re.IGNORECASE,
)
# the words leading into a display say its index is, or is not, the example's class: "for
# $o_j$, which is not a correct class:", "Here, $k$ is the correct class, and"
_CLASS_CASE = lazy(
    r"(?:\$|\\\()\s*(?:[A-Za-z]+\s*_\s*\{?\s*)?([a-z])\s*\}?\s*(?:\$|\\\))[^$.!?]{0,30}?"
    r"\b(?:which\s+)?is\s+"
    r"(not\s+|anything\s+(?:but|other\s+than)\s+|other\s+than\s+)?(?:a|the)\s+"
    r"(?:correct|true|target|right|actual)\s+(?:class|label)\b",
    re.IGNORECASE,
)


# a lead that names the true class with no letter (review 79b)
_THE_OTHER = lazy(r"(?i)\b(?:if\s+not|otherwise|else|sinon|sonst)\b|否则")
_TURNS = lazy(r"(?is)[^.!?]*[;,]\s*(?:and\s+|but\s+)?(?:if\s+not|otherwise|else)\s*[,:]?\s*")
_CLASS_LEAD = lazy(
    r"(?i)\b(?:for|when|if|at|on)\s+(?:it\s+is\s+)?the\s+"
    r"(?:true|correct|target|right|ground[- ]truth)\s+(?:class|label)(?:\s+itself)?\s*[,:]?\s*$"
)


def _same_case(case: str, wanted: str) -> bool:
    """Whether an index case (``"c ≠ j"``, ``"j ≠ c"``) is the one wanted (``"c ≠ j"``)."""
    left, relation, right = wanted.split(" ")
    return case in (wanted, f"{right} {relation} {left}")


def said_of(from_class: bool) -> str:
    """How the text says its labels are one-hot: in those words, or by naming the class."""
    return "names the class of its example, so" if from_class else "says"


class _ClassCases:
    """Part of :class:`_Judging`."""

    def in_class_case(self, step: Step, base: StepResult, summary: str = "") -> str:
        """Why a flag is withheld from a step whose leading words say its index is, or is not,
        the class of a hard label (``\\frac{\\partial L}{\\partial o_j} = p_j`` after "for
        $o_j$, which is not a correct class:"): read with ``y_k = \\delta_{kc}`` it holds in
        that case (c ≠ j, or c = j); "" when not."""
        said = self.said_class_case(step, base, summary)
        if said is None:
            return ""
        index, negated = said
        wanted = f"c ≠ {index}" if negated else f"c = {index}"
        k = sympy.Dummy("k", integer=True, positive=True)
        c = sympy.Symbol("c", integer=True, positive=True)
        for name in sorted(self._label_names()):
            meaning = Meaning(
                name, k, sympy.KroneckerDelta(k, c), "one-hot labels", rf"{name}_k = \delta_{{kc}}"
            )
            judged = self._judged_with(step, base, 0, meaning, variant=-9)
            if not isinstance(judged, StepResult):
                continue
            cases = [check for check in judged.cases if _same_case(check.case, wanted)]
            if cases and all(check.verdict.status == "proved" for check in cases):
                return (
                    f"the text says {index} is {'not ' if negated else ''}the class of its "
                    f"one-hot {name}; read so ({name}_k = δ_kc, {wanted}) it holds"
                )
        return ""

    def held_in_the_class_said(self, step: Step, base: StepResult, result: StepResult):
        """``result`` of a step that holds only when the text's true class (a letter it calls
        so: "true class $c$") is, or is not, the step's index, as "holds when …" where its
        leading words name that case ("Unless $k$ is the true class,", "For the true class
        itself,": smoothed targets, review 79d); None otherwise."""
        found = re.match(r"holds only when ([a-z]) (=|≠) ([a-z]) \(", result.summary)
        said = self.said_class_case(step, base, result.summary) if found else None
        if found is None or said is None or said[0] not in (found.group(1), found.group(3)):
            return None
        letter = found.group(3) if said[0] == found.group(1) else found.group(1)
        named = re.escape(letter)
        hot = re.search(rf"the one-hot \w+ the text states, \w+ = δ_[a-z]{named}\)", result.summary)
        if letter == said[0] or not hot and not _calls_the_class(self._source, letter):
            return None
        if (found.group(2) == "≠") != said[1]:
            return None  # (the other case: the flag stands)
        case = f"{found.group(1)} {found.group(2)} {found.group(3)}"
        summary = f"holds when {case}, as the words before it say"
        return replace(result, status="holds", summary=summary, cases=(), holds_when="")

    def said_class_case(
        self, step: Step, base: StepResult, summary: str = ""
    ) -> tuple[str, bool] | None:
        """The index a step's leading words say is (False) or is not (True) the class of the
        labels ("for $o_j$, which is not a correct class:", "Unless $k$ is the true class,",
        "For the true class itself,"), with that negation; None when they say none."""
        if step.lhs is None:
            return None
        start = step.lhs.start
        # the words of its section before it ("Here, $k$ is the correct class", then "This
        # means:" before the same step again): the last that speaks of one of its indices
        section = self._source[:start]
        headings = list(HEADING.finditer(section))
        section = section[headings[-1].end() if headings else 0 :]
        written = f"{base.lhs} {base.rhs}"
        said = None
        for found in _CLASS_CASE.finditer(section):
            if re.search(rf"_\s*\{{?\s*{found.group(1)}\b", written):
                said = found
        letters = {m.group(1) for m in _CLASS_SUBSCRIPT.finditer(written)} - {"c"}
        if held := re.match(r"holds only when c = ([a-z]) ", summary):
            letters = {held.group(1)}  # the case the step holds in: its one index
        lead = re.split(r"[.!?](?:\s|$)", before_opening(section))[-1]
        if _CLASS_LEAD.search(lead):
            # "For the true class itself," "When it is the true class,": the step's one index
            # (never "Not for the true class:", "Not just for …": review 80a)
            negated = re.search(r"(?i)\b(?:not|n't|never|just|only|also|except|unless)\b", lead)
            return (letters.pop(), False) if len(letters) == 1 and not negated else None
        later = before_opening(section)[said.end() :] if said else ""
        if said is None or (_THE_OTHER.search(later) and not _TURNS.fullmatch(later)):
            return None
        clause = re.split(r"[.!?;,:]\s", section[: said.start()])[-1]
        unless = re.search(r"(?i)\b(?:unless|except\s+(?:when|if|where))\b", clause)
        # "If $k$ is the true class, the target is …; if not,": the other case (review 80a)
        return said.group(1), bool(said.group(2)) ^ bool(unless) ^ bool(_THE_OTHER.search(later))


def hot_letter_said(summary: str, sentences: list[str], lead: str = "", text: str = "") -> bool:
    """Whether a step that holds only when the one-hot class c is some letter (``holds only when
    c = o``) is in a text whose sentence on its one-hot labels names that letter ("a one-hot
    vector with a 1 for the true outside word $o$", "$y_i$ is 1 iff $i == o$").

    >>> hot_letter_said("holds only when c = o (fails when c ≠ o)", ["y is one-hot, 1 at $o$"])
    True
    >>> hot_letter_said("holds only when c = w", ["one-hot, an entry for every word $w$"])
    False
    >>> hot_letter_said("holds only when c = i (fails when c ≠ i)", ["with one-hot $y$"])
    False
    """
    if class_case_led(summary, lead, text):
        return True
    found = re.match(r"holds only when c = ([a-zA-Z])\b", summary)
    if not found:
        return False
    letter = re.escape(found.group(1))
    # the class holding the 1: "a 1 for the true outside word $o$", "$y_o = 1$", "$i == o$"
    named = re.compile(
        rf"\b(?:1|one)\s+(?:for|at|in)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,3}}\$\s*{letter}\s*\$"
        rf"|\$[^$]{{0,30}}(?:[a-z]\s*==?\s*{letter}|_\{{?\s*{letter}\s*\}}?\s*=\s*1)\s*\$"
    )
    return any(named.search(sentence) and _HOT.search(sentence) for sentence in sentences)


_HOT = lazy(r"one[- ]?hot|true|correct|target|label", re.IGNORECASE)


def class_case_led(summary: str, lead: str, text: str) -> bool:
    """Whether a step that holds only when the one-hot class c is (or is not) its index
    (``holds only when c ≠ m``) is led by words that put that index in that case against the
    letter ``text`` calls the correct class ("Let $k$ be the index of the correct class", "For
    $m \\neq k$": red team 74): the class c is the text's k, which is not read.

    >>> said = "Let $k$ be the correct class."
    >>> class_case_led("holds only when c ≠ m (fails when c = m)", "For $m \\\\neq k$:", said)
    True
    >>> class_case_led("holds only when c ≠ m (fails when c = m)", "For $m \\\\neq j$:", said)
    False
    >>> class_case_led("holds only when c = i", "the $k = i$ term", "$k$ a class")
    False
    """
    found = re.match(r"holds only when c (=|≠) ([a-zA-Z])\b", summary)
    if not found:
        return False
    letter = re.escape(found.group(2))
    relation = "=" if found.group(1) == "=" else r"(?:\\neq?|\\not\s*=|≠|!=)"
    other = r"([a-zA-Z])"
    cases = re.finditer(
        rf"\$\s*(?:{letter}\s*{relation}\s*{other}|{other}\s*{relation}\s*{letter})\s*\$", lead
    )
    for case in cases:
        named = case.group(1) or case.group(2)
        if re.escape(named) != letter and _calls_the_class(text, named):
            return True
    return False


_THE_CLASS = r"(?:correct|true|target|right)\s+(?:class|label)"


def _calls_the_class(text: str, letter: str) -> bool:
    """Whether ``text`` calls ``letter`` the correct class ("true class $c$", "$k$, the
    correct class")."""
    named = re.escape(letter)
    return bool(
        re.search(
            rf"\$\s*{named}\s*\$[^.$]{{0,40}}\b{_THE_CLASS}|{_THE_CLASS}[^.$]{{0,20}}\$\s*{named}\s*\$",
            text,
        )
    )


_CLASS_SUBSCRIPT = lazy(r"(?<![\\A-Za-z])[a-z](?:\^\{?\w\}?)?\s*_\s*\{?\s*([a-z])\s*\}?(?![\w^])")
INDEXED_LETTER = lazy(r"(?<![\\A-Za-z])([A-Za-z])\s*_")


def not_one_hot(point: dict[str, str], name: str) -> bool:
    """Whether a counterexample's ``point`` gives the labels ``name`` (``y_1``, ``y_2``, …)
    values that are not one-hot (none given: False)."""
    labels = sorted(v for k, v in point.items() if re.fullmatch(rf"{name}_\d+", k))
    return bool(labels) and labels != ["0"] * (len(labels) - 1) + ["1"]


def free_labels(result: StepResult, names: set[str]) -> bool:
    """Whether the counterexample of ``result`` gives one of ``names`` (labels the text says
    are one-hot) values that are not one-hot: the refutation rests on labels it excludes."""
    point = dict(result.counterexample.point) if result.counterexample else {}
    return any(not_one_hot(point, name) for name in names)


def entry_clash(result: StepResult) -> str:
    """Why a counterexample is no point of the text: it gives an index letter a number (``T =
    1``) and the entry at that letter another value than the entry at that number (``x_T = 3``,
    ``x_1 = 11/4``): the letter was read both as an index and inside a name of its own; "" when
    the counterexample has no such pair."""
    point = dict(result.counterexample.point) if result.counterexample else {}
    for letter, value in point.items():
        if not re.fullmatch(r"[A-Za-z]", letter) or not re.fullmatch(r"\d+", value):
            continue
        for key, at_letter in point.items():
            base = key[: -len(letter) - 1]
            if (
                key.endswith(f"_{letter}")
                and base
                and point.get(f"{base}_{value}", at_letter) != at_letter
            ):
                return (
                    f"its counterexample sets {letter} = {value} but gives {key} and "
                    f"{base}_{value} different values: {letter} is read as an index and in a "
                    "name of its own, not one reading"
                )
    return ""


def name_and_index(written: str, elsewhere: str = "") -> str:
    """A letter a step writes as an indexed name and, there or ``elsewhere`` (``C = -\\ln a_y``),
    as a whole subscript (``-\\sum_i y_i \\log p_i = -\\log p_y``: labels and class), or ""."""
    named = {m.group(1) for m in INDEXED_LETTER.finditer(written)}
    indices = whole_letters(written) | set(_CLASS_SUBSCRIPT.findall(elsewhere))
    both = sorted((named & indices) - set("ijklmn"))
    return both[0] if both else ""
