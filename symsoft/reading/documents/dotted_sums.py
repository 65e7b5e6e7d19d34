r"""Sums written out with dots: ``e^{z_1} + e^{z_2} + \dots + e^{z_K}`` is
``\sum_k e^{z_k}``, the sum over every class, when its first term is the term at 1, the terms
that follow count up 2, 3, … and the last is the term at the letter that counts the classes
(the bound of the document's sums).  Anything else (a last index that is not the size, terms
that differ by more than the index) is left as written, and not read.  Other subscripts of the
term are letters written alike in every term (``\frac{\partial y_1 \log p_1}{\partial p_j}``).
The rewrite is shorter than what it replaces and is padded with blanks, so columns stay the
file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.lazy_regex import lazy

# "+ \cdots +"; also "e^{x_2}...+e^{x_k}", the dots straight after a term without their "+"
_DOTS = lazy(r"(?:\+\s*|(?<=[}\w)]))(?:\\[lc]?dots|\\cdots|\.\.\.)(?![a-zA-Z])\s*\+")
_MINUS_DOTS = lazy(r"-\s*(?:\\[lc]?dots|\\cdots|\.\.\.)(?![a-zA-Z])\s*-")


def _depths(body: str) -> list[int]:
    r"""The group depth of every character (``{``, ``(``, ``[`` and ``\left(`` open one)."""
    depth, out = 0, []
    for char in body:
        if char in ")]}":
            depth -= 1
        out.append(depth)
        if char in "([{":
            depth += 1
    return out


def _joined_before(
    body: str, depths: list[int], end: int, sign: str
) -> tuple[list[tuple[int, int]], int]:
    """The terms joined by ``sign`` that end at ``end`` (exclusive), nearest first, and the
    position where the run stops (the other sign, ``=``, ``&`` or an open group)."""
    stops = ("-" if sign == "+" else "+") + "=&"
    level, terms, right, pos = depths[end - 1] if end else 0, [], end, end - 1
    while pos >= 0:
        char = body[pos]
        if depths[pos] < level or (depths[pos] == level and char in stops):
            break
        if depths[pos] == level and char == sign:
            terms.append((pos + 1, right))
            right = pos
        pos -= 1
    return terms, pos


def _terms_before(body: str, depths: list[int], end: int) -> list[tuple[int, int]]:
    """The terms joined by ``+`` that end at ``end`` (exclusive), nearest last."""
    terms, pos = _joined_before(body, depths, end, "+")
    right = terms[-1][0] - 1 if terms else end
    terms.append((pos + 1, right))
    return list(reversed(terms))


def _term_after(body: str, depths: list[int], start: int) -> tuple[int, int]:
    level, pos = depths[start] if start < len(body) else 0, start
    while pos < len(body):
        char = body[pos]
        if depths[pos] < level or (depths[pos] == level and char in "+-=&"):
            break
        if body.startswith(("\\\\", "\\right", "\\end"), pos):
            break
        pos += 1
    return start, pos


def _at(term: str, index: str) -> str:
    """The term with its index ``1`` (``_1``, ``_{1}``) replaced by ``index``."""
    return re.sub(r"_\s*(?:\{\s*1\s*\}|1(?![0-9]))", "_{" + index + "}", term)


def _normal(term: str) -> str:
    return re.sub(
        r"_\s*\{\s*([A-Za-z0-9])\s*\}",
        r"_{\1}",
        re.sub(r"(?<=_)([A-Za-z0-9])", r"{\1}", "".join(term.split())),
    )


def spell_dotted_sums(text: Text, displays: list[Display], size: str) -> None:
    """Rewrite each sum written out with dots over 1..``size`` as ``\\sum_k`` of its term."""
    for display in displays:
        _keep_the_one_term(text, display)
        _spell_special_terms(text, display, size)
        _drop_generic_terms(text, display)
        _spell_minus_runs(text, display, size)
        body = text.slice(display.body.start, display.body.end)
        for dots in reversed(list(_DOTS.finditer(body))):
            depths = _depths(body)
            before = _terms_before(body, depths, dots.start())
            start, end = _term_after(body, depths, dots.end())
            first_at = _first_term(body, before)
            if first_at is None:
                continue
            first = body[before[first_at][0] : before[first_at][1]]
            letter = _summed_letter(body, first, before[first_at:], body[start:end], size)
            if letter is None:
                continue
            written = rf"\sum_{letter} " + _at(first, letter).strip()
            left = display.body.start + before[first_at][0]
            right = display.body.start + end
            if len(written) > right - left:
                continue
            text.blank(left, right)
            text.chars[left : left + len(written)] = list(written)
            body = text.slice(display.body.start, display.body.end)


_ZERO_OR_DOTS = lazy(r"\s*(?:0|\\[lc]?dots|\\cdots|\.\.\.)\s*")


def _keep_the_one_term(text: Text, display: Display) -> None:
    r"""``0 + 0 + \cdots + e^{z_k} + \cdots + 0``: a run of terms joined by ``+``, with dots,
    whose terms are all 0 but one, is that term (a derivative of a sum written out term by
    term). A run after a minus sign (``a - 0 + \cdots``) is left as written."""
    body = text.slice(display.body.start, display.body.end)
    for dots in reversed(list(_DOTS.finditer(body))):
        depths = _depths(body)
        before, stop = _joined_before(body, depths, dots.start(), "+")
        before.append((stop + 1, before[-1][0] - 1 if before else dots.start()))
        if stop >= 0 and body[stop] == "-":
            continue
        terms, pos = list(before), dots.end()
        while True:
            start, end = _term_after(body, depths, pos)
            terms.append((start, end))
            follows = re.match(r"\s*\+", body[end:])
            if follows is None or depths[end] != depths[start]:
                break
            pos = end + follows.end()
        others = [(a, b) for a, b in terms if not _ZERO_OR_DOTS.fullmatch(body[a:b])]
        if len(others) != 1 or not body[others[0][0] : others[0][1]].strip():
            continue
        kept = body[others[0][0] : others[0][1]].strip()
        summed = set(re.findall(r"\\sum\s*_\s*\{?\s*([a-z])", body))
        if summed & set(re.findall(r"_\s*\{?\s*([a-z])(?![a-zA-Z])", kept)):
            continue  # 0 + … + e^{z_l} + … + 0 beside \sum_l: the term at which index?
        lo = display.body.start + min(a for a, _ in terms)
        hi = display.body.start + max(b for _, b in terms)
        text.blank(lo, hi)
        text.chars[lo : lo + len(kept)] = list(kept)
        body = text.slice(display.body.start, display.body.end)


def _drop_generic_terms(text: Text, display: Display) -> None:
    """``e^{z_1} + e^{z_2} + ... + e^{z_i} + ... + e^{z_C}``: the general term shown between
    two runs of dots (the term at a letter) is one of the terms the dots stand for; it is
    blanked, leaving ``e^{z_1} + e^{z_2} + ...      + e^{z_C}`` to be read as above."""
    body = text.slice(display.body.start, display.body.end)
    runs = list(_DOTS.finditer(body))
    for left, right in reversed(list(zip(runs, runs[1:], strict=False))):
        middle = body[left.end() : right.start()]
        depths = _depths(body)
        before = _terms_before(body, depths, left.start())
        first = next((body[a:b] for a, b in before if re.search(r"_\s*\{?\s*1\b", body[a:b])), None)
        if first is None or "+" in middle or "-" in middle:
            continue
        general = re.fullmatch(r"[a-z]", _index_of(middle, first) or "")
        if general is None:
            continue
        text.blank(display.body.start + left.end() - 1, display.body.start + right.end() - 1)


def _spell_special_terms(text: Text, display: Display, size: str) -> None:
    r"""``p_iy_1 + p_iy_2 + \dots + (p_i - y_i) + \dots + p_iy_n``: a term between two runs of
    dots that is not the general term at any letter, and whose only index is a letter ``i`` the
    display also writes outside the run, is the term at ``i`` written apart (a post that
    "slipped the special case j = i into the sum"): the run is ``\sum_{k \neq i} p_iy_k +
    (p_i - y_i)``.  A term not set apart in parentheses, with another index, or none, or one
    that adds or subtracts at its top level, is left as written (not read)."""
    body = text.slice(display.body.start, display.body.end)
    runs = list(_DOTS.finditer(body))
    for left, right in reversed(list(zip(runs, runs[1:], strict=False))):
        depths = _depths(body)
        middle = body[left.end() : right.start()]
        level = depths[left.end()]
        if any(body[n] in "+-" and depths[n] == level for n in range(left.end(), right.start())):
            continue  # "+ p_i - y_i +": one term or two?
        before = _terms_before(body, depths, left.start())
        first_at = _first_term(body, before)
        if first_at is None:
            continue
        first = body[before[first_at][0] : before[first_at][1]]
        if _index_of(middle, first) is not None:
            continue  # the general term: _drop_generic_terms
        if not _set_apart(middle):
            continue  # e^{2 z_i} among e^{z_k}: a term of its own, or a slip of the general one?
        own = set(re.findall(r"_\s*\{?\s*([a-z])(?![a-zA-Z])", middle))
        if len(own) != 1 or re.search(r"_\s*\{?\s*[0-9]", middle):
            continue
        (at,) = own
        outside = body[: before[first_at][0]] + body[right.end() :]
        if not re.search(rf"_\s*\{{?\s*{at}(?![a-zA-Z])", outside):
            continue  # an index the step does not use elsewhere: which term is it?
        start, end = _term_after(body, depths, right.end())
        letter = _summed_letter(body, first, before[first_at:], body[start:end], size)
        if letter is None or letter == at:
            continue
        written = rf"\sum_{{{letter} \neq {at}}} {_at(first, letter).strip()} + {middle.strip()}"
        lo, hi = display.body.start + before[first_at][0], display.body.start + end
        if len(written) > hi - lo:
            continue
        text.blank(lo, hi)
        text.chars[lo : lo + len(written)] = list(written)
        body = text.slice(display.body.start, display.body.end)


def _first_term(body: str, before: list[tuple[int, int]]) -> int | None:
    """Which of the terms ``before`` a run of dots is its first, the one at index 1."""
    return next(
        (n for n, (a, b) in enumerate(before) if re.search(r"_\s*\{?\s*1\b", body[a:b])), None
    )


def _set_apart(middle: str) -> bool:
    """The term between the runs is one group in parentheses, ``(p_i - y_i)``: set apart."""
    inner = re.sub(r"\\(?:left|right)\b\s*", "", middle.strip().strip("+").strip())
    if not (inner.startswith("(") and inner.endswith(")")):
        return False
    depth = 0
    for n, char in enumerate(inner):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and n < len(inner) - 1:
            return False  # (a)(b): two groups, not one
    return True


def _index_of(term: str, first: str) -> str | None:
    """The index ``term`` is ``first`` at (``e^{z_i}`` is ``e^{z_1}`` at i), or None."""
    for letter in "abcdefghijklmnopqrstuvwxyz":
        if _normal(term) == _normal(_at(first, letter)):
            return letter
    return None


def _minus_terms_before(body: str, depths: list[int], end: int) -> list[tuple[int, int]]:
    """The terms each led by a minus that end at ``end`` (exclusive), in order, when the run
    starts a side or a group (``= -y_1 \\log p_1 - y_2 \\log p_2``), else []."""
    terms, pos = _joined_before(body, depths, end, "-")
    if not terms or body[pos + 1 : terms[-1][0] - 1].strip():
        return []  # a term without its minus first: a difference, not a run of minus terms
    return list(reversed(terms))


def _summed_letter(
    body: str, first: str, run: list[tuple[int, int]], last: str, size: str
) -> str | None:
    """The letter to sum a run of terms over, when the terms of ``run`` are ``first`` at 1, 2,
    … and ``last`` is it at ``size``; None when another numbered subscript is in the term
    (which one counts is not read), a term differs, or no letter is free in ``body``."""
    others = re.sub(r"_\s*(?:\{\s*1\s*\}|1(?![0-9]))", "", first)
    if re.search(r"_\s*\{?\s*[^a-zA-Z\s{]|_\s*\{[^{}]*[0-9]", others):
        return None
    counted = [body[a:b] for a, b in run]
    if any(_normal(t) != _normal(_at(first, str(n))) for n, t in enumerate(counted, 1)):
        return None
    if _normal(last) != _normal(_at(first, size)):
        return None
    used = set(re.findall(r"[a-zA-Z]", re.sub(r"\\[a-zA-Z]+", "", body)))
    return next((c for c in "kjmlqrt" if c not in used), None)


def _spell_minus_runs(text: Text, display: Display, size: str) -> None:
    r"""``-y_1\log p_1 - y_2\log p_2 - \dots - y_C\log p_C``, every term led by a minus, is
    ``-\sum_k y_k\log p_k`` under the same conditions as a run of ``+``."""
    body = text.slice(display.body.start, display.body.end)
    for dots in reversed(list(_MINUS_DOTS.finditer(body))):
        depths = _depths(body)
        before = _minus_terms_before(body, depths, dots.start())
        start, end = _term_after(body, depths, dots.end())
        if len(before) < 2 or not re.search(r"_\s*\{?\s*1\b", body[before[0][0] : before[0][1]]):
            continue
        first = body[before[0][0] : before[0][1]]
        letter = _summed_letter(body, first, before, body[start:end], size)
        if letter is None:
            continue
        written = rf"-\sum_{letter} " + _at(first, letter).strip()
        left = display.body.start + before[0][0] - 1
        right = display.body.start + end
        if len(written) > right - left:
            continue
        text.blank(left, right)
        text.chars[left : left + len(written)] = list(written)
        body = text.slice(display.body.start, display.body.end)
