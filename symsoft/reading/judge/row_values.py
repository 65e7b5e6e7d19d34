"""A step at a value its row or the words before its display state: a binary label's value beside
the row (``L = -\\log\\hat{y} \\quad \\text{if } y = 1``, ``\\text{for } t = 0``), a parameter's
after a bare ``\\quad`` (``\\quad T = 1``), or said just before the display ("If $y = 1$,").  The
step is judged with the letter at that value; a row that goes on from the row of another case
("… \\text{if } y = 1 \\\\ &= … \\quad \\text{if } y = 0") is judged from where that row went on
from; a condition beside a row that is not read keeps any flag from standing."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Span
from symsoft.reading.documents.word_names import WORD_MARK
from symsoft.reading.judge.leads import case_lead, last_words, led_value
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.trailing_cases import _CLOSING, _one_chain
from symsoft.reading.judge.unsure import AT_VALUE, _ambiguous
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.label_remarks import remarked_label
from symsoft.reading.meaning.label_words import label_case
from symsoft.reading.meaning.table import Meaning
from symsoft.reading.meaning.variables import variables_of

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging

_GREEK = r"\\(?:tau|epsilon|varepsilon|alpha|beta|gamma|eta|lambda)(?![a-zA-Z])"
# beside the row: the word and one letter at a value (a label at 0 or 1, a parameter at a number),
# or a parameter's value after a bare \quad; then the row's end (or the next equation of the row)
_ROW_VALUE = lazy(
    r"(?:\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:if|when|for)\s*\}\s*(?:\\[,;: ]\s*)*"
    rf"(?P<name>[A-Za-z](?![A-Za-z])|{_GREEK})\s*=\s*(?P<value>-?\d+(?:\.\d+)?)(?![\d.])"
    rf"|(?<=quad)\s*(?P<parameter>[A-Za-z](?![A-Za-z])|{_GREEK})\s*=\s*"
    r"(?P<number>-?\d+(?:\.\d+)?)(?![\d.]))\s*[,.;]?\s*"
    r"(?:$|\\\\|&|\\q?quad(?![a-zA-Z])|\\end\s*\{|\$)"
)
# where a row ends: a row break, the end of the math, a blank line
_ROW_END = lazy(r"\\\\|\$|\\\]|\\end\s*\{|\n\s*\n")
# between the step and the value: the rest of its own chain, no other equation of the row
_OTHER_EQUATION = lazy(r"\\q?quad(?![a-zA-Z])|(?<![\\{])[,;]")
_SEPARATORS = lazy(r"(?:\s|,|\\q?quad(?![a-zA-Z])|\\[,;: ])*$")
# words beside a row, then a relation of a letter: "\text{at } y = 0", "\text{wenn } y = 1"
_WORDED_RELATION = lazy(
    r"\\(?:text|mbox|textrm|mathrm)\s*\{[^{}]*[A-Za-z\u00c0-\uffff]{2}[^{}]*\}\s*(?:\\[,;: ]\s*)*"
    r"(?P<letter>\\?[A-Za-z]+)\s*(?:_\s*(?:\{[^{}]*\}|\w)\s*)?"
    r"(?:=|\\neq?(?![a-zA-Z])|\\to(?![a-zA-Z])|<|>|\\[lg]eq?(?![a-zA-Z]))"
)
# a condition in words beside a row that no reading here applies: "\text{otherwise}",
# "\text{unless } y = 1", "\text{if } y = 1 \text{ and } z = 0"
_CONDITION_WORDS = lazy(
    r"\\(?:text|mbox|textrm|mathrm)\s*\{[^{}]*\b(?:if|when|whenever|unless|otherwise|else|only"
    r"|provided|assuming|given|except)\b"
)


# "\quad j = 2, \dots, K": a range that leaves indices out (review 77b G), not read
_PART_RANGE = lazy(
    r"(?<![A-Za-z\\_^])[a-z]\s*(?:=\s*(?:[2-9]|\d\d+)\s*(?:,|\.\.)\s*(?:\d+\s*,\s*)?(?:\\[lc]?dots|\.\.\.|[A-Za-z])"
    r"|(?:>|\\geq?(?![a-zA-Z])|≥)\s*\d"
    r"|\\in(?![a-zA-Z])\s*(?:\\left\s*)?(?:\\\{|\[|\\\[)\s*(?:[2-9]|\d\d+)\s*[,.])"
    r"|(?<![\d.])(?:[2-9]|\d\d+)\s*(?:<|\\leq?(?![a-zA-Z])|≤)\s*[a-z](?![A-Za-z])"
)
_TOTAL = lazy(r"[^{}]*\}\s*(?:\\[,;: ]\s*)*\\sum")


def _rest_of_row(judging: _Judging, step: Step) -> str:
    source = judging.text.original
    end = _ROW_END.search(source, step.rhs.end, step.rhs.end + 400)
    return source[step.rhs.end : end.start() if end else step.rhs.end + 400]


def _row_value(judging: _Judging, step: Step) -> tuple[str, sympy.Rational] | None:
    """The letter and the value beside the step's row, after its chain's last side."""
    rest = _rest_of_row(judging, step)
    found = _ROW_VALUE.search(rest)
    if found is None:
        return None
    before = _SEPARATORS.sub("", rest[: found.start()])  # (the marks that set the value apart)
    if _OTHER_EQUATION.search(before):
        return None
    name = (found.group("name") or found.group("parameter")).lstrip("\\")
    value = sympy.Rational(found.group("value") or found.group("number"))
    if found.group("name") and len(name) == 1 and value not in (0, 1):
        return None  # "\text{for } x = 3": a worked example's value, perhaps; a label's are 0, 1
    return name, value


def _not_put_in(judging: _Judging, base: StepResult, name: str) -> bool:
    """An index, a size, a defined name, a variable the step or the text differentiates by
    (``\\frac{d}{dx} f(x) = 1 \\quad \\text{for } x = 0``): no value of it is put in."""
    meanings, name = judging.meanings, name.partition("_")[0]  # (y of y_i)
    return (
        name in "ijklmn"
        or name in meanings.table
        or name in ("N", meanings.size.name)
        or name in variables_of(f"{base.lhs} {base.rhs}")[0]
        or name in judging._by[0]
    )


def _at(
    judging: _Judging, step: Step, base: StepResult, counted: int, name: str, value: sympy.Rational
) -> StepResult | None:
    """The step judged with ``name`` at ``value``, said so; None where undecided there."""
    label, _, index = name.partition("_")  # y_i = 1: every example's label (as y_m for any m)
    if index and _summed(judging, label):
        return None  # (y_c = 1 of a one-hot y summed in the loss: not every entry 1)
    said = f"{name} = {value}" + (f" for every {index}" if index else "")
    dummy = sympy.Dummy("m", integer=True, positive=True) if index else None
    meaning = Meaning(label, dummy, value, "the text", said)
    variant = -(4 * 10**7) - hash((name, str(value), step.lhs)) % 10**6
    try:
        judged = judging._judged_with(step, base, counted, meaning, variant=variant)
    except Exception:  # noqa: BLE001 - not decided at the value (T = 0 in e^{z/T}): no verdict
        return None
    if isinstance(judged, StepResult) and (judged.status == "holds" or judged.flagged):
        return replace(judged, summary=f"{judged.summary} where {said}", condition=said)
    return None


def _summed(judging: _Judging, label: str) -> bool:
    """Whether a meaning of the text sums over entries of ``label`` as one vector's
    (``-\\sum_j y_j \\log p_j``), not as binary labels (``\\sum_i y_i \\log p_i + (1 - y_i) …``)."""
    for meaning in judging.meanings.table.values():
        if meaning.source == "standard" or meaning.value is None:
            continue  # (symsoft's own cross-entropy, unless the text defines one)
        for total in meaning.value.atoms(sympy.Sum):
            entries = [e for e in total.atoms(sympy.Indexed) if str(e.base) == label]
            if entries and not any(total.has(1 - e) for e in entries):
                return True  # (with 1 - y_i beside it: binary labels, one per example)
    return False


def _after_another_case(judging: _Judging, step: Step, name: str, said: str) -> Span | None:
    """Where the chain goes on from when a row before the step in its chain is at another value
    of the same letter (or under a condition not read): the left side of the earliest such row
    (``… \text{if } y = 1 \\ &= … \\ &= … \text{if } y = 0``: from before the y = 1 row)."""
    link = judging.lhs_of.get(step.lhs.start) if step.lhs is not None else None
    start, seen = None, set()
    while link is not None and link[0].start not in seen:
        seen.add(link[0].start)
        if link[1] == "?" or (link[1] and link[1] != said and link[1].startswith(f"{name} = ")):
            start = link[0]
        link = judging.lhs_of.get(link[0].start)
    return start


def _root(judging: _Judging, step: Step) -> Span | None:
    """The start of the chain a row opening with '=' goes on from across displays, when that is
    another side than the step's left side; else None."""
    if step.lhs is None or step.lhs.start >= judging.bodies.get(step.display, step.rhs).start:
        return None  # (the chain goes on within its display)
    link, start = judging.lhs_of.get(step.lhs.start), None
    while link is not None:
        start = link[0]
        link = judging.lhs_of.get(start.start)
    return start if start is not None and start != step.lhs else None


def at_stated_value(
    judging: _Judging, step: Step, base: StepResult, counted: int, result: StepResult
) -> StepResult:
    """``result`` at the value the step's row or the words just before its display state."""
    stated = _row_value(judging, step)
    led = None if stated else led_value(case_lead(judging.leads, step.display))
    if led is not None:
        stated = (led[0], sympy.Integer(led[1]))
    said = f"{stated[0]} = {stated[1]}" if stated else ""
    known = judging.lhs_of.get(step.rhs.start)
    if step.lhs is not None and (known is None or known[0] == step.lhs):
        judging.lhs_of[step.rhs.start] = (step.lhs, said)  # (not a reading from another side)
    if stated is None:
        rest = _rest_of_row(judging, step)
        worded = _WORDED_RELATION.search(rest)
        if worded and worded.group("letter") in tuple("ijklmn"):
            worded = None  # "\text{for } j = 1, \dots, N": an index's range or case, read apart
        words = _CONDITION_WORDS.search(rest) or worded or _PART_RANGE.search(rest)
        if words and _TOTAL.match(rest, words.end()):
            words = None  # "\quad \text{if } \sum_k y_k = 1": a hypothesis, read as one
        if words and step.condition is None and step.lhs is not None:
            judging.lhs_of[step.rhs.start] = (step.lhs, "?")  # a case not read
            before = judging.lhs_of.get(step.lhs.start)
            if result.flagged or (before is not None and before[1]):  # (after a case's row)
                return _ambiguous(
                    result, f"the row states a condition ('{words.group()}…') not read"
                )
        return result
    name, value = stated
    if _not_put_in(judging, base, name):
        if led is not None or not result.flagged:
            return result  # (words before the display: the other readings withhold or not)
        return _ambiguous(result, f"the row puts it at {said}, which this reading does not apply")
    if (start := _after_another_case(judging, step, name, said)) is not None:
        # "\text{if } y = 1 \\ &= … \quad \text{if } y = 0": the other case's row is not where
        # this one goes on from; from the start of the chain the step is the author's
        again = _at(judging, replace(step, lhs=start), base, counted, name, value)
        if again is None:
            return _ambiguous(result, f"it goes on from the row of another case than {said}")
        written = judging.text.slice(start.start, start.end).strip()
        return replace(
            again, summary=f"{again.summary}, from '{written}' (not from the other case)"
        )
    if led is not None and (root := _root(judging, step)) is not None:
        # "and if $y = 0$, $$= …$$" after a chain of another case's words: from its start too
        literal = _at(judging, step, base, counted, name, value) if result.flagged else result
        again = _at(judging, replace(step, lhs=root), base, counted, name, value)
        if literal is None or again is None or literal.flagged != again.flagged:
            written = judging.text.slice(root.start, root.end).strip()
            return _ambiguous(
                literal or result,
                f"at {said} it may go on from '{written}', the start of its chain, where it "
                f"{again.summary.split(':')[0] if again else 'is not decided'}",
            )
        return literal if result.flagged and not literal.flagged else result
    if not result.flagged:
        return result
    judged = _at(judging, step, base, counted, name, value)
    if judged is not None and (led is None or not judged.flagged):
        return judged
    if led is not None:
        return result  # the words before it may not state its case: the other readings decide
    return _ambiguous(result, f"the row puts it at {said}, where it is not decided here")


# words that make a value said before a display another case than the display's, or none
_OTHER_CASE = lazy(
    r"(?i)\b(?:unlike|instead|rather|other|otherwise|remaining|except|not|both|all|general|any"
    r"|every|whereas|gegensatz|statt|anders|sonst)\b|不同|否则|而非|其他|一般"
)
_CASE_OPENING = lazy(
    r"(?i)\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?(?:(?:and|so|then|now|but)\s+)?"
    r"(?:if|when|whenever|for|at|with|setting|taking"
    r"|wenn|falls|für|si|quand|cuando|когда|при)\b|\s*(?:当|若|如果|对于|在)"
)
_SENTENCE_END = lazy(r"[.!?;。！？；](?=\s|$)")


def _sentence_cuts(words: str) -> list[int]:
    """Where the sentences of ``words`` start (the ends inside math aside), then its end."""
    outside = re.sub(r"\$[^$]*\$", lambda m: "x" * len(m.group()), words)  # (math: no ends)
    ends = [m.end() for m in _SENTENCE_END.finditer(outside.rstrip().rstrip(".:;,。：；，"))]
    return [0, *ends, len(words)]


def _said(name: str, value: object) -> str:
    """The pattern of ``$name = value$`` written alone in math."""
    return rf"\$\s*{re.escape(name)}\s*=\s*{value}\s*\$"


def names_its_case(lead: str, name: str, value: int) -> bool:
    """Whether the last sentence of the words before a display names ``name = value`` as the
    display's case ("When the true label $y = 0$, the loss becomes:"), not in passing ("Unlike
    the case $y = 1$, here", "When $y = 0$ … In all cases,")."""
    words = last_words(lead)
    sentence = words[_sentence_cuts(words)[-2] :]
    if not re.search(_said(name, value), sentence) or not _CASE_OPENING.match(sentence):
        return False  # (the sentence opens with the case: "When the true label $y = 0$, …")
    return not _OTHER_CASE.search(re.sub(r"\$[^$]*\$", " ", sentence))


# the words before a display: a value of a letter ("and if $y = 0$,"), or words of another case
_MENTION = lazy(r"\$\s*([A-Za-z])\s*=\s*(-?\d+(?:\.\d+)?)\s*\$")
_OTHER_WORDS = lazy(
    r"(?i)\b(?:otherwise|other\s+(?:case|label|class|one)|else|instead|remaining|sonst|sinon"
    r"|si\s+no|(?:negative|positive)\s+(?:label|example|class|case|sample)s?)\b|否则|其他|另一"
)


def mentioned_value(
    judging: _Judging, step: Step, base: StepResult, counted: int, result: StepResult
) -> StepResult:
    """A step whose display the words before it put at a value they mention in passing, or in
    another case ("Otherwise,"), without this reader applying it: a flag stands only if the
    step fails at every value of the label (0 and 1, and the value mentioned); a "holds" of a
    row that goes on from an earlier display only if it holds from its chain's start too."""
    if "at the worked example" in result.summary or AT_VALUE.fullmatch(result.condition or ""):
        return result  # ("Take $y = 1$ and …": the example's values decided it; a stated value)
    words = last_words(case_lead(judging.leads, step.display))
    labels = judging._label_names() | {"t"}  # (a binary label's values: a parameter's are others')
    if result.flagged and step.condition is None and (at := _remarked(judging, step, labels)):
        judged = _at(judging, step, base, counted, *at)  # "$$…$$ This is the case $t = 1$."
        if judged is not None and judged.status == "holds":
            summary = "holds where {} = {}, as the words after it say".format(*at)
            return replace(judged, summary=summary)
        return judged if judged is not None and judged.flagged else result
    values = [(m.group(1), sympy.Rational(m.group(2))) for m in _MENTION.finditer(words)]
    values = [(n, v) for n, v in values if n in labels and v in (0, 1)]
    said = [v for v in (0, 1) if label_case(words, v)]  # "When the label is 0, the loss is"
    if not values and len(said) == 1 and (letter := _label_letter(judging, labels)):
        values = [(letter, sympy.Integer(said[0]))]
    if not values and not _OTHER_WORDS.search(words):
        return result
    if not values and (other := _other_case(judging, step, base, counted, words, labels)):
        return other
    names = {n for n, _ in values} or {
        n for n in ("y", "t") if re.search(rf"(?<![\\A-Za-z]){n}(?![A-Za-z])", judging._source)
    }
    points = {(n, v) for n, v in values} | {(n, sympy.Integer(b)) for n in names for b in (0, 1)}
    points = {(n, v) for n, v in points if not _not_put_in(judging, base, n)}
    named = [
        (n, v)
        for n, v in values
        if v in (0, 1) and (names_its_case(words, n, int(v)) or label_case(words, int(v)))
    ]
    if (
        len(named) == 1
        and named[0] in points
        and (step.lhs is None or _root(judging, step) is None)
    ):
        # "When the true label $y = 0$, the loss becomes: $$L = …$$": the words name its case
        if result.flagged and (judged := _at(judging, step, base, counted, *named[0])):
            shown = judged.flagged and "{} = {}".format(*named[0]) in result.summary
            return result if shown else judged  # (a flag: its counterexample in that case)
        return result
    if len(named) == 1 and named[0] in points:
        points = {named[0]}  # (a row going on from a display before: at the value it names)
    root = _root(judging, step)
    if result.flagged and root is not None:
        # "and in the other case, $$= …$$" after a case's row: from the chain's start perhaps
        again = judging.step(replace(step, lhs=root, term=None, resumed=()), counted)
        if not again.flagged or again.fails_in_a_case or again.status == "holds only":
            written = judging.text.slice(root.start, root.end).strip()
            return _ambiguous(
                result,
                f"the words before it speak of a case: it may go on from '{written}', "
                f"the start of its chain, where it {again.summary.split(':')[0]}",
            )
    if result.flagged:
        for name, value in _ordered(points, values):
            judged = _at(judging, step, base, counted, name, value)
            if judged is None or not judged.flagged:
                return _ambiguous(
                    result,
                    f"the words before it speak of a case; at {name} = {value} it is "
                    f"{'not decided' if judged is None else 'not refuted'}",
                )
        return result
    if result.status != "holds" or root is None:
        return result
    again = judging.step(replace(step, lhs=root, term=None, resumed=()), counted)
    if again.status != "holds":  # "and in the other case, $$= …$$": from the start it is not
        written = judging.text.slice(root.start, root.end).strip()
        return _ambiguous(
            result,
            f"the words before it speak of a case: it may go on from '{written}', "
            f"the start of its chain, where it {again.summary.split(':')[0]}",
        )
    for name, value in _ordered(points, values):
        again = _at(judging, replace(step, lhs=root), base, counted, name, value)
        if again is None or again.flagged:
            written = judging.text.slice(root.start, root.end).strip()
            return _ambiguous(
                result,
                f"the words before it speak of a case: at {name} = {value} it may go on "
                f"from '{written}', the start of its chain, where it is "
                f"{'not decided' if again is None else 'refuted'}",
            )
    return result


# "Here $t$ is the label", "the target $t$": the letter the text calls the label
_CALLED_LABEL = lazy(
    r"(?i)\$\s*([A-Za-z])\s*\$\s*(?:(?:is|denotes|be|for|as)\s+)?the\s+(?:true\s+|binary\s+)?"
    r"(?:label|target)\b|\b(?:label|target)\s+\$\s*([A-Za-z])\s*\$"
    r"|\b(?:label|target)\s+(?:be|is|as)\s+\$\s*([A-Za-z])\s*\$"
)


def _label_letter(judging: _Judging, labels: set[str]) -> str | None:
    """The letter of the label whose value words name ("When the label is 0,"): the one the
    text calls the label, else symsoft's letter of the labels; never a name the text defines
    (y = σ(z), the prediction, beside a label t)."""
    called = {a or b or c for a, b, c in _CALLED_LABEL.findall(judging._source)}
    if len(called) > 1:
        return None
    written = {n for n in labels | called if _written(n).search(judging._source)}
    for letter in (*called, judging.meanings.labels):
        if letter in written - judging.meanings.table.keys():
            return letter  # (a letter the text calls the label may weigh no logarithm)
    left = sorted(written & labels - judging.meanings.table.keys())
    return left[0] if len(left) == 1 else None  # (E = -t log y - …, y = σ(z): t is left)


def _written(letter: str) -> re.Pattern[str]:
    """The letter written as a name of its own (not y_{true}, y_{pred}: names of their own)."""
    return re.compile(
        rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])(?!\s*_\s*\{{?\s*[A-Za-z]{{2}}|{WORD_MARK})"
    )


def _remarked(judging: _Judging, step: Step, labels: set[str]) -> tuple[str, sympy.Integer] | None:
    """The label and value a remark right after the step's display names, for its last step
    (or a chain's step the rest of the display goes on from); None where there is none."""
    after = judging.text.original[step.rhs.end : step.rhs.end + 300] if step.rhs else ""
    closing = _CLOSING.search(after)
    if closing is None or not _one_chain(after[: closing.start()]):
        return None
    said = remarked_label(after[closing.start() :])
    if said is None:
        return None
    letter = _label_letter(judging, labels)
    if said[0] is not None and said[0] not in labels and said[0] != letter:
        return None  # ("This is the case $k = 1$": no label's value)
    letter = said[0] or letter
    return None if letter is None else (letter, sympy.Integer(said[1]))


def remark_after(original: str, step: Step) -> tuple[str, int] | None:
    """The label's letter and value a remark right after the step's display names in math
    ("This is the case $r = 0$."), for the display's last step; None otherwise."""
    if step.rhs is None:
        return None
    after = original[step.rhs.end : step.rhs.end + 300]
    start = len(after) - len(after.lstrip(" \t\n.,;"))
    said = remarked_label(after[start:]) if _CLOSING.match(after, start) else None
    return (said[0], said[1]) if said and said[0] else None


def _ordered(points: set, values: list) -> list:
    """The values the words mention first, in their order, then the others."""
    first = [p for p in dict.fromkeys(values) if p in points]
    return first + sorted(points - set(first), key=str)


_EXAMPLE_OPENING = lazy(
    r"(?i)\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?(?:(?:and|so|then|now|but)\s+)?"
    r"(?:take|let|set|setting|suppose|consider|assume|with"
    r"|for|if|when|at|plug|plugging|putting|taking|sei|soit|sea|seja|取|设|令|假设)"
)


def example_named(lead: str, found: tuple[str, object]) -> bool:
    """Whether a sentence of the words before a display sets ``name = value`` as its example or
    case ("Take $y = 1$ and a model output of 0.7."), not in passing ("Having done $y = 1$, …")."""
    name, value = found
    words = last_words(lead)
    said, named = _said(name, value), False
    for start, end in itertools.pairwise(_sentence_cuts(words)):
        sentence = re.sub(r"\$[^$]*\$", " ", words[start:end])
        if named and (_OTHER_CASE.search(sentence) or _OTHER_WORDS.search(sentence)):
            return False  # "For $y = 1$ the loss is …; for the other label it is"
        if re.search(said, words[start:end]) and _EXAMPLE_OPENING.match(words[start:end]):
            named = named or not _OTHER_CASE.search(sentence)
    return named


# "Otherwise," after a row at one value of a binary label: the row is at the other value
_COMPLEMENT = lazy(r"(?i)^\s*(?:otherwise|else|in\s+the\s+other\s+case|sonst|sinon)\b|^\s*否则")


def _other_case(
    judging: _Judging, step: Step, base: StepResult, counted: int, words: str, labels: set[str]
) -> StepResult | None:
    """A row after "Otherwise," that goes on from a row at one value of a binary label, judged
    at the other value from where that row went on from (true or false there, the claim for
    "every other value" is so too); None when no such reading is there."""
    link = judging.lhs_of.get(step.lhs.start) if step.lhs is not None else None
    said = re.fullmatch(r"([A-Za-z]) = ([01])", link[1]) if link else None
    if not _COMPLEMENT.match(words) or said is None or said.group(1) not in labels:
        return None
    name, value = said.group(1), sympy.Integer(1 - int(said.group(2)))
    start = _after_another_case(judging, step, name, f"{name} = {value}")
    if start is None:
        return None
    judged = _at(judging, replace(step, lhs=start), base, counted, name, value)
    if judged is None:
        return None
    written = judging.text.slice(start.start, start.end).strip()
    return replace(judged, summary=f"{judged.summary}, the other case, from '{written}'")
