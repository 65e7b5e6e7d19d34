"""Where a document may define its names: the steps a display writes as definitions, equations
in inline math ("where $p_i = …$"), and definitions said in prose ("let $Z$ be $\\sum_k e^{a_k}$",
"I write $\\Sigma$ for …"); and which of them the text announces as definitions ("let", "define",
"where"…), so that a later one may give a name a new meaning.  Which candidate reads, and what it
means, is decided by :func:`symsoft.reading.meaning.meanings.meanings_of`."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import split_top_level
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.definitions import (
    _FUNCTION_LHS,
    VALUE_IN_A_CASE,
    _has_top_level_equals,
    _listed,
    named_on_the_right,
)
from symsoft.reading.meaning.derivative_names import named_by_its_derivative, named_by_its_prime
from symsoft.reading.meaning.entry_derivative_names import named_by_its_entry_derivative
from symsoft.reading.meaning.entry_pairs import two_index_name
from symsoft.reading.meaning.prose import ANY_MATH, ENTRY, INLINE_MATH, defined_name, sentences
from symsoft.reading.meaning.quotient_parts import FRACTION, quotient_parts
from symsoft.reading.meaning.recalled_names import named_sum, recalled_name
from symsoft.reading.meaning.slip_words import disowned_in_sentence
from symsoft.reading.meaning.softmax_words import softmax_in_words

Candidate = tuple[str, str, str, tuple[int, int] | None, int]  # lhs, rhs, where, step, position


def definition_candidates(
    text: Text,
    steps: list[Step],
    prose: str,
    nearby: dict[int, str],
    definitions: dict[tuple[int, int], str],
) -> tuple[list[Candidate], set[int]]:
    """The candidate definitions, in the order of the text (left side, right side, "line N",
    the step's key or None, position), and the positions of those the text announces as
    definitions.  A shorthand named on the right (``e^{x_2} = b``) is entered in
    ``definitions`` at once: no step, and no candidate."""
    candidates: list[Candidate] = []
    announced: set[int] = set()  # the candidates said to be definitions (a new one may differ)
    math = [(m.start(), m.group()) for m in INLINE_MATH.finditer(prose)]
    math += [(s.lhs.start, text.slice(s.lhs.start, s.rhs.end)) for s in steps if s.lhs]
    for step in steps:
        lhs, rhs = text.slice(step.lhs.start, step.lhs.end) if step.lhs else "", step.rhs
        alone = [s.display for s in steps].count(step.display) == 1 and step.kind == "eq"
        earlier = " ".join(m for at, m in math if step.lhs and at < step.lhs.start)
        if alone and (letter := named_on_the_right(lhs, text.slice(rhs.start, rhs.end), earlier)):
            # e^{x_2} = b: a shorthand named on the right, no step; b stays a free name (its
            # value may be a constant of a later variable: e^x + b by x)
            definitions[(step.lhs.start, rhs.start)] = f"definition of {letter} (a shorthand)"
            continue
        if (named := _denominator_named(text, step, steps)) is not None:
            candidates.append(named)  # \frac{e^{s_i}}{\sum_k e^{s_k}} = \frac{e^{s_i}}{Z}: Z
            continue
        if (named := _named_in_a_chain(text, step, steps)) is not None:
            candidates.append(named)
            continue
        if names := _names_in_a_chain(text, step, steps):
            candidates += names  # \hat{y} = a = \sigma(z): both names, the last side their value
            continue
        if (named := named_by_its_derivative(text, step, steps)) is not None:
            candidates.append(
                named
            )  # \frac{\partial J}{\partial z} = \frac{\partial}{\partial z}(…)
            continue
        if (named := named_by_its_entry_derivative(text, step, steps)) is not None:
            candidates.append(named)  # \frac{\partial a_i}{\partial z_j} = \frac{\partial}{…}…
            continue
        if (named := named_by_its_prime(text, step, steps)) is not None:
            candidates.append(named)  # s'(x) = \frac{d}{dx}\left(…\right): s(x) = …
            continue
        if (named := _call_named_on_the_right(text, step, steps, earlier)) is not None:
            candidates.append(named)
            continue
        if step.lhs is None or not (step.definition_candidate or step.kind == "definition"):
            continue
        if step.kind not in ("eq", "definition"):
            continue  # y \in \{0, 1\}, z \approx 0.3: no definition of y or z
        if (named := _named_after_a_call(text, step, steps)) is not None:
            candidates.append(named)
            continue
        line, _ = text.place(step.lhs.start)
        candidates.append(
            (
                text.slice(step.lhs.start, step.lhs.end),
                text.slice(step.rhs.start, step.rhs.end),
                f"line {line}",
                (step.lhs.start, step.rhs.start),
                step.lhs.start,
            )
        )
        lead = nearby.get(step.display, "").rstrip()  # the sentence that leads into it
        lead = "" if lead.endswith((".", "!", "?")) else sentences(lead)[-1]
        if step.kind == "definition" or _DEFINING.search(lead):
            announced.add(step.lhs.start)
    inline = [
        (found, listed)
        for found in INLINE_MATH.finditer(prose)
        for listed in _listed(_FOR_ALL.sub("", next(g for g in found.groups() if g)))
    ]  # _FOR_ALL: \hat{y}_i = …, \forall i = 1, 2, 3
    for match, written in inline:
        # $\hat{y}_k \triangleq …$, :=, \coloneqq, \stackrel{\text{def}}{=}: "is defined as"
        # (not \equiv: "identically equal" too, session 36's red team)
        written = _DEFINED_AS.sub("=", written, count=1)
        lhs, equals, rhs = written.partition("=")
        around = (prose[max(0, match.start() - 40) : match.start()], prose[match.end() :][:200])
        if len(top := _top_level_parts(written)) == 2 and named_sum(*top, around[0]):
            lhs, rhs = top[1], top[0]  # "where we write $\sum_k e^{a_k} = \Sigma$": Σ is the sum
        elif recalled_name(lhs, rhs, *around, earlier=prose[: match.start()]):
            lhs, rhs = rhs, lhs  # "Recall that $\sigma(z) = a$": a is σ(z)
        rhs = _TRAILING_BOUND.sub("", rhs)  # "$\beta = 1/T > 0$": β's value, then a bound
        rhs = _TRAILING_RANGE.sub("", rhs)  # "… \, \text{for} \; c = 1 \cdots C": its range
        rhs = _TRAILING_SPACE.sub("", rhs)  # "\sigma(z) \in \mathbb{R}": a number
        if not equals or not (
            defined_name(lhs)
            or _FUNCTION_LHS.fullmatch(lhs)
            or ENTRY.fullmatch(lhs)
            or (two_index_name(lhs) and "\\partial" in rhs)  # J_{ij} = ∂s_i/∂x_j
        ):
            continue
        if not rhs.strip():
            continue  # "- $y = $ true label (0 or 1)": a name described in words, no value
        if VALUE_IN_A_CASE.fullmatch(rhs):
            continue  # "$y_j = 0, \quad i \neq j$": a label's values (one-hot), not a definition
        if re.search(r"\\approx(?![a-zA-Z])|≈", rhs):
            continue  # "$J = \log 2 \approx 0.693$": a value at the example, no new meaning
        valued = not re.search(r"[a-zA-Z]", re.sub(r"\\[a-zA-Z]+", "", rhs))  # z = (1000, 1000)
        if valued and "," not in rhs and _used_as_function(text.slice(0, len(text.chars)), lhs):
            continue  # "$\\text{loss} = -3 \\log 0.5$" after loss(x, c): a worked value
        if not valued and disowned_in_sentence(prose, match.start(), match.end()):
            continue  # "It is tempting to write $q_i = s_i^{1/T}$, but this forgets …": a slip
        if (
            re.fullmatch(r"\s*\\?[A-Za-z]+\s*", rhs)
            and not _FUNCTION_LHS.fullmatch(lhs)  # "with $g(x) = x$ and $h(x) = …$": g's value
            and _CASE_LEAD.search(prose[max(0, match.start() - 60) : match.start()])
        ):
            continue  # "With hard labels $t = y$": a special case, not a definition of t
        if _CONDITION_LEAD.search(prose[max(0, match.start() - 80) : match.start()]):
            continue  # "The stationarity condition is $z_y = \mathbb{E}_r[z]$": an equation
        if _WISHED.search(sentences(prose[max(0, match.start() - 200) : match.start()])[-1]):
            continue  # "A perfect model would give $\hat{y} = y$": a wish, not a definition
        if (
            _AN_ENTRY.fullmatch(lhs)
            and _SIMPLE_VALUE.fullmatch(rhs)
            and _WHEN_LEAD.search(prose, max(0, match.start() - 40), match.start())
        ):
            continue  # "in the case when $x_i = \max(x)$": a case of one entry, not its value
        line, _ = text.place(match.start())
        if _has_top_level_equals(rhs) and not _CONDITIONAL.search(rhs):
            # $\hat{y}_i = \operatorname{softmax}(\theta)_i = \frac{…}{…}$: each side of the
            # chain is a candidate value; the first that reads is the definition
            parts = _top_level_parts(rhs)
            if _FUNCTION_LHS.fullmatch(lhs):  # $g(z) = \tanh(z) = \frac{…}{…}$: g's value first
                candidates.append((lhs, parts[0], f"line {line}", None, match.start()))
            if not defined_name(lhs):
                continue
            for part in parts:
                candidates.append((lhs, part, f"line {line}", None, match.start()))
            if len(parts) > 1 and named_sum(parts[-2], parts[-1], "where"):
                # $h_i = \sum_k e^{a_k} = \Sigma$: the sum named on its way, Σ
                candidates.append((parts[-1], parts[-2], f"line {line}", None, match.start()))
            if len(parts) > 1 and all(defined_name(part) for part in parts[:-1]):
                # $\hat y = a = \sigma(z)$: a, named on the way, is the last side too
                for part in parts[:-1]:
                    candidates.append((part, parts[-1], f"line {line}", None, match.start()))
        else:
            candidates.append((lhs, rhs, f"line {line}", None, match.start()))
        lead = sentences(prose[max(0, match.start() - 300) : match.start()])[-1]
        if (cue := list(_DEFINING.finditer(lead))) and not _CONSEQUENCE.search(lead, cue[-1].end()):
            announced.add(match.start())  # not "Write $u = z/T$, so that $q = …$": a consequence
    for match in _PROSE_DEFINITION.finditer(prose):
        name = match.group("name") or match.group("name2") or match.group("name3")
        value = match.group("value") or match.group("value2") or match.group("value3")
        words = match.group("words") or match.group("words2") or match.group("words3") or ""
        if _ARGUMENT_WORDS.search(words):
            continue  # "let $p$ be the softmax of the scores $a$": a is its argument, not p
        if re.search(r"\^\s*\{?\s*(?:th|st|nd|rd)\s*\}?\s*$", value):
            continue  # "$a_i$ denotes the $i^{th}$ output": an ordinal, no value
        if defined_name(name) and not _has_top_level_equals(value):
            line, _ = text.place(match.start())
            candidates.append((name, value, f"line {line}", None, match.start()))
            announced.add(match.start())
    named = {defined_name(c[0]) for c in candidates}
    candidates += _summand_names(text, steps, named)
    candidates += quotient_parts(text, steps)  # f(x) = \frac{g(x)}{h(x)} beside f(x_j) = …
    # "Let $p$ be the softmax of the logits $z$", p defined nowhere in the math
    candidates += softmax_in_words(text, prose, {n[0] for n in named if n})
    candidates.sort(key=lambda candidate: candidate[-1])
    return candidates, announced


# $y_k = 1 \text{ if } k = c$: a value under a condition, one candidate (which does not read),
# never its last side (y_k = c)
_CONDITIONAL = lazy(r"\\(?:text|mathrm|textrm)\s*\{\s*(?:if|when|for|otherwise|else|where)\b")


# f(x)[n], \sigma(\mathbf{z})_i: an entry of a function's value, which this reader does not
# name; the name the chain gives it next is the one defined
_CALL_ENTRY = lazy(r"\s*\\?[A-Za-z]+\s*\([^()]*\)\s*(?:\[\s*[a-z]\s*\]|_\s*\{?\s*[a-z]\s*\}?)\s*")


def _named_after_a_call(text: Text, step: Step, steps: list[Step]) -> Candidate | None:
    """``f(x)[n] = y[n] = \\frac{e^{x[n]}}{\\sum e^{x[k]}}``: a chain that starts with an
    entry of a function's value and names it next defines that name by the side after it."""
    lhs = text.slice(step.lhs.start, step.lhs.end) if step.lhs else ""
    name = text.slice(step.rhs.start, step.rhs.end)
    if not _CALL_ENTRY.fullmatch(lhs) or defined_name(name) is None:
        return None
    later = next((s for s in steps if s.lhs == step.rhs and s.display == step.display), None)
    if later is None or later.kind != "eq":
        return None
    line, _ = text.place(step.rhs.start)
    value = text.slice(later.rhs.start, later.rhs.end)
    return (name, value, f"line {line}", (later.lhs.start, later.rhs.start), later.lhs.start)


_LET_BEFORE = lazy(r"(?:令|设|記|记|\b(?:[Ll]et|[Dd]efine|[Dd]enote|[Ss]et|[Pp]ut))\W{0,3}$")


def _call_named_on_the_right(
    text: Text, step: Step, steps: list[Step], earlier: str
) -> Candidate | None:
    """``令：\\frac{1}{g(x)} = z(x)`` ("let …"): a function of one letter the math has not
    written before, named on the right of an equation a defining word leads into, is defined
    by its left side (with z free the equation was no identity)."""
    if step.lhs is None or step.kind != "eq":
        return None
    name = text.slice(step.rhs.start, step.rhs.end)
    value = text.slice(step.lhs.start, step.lhs.end)
    called = _FUNCTION_LHS.fullmatch(name)
    if called is None or _FUNCTION_LHS.fullmatch(value) or "=" in value:
        return None
    if any(s.lhs == step.rhs and s.display == step.display for s in steps):
        return None  # a chain goes on from it: … = z(x) = …
    line_start = text.original.rfind("\n", 0, step.lhs.start) + 1
    if not _LET_BEFORE.search(text.original[line_start : step.lhs.start].rstrip()):
        return None
    letter = re.escape(called.group(1))
    if re.search(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", earlier + " " + value):
        return None  # written before: a step about it
    line, _ = text.place(step.lhs.start)
    return (name, value, f"line {line}", (step.lhs.start, step.rhs.start), step.lhs.start)


def _named_in_a_chain(text: Text, step: Step, steps: list[Step]) -> Candidate | None:
    """``Sigmoid(x) = f(x) = \\frac{1}{1 + e^{-x}}``, ``g(x) = f(x) = …``: a chain whose first
    step ends in a function of one letter, named there, defines that function by the side
    after it (with f free, ``f(x) = \\frac{1}{1 + e^{-x}}`` is no identity at all)."""
    if step.lhs is None or step.kind != "eq":
        return None
    if any(s.rhs == step.lhs and s.display == step.display for s in steps):
        return None  # not the first step of its chain
    name = text.slice(step.rhs.start, step.rhs.end)
    entry = _ENTRY_CALL.fullmatch(name)
    probability = text.original[step.lhs.start : step.lhs.end].strip()
    if entry is not None and (
        not _PROBABILITY.match(probability) or probability in text.original[: step.lhs.start]
    ):
        entry = None  # (a probability the text wrote before: the chain restates it, a claim)
    if _FUNCTION_LHS.fullmatch(name) is None and entry is None:
        return None
    later = next((s for s in steps if s.lhs == step.rhs and s.display == step.display), None)
    if later is None or later.kind != "eq":
        return None
    line, _ = text.place(step.rhs.start)
    value = text.slice(later.rhs.start, later.rhs.end)
    if entry is not None:
        name = f"{entry['name']}_{entry['index'] or entry['index1']}"
    return (name, value, f"line {line}", (later.lhs.start, later.rhs.start), later.lhs.start)


def _names_in_a_chain(text: Text, step: Step, steps: list[Step]) -> list[Candidate]:
    """``\\hat{y} = a = \\sigma(z)``: a chain of two names into a value, the first step of its
    display, defines both names by the value (the inline ``$\\hat y = a = \\sigma(z)$`` too);
    [] when the value is a name, or when a name is written before (the chain may go on:
    ``\\hat{y} = a = \\sigma(z) = \\frac{1}{1 + e^{-z}}``, its later steps claims)."""
    if step.lhs is None or step.kind != "eq" or not step.definition_candidate:
        return []
    if any(s.display == step.display and s.step < step.step for s in steps):
        return []  # not the first step of its display
    first, second = (text.slice(s.start, s.end) for s in (step.lhs, step.rhs))
    later = [s for s in steps if s.display == step.display and s.step > step.step]
    if not later or later[0].lhs != step.rhs or later[0].kind != "eq":
        return []
    value = text.slice(later[0].rhs.start, later[0].rhs.end)
    if not (defined_name(first) and defined_name(second)) or defined_name(value):
        return []
    before = " ".join(m.group() for m in INLINE_MATH.finditer(text.slice(0, step.lhs.start)))
    before += " ".join(
        text.slice(s.lhs.start, s.rhs.end) for s in steps if s.display < step.display and s.lhs
    )
    if any(
        re.search(rf"(?<![\\a-zA-Z]){re.escape(n.strip())}(?![a-zA-Z])", before)
        for n in (first, second)
    ):
        return []  # a name the text used before: the chain may be a claim about it
    line, _ = text.place(step.lhs.start)
    return [
        (first, value, f"line {line}", (step.lhs.start, step.rhs.start), step.lhs.start),
        (
            second,
            value,
            f"line {line}",
            (later[0].lhs.start, later[0].rhs.start),
            later[0].lhs.start,
        ),
    ]


def _denominator_named(text: Text, step: Step, steps: list[Step]) -> Candidate | None:
    r"""``a_i = \frac{e^{s_i}}{\sum_k e^{s_k}} = \frac{e^{s_i}}{Z}``: a step of a chain that
    writes the same numerator over a letter the text writes nowhere else as a side of ``=``
    names the denominator before it (Z is the sum)."""
    if step.lhs is None or step.kind != "eq":
        return None
    if not any(s.rhs == step.lhs and s.display == step.display for s in steps):
        return None  # the first step of its chain: a claim about what it starts from
    before = FRACTION.fullmatch(text.slice(step.lhs.start, step.lhs.end))
    after = FRACTION.fullmatch(text.slice(step.rhs.start, step.rhs.end))
    if before is None or after is None or "".join(before[1].split()) != "".join(after[1].split()):
        return None
    letter = after[2].strip()
    if not re.fullmatch(r"[A-Z]", letter) or letter in before[0]:
        return None
    everything = text.slice(0, len(text.chars))
    relation = (
        r"(?::=|=|\\equiv|\\coloneqq|\\triangleq|\\approx|\\sim|\\propto|\\stackrel|\\overset)"
    )
    written = rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])"
    if re.search(
        rf"{written}\s*(?:\(|{relation})|{relation}\s*{letter}(?![A-Za-z_^(])", everything
    ):
        return None  # Z = …, Z \equiv …, Z(\beta) = …: the text gives Z a meaning of its own
    if any(re.search(written, m.group()) for m in INLINE_MATH.finditer(everything)) or re.search(
        written, ANY_MATH.sub(" ", everything)
    ):
        return None  # "Write $Z$ for the sum of the other scores": a meaning in words
    line, _ = text.place(step.rhs.start)
    key = (step.lhs.start, step.rhs.start)
    return (letter, before[2].strip(), f"line {line}", key, step.rhs.start)


# p(C_k | \phi) = y_k(\phi) = …: a probability, then the entry that names it (its argument,
# the features, may be written or not)
_ENTRY_CALL = lazy(
    r"\s*(?P<name>[a-zA-Z])\s*_\s*(?:\{\s*(?P<index>[a-z])\s*\}|(?P<index1>[a-z]))\s*"
    r"(?:\(\s*\\?[a-zA-Z]+\s*\)\s*)?"
)
_PROBABILITY = lazy(r"\s*(?:p|P|\\Pr|\\mathbb\s*\{\s*P\s*\}|\\mathrm\s*\{\s*P\s*\})\s*\(")


_SUM_HEAD = (
    r"\\sum\s*(?:\\(?:no)?limits\s*)?"
    r"_\s*(?:\{\s*(?P<index>[a-z])[^{}]*\}|(?P<index1>[a-z]))"
    r"(?:\s*\^\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))?"
)
_SUMMED = lazy(r"\s*(?P<sign>-?)\s*(?P<head>" + _SUM_HEAD + r")\s*(?P<term>.+?)\s*[.,]?\s*")
_NAME_AT = r"\s*(?P<name>\\?[a-zA-Z]+)\s*_\s*(?:\{{\s*{index}\s*\}}|{index})\s*"


def _summand_names(text: Text, steps: list[Step], defined: set) -> list[Candidate]:
    r"""``L = -\sum_j y_j \log p_j = -\sum_j \ell_j``: a name the text writes here first and
    defines nowhere, the whole term of the same sum as the side before it, names that term:
    the step defines ``\ell_j = y_j \log p_j`` (its only reading; with \ell free it is no
    identity at all)."""
    found: list[Candidate] = []
    for before, step in zip(steps, steps[1:], strict=False):
        if step.lhs is None or before.display != step.display or step.kind != "eq":
            continue
        lhs = _SUMMED.fullmatch(text.slice(step.lhs.start, step.lhs.end))
        rhs = _SUMMED.fullmatch(text.slice(step.rhs.start, step.rhs.end))
        if lhs is None or rhs is None or lhs.group("sign") != rhs.group("sign"):
            continue
        if "".join(lhs.group("head").split()) != "".join(rhs.group("head").split()):
            continue
        index = lhs.group("index") or lhs.group("index1")
        name = re.fullmatch(_NAME_AT.format(index=index), rhs.group("term"))
        if name is None or name.group("name") in ("e", "\\exp", "\\log", "\\ln"):
            continue
        entry = name.group().strip()
        written = rf"(?<![a-zA-Z\\]){re.escape(name.group('name'))}(?![a-zA-Z])"
        if defined_name(entry) in defined or re.search(written, text.slice(0, step.rhs.start)):
            continue  # a name written before (y in \sum_k S_k = \sum_k y_k): a step about it
        line, _ = text.place(step.lhs.start)
        key = (step.lhs.start, step.rhs.start)
        found.append((entry, lhs.group("term"), f"line {line}", key, step.rhs.start))
    return found


_DEFINING = lazy(  # words that say a definition follows: a new meaning may be given
    r"\b(?:let|define[sd]?|defin(?:ition|ing)|denotes?|write|where|now|consider|instead"
    r"|redefine|take|set|use|with|becomes?|(?:in|for)\s+the\s+rest|from\s+here|below)\b"
    r"|使用|采用|定义|記為|记为|记作|とする|と定義|を用い|사용|정의",  # "但在逻辑回归中我们使用…："
    re.IGNORECASE,
)


# words after a defining cue that make what follows a consequence of the definition
_THEREFORE = r"so\s+that|hence|thus|therefore|which\s+gives|giving"
_WISHED = lazy(
    r"(?i)\b(?:would|should|ideal(?:ly)?|perfect|wish)\b|\b(?:want|like)\s+(?:it\s+)?to\b"
)
_CONSEQUENCE = lazy(rf"\b(?:{_THEREFORE}|so)\b", re.I)
_TRAILING_BOUND = lazy(r"\s*(?:>|<|\\[gl]eq?(?:slant)?(?![a-zA-Z])|≥|≤)\s*-?\s*\d+(?:\.\d+)?\s*$")
# the reals written after a value: "\sigma(z) \in \mathbb{R}", a number (not "\in \mathbb{R}^{m}":
# a vector, which the value read alone would not say)
_TRAILING_SPACE = lazy(r"\s*\\in\s*\\mathbb\s*(?:\{\s*R\s*\}|R)(?!\s*\^)\s*[.,]?\s*$")
# a range written after a value: "\, \text{for} \; c = 1 \cdots C", "\quad k = 1, \dots, K"
_TRAILING_RANGE = lazy(
    r"(?:\s|\\[,;:!]|\\q?quad(?![a-zA-Z])|~)*(?:\\text\s*\{\s*for\s*\}|,)?(?:\s|\\[,;:!]|~)*"
    r"[a-z]\s*=\s*1\s*,?\s*(?:\\[lc]?dots|\.\.\.|…)\s*,?\s*[A-Za-z]\s*[.,]?\s*$"
)
# "Write $u = z/T$, so that $q = …$": a definition, then what follows from it (never a bare
# "so $L = …$": "we train a classifier, so $L = -\sum_k t_k \log y_k$" gives L a new meaning)
_CONSEQUENCE_LEAD = lazy(
    rf"\$[^$]*=[^$]*\$[^$.!?]{{0,60}}?\b(?:{_THEREFORE})\s*,?\s*\$+\s*$",
    re.I,
)


def said_as_consequence(prose: str, position: int) -> bool:
    """Whether the math at ``position`` follows a definition and "so that", "hence", … in its
    sentence ("Write $u = z/T$, so that $q = \\mathrm{softmax}(u)$"): said of a name, no new
    meaning."""
    return bool(_CONSEQUENCE_LEAD.search(prose, max(0, position - 200), position + 1))


_CASE_LEAD = lazy(r"\b(?:with|for|if|when|taking|setting)\b[^.$]{0,30}$", re.I)
_CONDITION_LEAD = lazy(  # "The stationarity condition is therefore $…$"
    r"\b(?:stationarity|optimality|first-order|equilibrium)\s+conditions?\b[^.$]{0,30}$"
    # "At the optimum, where $p = y^{\text{LS}}$,": a condition there, no definition of p
    r"|\bat\s+(?:the|an?|its)\s+(?:optimum|minimum|minimi[sz]er|stationary\s+point"
    r"|fixed\s+point|equilibrium)\b[^.$]{0,30}$"
    r"|\b(?:conditions?|constraints?)\s+(?:\w+\s+){0,2}?(?:is|are|reads?|becomes?)\s+"
    r"(?:(?:thus|therefore|then|simply)\s+)?$",
    re.I,
)
_WHEN_LEAD = lazy(r"\b(?:if|when|whenever|once|as\s+soon\s+as)\s*$", re.I)
# a maximum or a name, never a formula: "If $p_i = \frac{e^{z_i/T}}{…}$" defines p_i
_SIMPLE_VALUE = lazy(
    r"\s*(?:\\max(?![a-zA-Z])[^=]{0,30}|\\?[A-Za-z]+(?:\s*_\s*\{?\s*\w+\s*\}?)?)\s*"
)
_AN_ENTRY = lazy(r"\s*[a-zA-Z]\s*_\s*(?:\{\s*\w+\s*\}|\w)\s*")


_PROSE_DEFINITION = lazy(  # "I write $\Sigma$ for $\sum_k e^{a_k}$", "let $Z$ be …"
    r"\b(?:write|use)\s+\$(?P<name>[^$]{1,30})\$\s+(?:for|to\s+denote)\s+"
    r"(?:the\s+(?P<words>[a-z ]{0,30}))?\$(?P<value>[^$]+)\$(?!-?(?:th|st|nd|rd)\b)"
    r"|\$(?P<name2>[^$]{1,30})\$\s*(?:denotes|stands\s+for|is\s+shorthand\s+for|代表|表示)\s*"
    r"(?:the\s+(?P<words2>[a-z ]{0,30}))?\$(?P<value2>[^$]+)\$(?!-?(?:th|st|nd|rd)\b)"
    r"|\blet\s+\$(?P<name3>[^$]{1,30})\$\s+(?:be|denote)\s+(?:the\s+(?P<words3>[a-z ]{0,30}))?"
    r"\$(?P<value3>[^$]+)\$(?!-?(?:th|st|nd|rd)\b)",
    re.IGNORECASE,
)


# of, at: the math after is an argument; and, or: the next name of a list ("let $x$ be the
# input and $w$ the weight" says nothing of what x equals)
_ARGUMENT_WORDS = lazy(r"\b(?:of|at|on|to|by|with|from|applied|and|or|while|whereas|but)\b")


_DEFINED_AS = lazy(  # (not \stackrel{?}{=}, \overset{!}{=}: a question, a demand)
    r"\s*(?::=|\\coloneqq(?![a-zA-Z])|\\triangleq(?![a-zA-Z])|\\(?:stackrel|overset)\s*\{\s*"
    r"(?:\\(?:text|mathrm|rm)\s*\{\s*def\s*\}|def|\\triangle|:)\s*\}\s*\{\s*=\s*\})\s*"
)
_FOR_ALL = lazy(r"\s*+,?\s*+(?:\\quad|\\qquad)?\s*+\\forall\b.*$", re.DOTALL)


def _top_level_parts(text: str) -> list[str]:
    """``A = B = C`` cut at the ``=`` outside any group."""
    return split_top_level(text, "=")


def _used_as_function(source: str, lhs: str) -> bool:
    """Whether the text writes the word name ``lhs`` with arguments (``\\text{loss}(x, c)``) or
    differentiates it (``\\partial\\, \\text{loss}``): a number given it is the value at a worked
    example, never its definition (red team 74; a letter's value is a worked example's)."""
    name = lhs.strip()
    if not re.fullmatch(r"(?:\\?|\ue001)[A-Za-z]{2,}(?:\s*\{\s*[A-Za-z]+\s*\})?", name):
        return False
    written = re.escape(name).replace(r"\ ", r"\s*")
    called = rf"(?<![A-Za-z\\]){written}\s*(?:\\left\s*)?\("
    differentiated = rf"\\partial\s*(?:\\[,;!]\s*)?{written}(?![A-Za-z])"
    return re.search(f"{called}|{differentiated}", source) is not None
