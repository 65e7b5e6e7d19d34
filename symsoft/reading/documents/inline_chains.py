"""A chain of equations worked inside a sentence, ``By the power rule, $\\dfrac{d\\sigma}{du} =
-u^{-2} = -\\dfrac{1}{u^2}$.`` or ``note $1 - \\sigma(x) = 1 - \\frac{1}{1+e^{-x}} = … $ —
exactly the second factor``: two steps or more of worked mathematics are a derivation, its
steps claims, whatever plain words lead into them.

Never where the words around it say otherwise: the sentence makes it a case, a supposition, a
wish, a question or a slip (if, let, want, wrong, ?); the sentence before it on its line, or the
sentence after it (on its line or the next), disowns it ("My first attempt read $…$. That sign
is off"; "A student wrote $…$. Find the error."); an exercise or a check asks for it (show,
prove, is … ?); other math comes before it in its clause (a case or a definition it depends on);
it ends in ``= 0`` (set to zero) or mixes in ≈, →, inequalities or implications."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.documents.said import CASE_FIRST, said_arithmetic
from symsoft.reading.documents.sentence_leads import last_clause
from symsoft.reading.documents.sentences import (
    _INLINE_MATH,
    _SENTENCE_END_MARK,
    _UNIFIED,
    _guarded,
)
from symsoft.reading.lazy_regex import lazy

# worked mathematics: a fraction, a derivative, a function, a sum, a power of e, a delta
_WORKED = lazy(
    r"\\(?:d?frac|partial|nabla|log|ln|exp|sigma|sum|tanh)(?![a-zA-Z])|'|e\s*\^"
    # … a Kronecker delta or an indicator: p_k - \delta_{kc}, [i=j] - S_j, \mathbb{1}[i=j]
    r"|\\delta\s*_|\\mathbb\s*\{?\s*1|\[\s*[a-z]\s*=\s*[a-z]\s*\]"
)
# a relation other than equality, or an aside: the chain is no plain derivation
_ASIDE = lazy(
    r"\\(?:implies|Rightarrow|Longrightarrow|rightarrow|to|iff|approx|quad|qquad|text|mbox|neq?"
    r"|leq?|geq?|lim|sim|propto|in|mapsto|equiv|coloneqq)(?![a-zA-Z])|[<>≈≠≤≥→:]|&"
)
# words near the chain that disown it, ask for it or make it somebody's attempt (or point to a
# footnote, [^1], that may)
_DISOWNED = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|errors?|typos?|slips?|false|not|off|fix\w*|correct\w*|"
    r"instead|actually|should|oops|but|however|wait|careful\w*|caution|beware|bug\w*|sign|"
    r"attempt\w*|student\w*|wrote|writes|written|draft|tried|tries|try|puzzle|exercises?|quiz|"
    r"homework|spot|find|true|check\w*|verify|show|prove|claim\w*|naive\w*|edit|errat\w*|"
    # … and in other languages: wrong, error, slip, I wrote
    r"falsch\w*|fehler\w*|verkehrt\w*|versehen|schrieb|erreur\w*|faux|fausse|erron\w*|mal|"
    r"equivoc\w*|errad\w*|erro|ошиб\w*|неверн\w*|неправильн\w*|опечатк\w*)\b|\?|？|n't|"
    r"错|誤|误|間違|ミス|잘못|틀|오류|실수|\[\^"
)


_CASE_MATH = r"\$[^$]*(?:[<>]|\\[lg]eq?\b|\\neq?\b|\\in\b)[^$]*\$"  # $i \neq j$, $x > 0$
# a hypothesis said before the chain, or a point it is said at ("Assume all logits are equal",
# "all weights are strictly positive", "Throughout, $x > 0$", "… at that point")
_SUPPOSED_WORDS = (
    r"(?i)\b(?:assum\w*|suppos\w*|throughout|initiali[sz]\w*|strictly|domain|"
    r"(?:are|is|be)\s++(?:all\s++)?(?:equal|identical|the\s++same|positive|negative|"
    r"non-?negative|nonzero|non-zero)|(?:that|this|the(?:\s++same)?)\s++point|these\s++inputs|"
    # … in other languages: assume, suppose, let
    r"angenommen|annehmen|supongamos|suponga|asumimos|supposons|пусть|предположим|допустим)\b"
    r"|假设|假定|仮定|とする|가정|하자"
    # "Take $i$ to be the correct class.", "Now let $i$ be the index of …": i is supposed
    r"|(?i:\b(?:take|let|choose|pick|fix)\s++\$[^$]{1,20}\$\s++(?:to\s++)?be\b)"
)
# a supposition a later sentence makes of what was said before it ("Here all logits are assumed
# equal.", "That is the value at the point $x = 0$."; never a description: "It is positive.")
SUPPOSED_LATER = lazy(
    r"(?i)\b(?:assum\w*|suppos\w*|initiali[sz]\w*)\b|\b(?:that|this|the(?:\s++same)?)\s++point\b"
)
_SUPPOSED = lazy(rf"{_SUPPOSED_WORDS}|{_CASE_MATH}")


# math before the chain in its clause that states something (a case, a value, a definition); a
# name alone ("the derivative by $z_j$ is $…$") does not
_RELATED = lazy(
    r"\$[^$]*(?:[=<>]|\\(?:neq?|leq?|geq?|in|ne)(?![a-zA-Z]))[^$]*\$|\\\((?:(?!\\\)).)*[=<>]"
    r"|\$\s*$|\\\("
)


# "since $\\zeta'(a) = \\sigma(a)$ the gradient is: $…$": a fact the chain uses, said as a reason
# (an equality, no case: "since $i \\neq j$" stays related)
_PREMISE = lazy(
    r"(?i)\b(?:since|because|as|using|given)\s++(?:that\s++)?"
    r"\$(?![^$]*\\(?:neq?|leq?|geq?|in)(?![a-zA-Z]))[^$<>]*=[^$<>]*\$"
)


# ", and …", ", so …": a clause of its own after math said before it
_JOINED = lazy(r",[ \t]*+(?:and|so|then|thus|hence)\b")


# "… $ for every $j$.": the index the chain holds at, any of them (no case)
_EVERY = lazy(r"[ \t]*+,?[ \t]*+for[ \t]++(?:every|each|all|any)[ \t]++\$\s*+[a-z]\s*+\$[ \t]*+")


# a name alone: \hat y, a, p_i, \mathbf{p} (a chain of names into a value defines them)
_NAME = lazy(
    r"\s*(?:\\(?:hat|bar|tilde|vec|mathbf|boldsymbol|bm)\s*)?\{?\s*\\?[A-Za-z]+\s*\}?"
    r"(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*"
)


def _top_level_equals(math: str) -> int:
    """The equals signs of ``math`` outside brackets; none when a comma outside brackets comes
    before the last (``a = [a_1, …, a_n], a_i = \\frac{…}{…}``: two equations, no chain)."""
    depth, count, comma = 0, 0, False
    for pos, char in enumerate(math):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "," and depth == 0:
            comma = True
        elif char == "=" and depth == 0:
            if math[pos - 1 : pos] not in ("<", ">", "!", ":", "=", "\\") and (
                math[pos + 1 : pos + 2] != "="
            ):
                if comma:
                    return 0
                count += 1
    return count


def _disowned(words: str) -> bool:
    return _DISOWNED.search(_INLINE_MATH.sub(" ", words)) is not None


def said_chains(line: str, following: list[str], above: list[str]) -> list[re.Match[str]]:
    """The ``$…$`` of ``line`` that are chains of two steps or more of worked mathematics said
    as claims (see the module's docstring); ``following`` are the lines after it, ``above``
    those before it (a hypothesis said there, "Assume all logits are equal.", withholds it).

    >>> [m["math"] for m in said_chains(r"So $\\sigma(0) = \\frac{1}{1 + e^{0}} = 0.5$.", [], [])]
    ['\\\\sigma(0) = \\\\frac{1}{1 + e^{0}} = 0.5']
    >>> said_chains(r"A common mistake is $\\sigma'(x) = \\sigma(x) = \\frac{1}{2}$.", [], [])
    []
    >>> said_chains(r"So $\\sigma'(x) = \\sigma(x) = \\frac{1}{2}$.", ["That sign is off."], [])
    []
    """
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math") or match.group("paren")
        above_words = " ".join(above)
        if _UNIFIED.search(line[: match.start()]):  # "Both cases fit in a single line, $…$"
            above_words = re.sub(_CASE_MATH, " ", above_words)  # (the case above is one of them)
        if _SUPPOSED.search(above_words) or _SUPPOSED.search(
            _INLINE_MATH.sub(" ", line[: match.start()])
        ):
            break  # (also in the sentences before it on its line)
        sentence_after, *later = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)
        if _SUPPOSED.search(_DESCRIBED.sub(" ", sentence_after)) or (
            later and SUPPOSED_LATER.search(_INLINE_MATH.sub(" ", later[0]))
        ):
            continue  # "… = \\frac{N - 1}{N^2}$ at that point", "…$. Here all logits are
            # assumed equal" (a case in the math of a later sentence is that sentence's)
        steps = _top_level_equals(math)
        before = line[: match.start()]
        # "…, not only in the limit:⏎$\frac{\partial L}{\partial z_i} = T(q_i - p_i)$": after a
        # colon a derivative worked out of names is a result too
        colon = (
            _COLON.search(before)
            or not before.strip()
            and _COLON.search(above[-1] if above else "")
        ) and _ENDED.match(line, match.end())  # (and the math ends its sentence or clause)
        one = steps == 1 and (_derivative_claim(math, bool(colon)) or _identity(math))
        # (a name's \text in one claim, \partial \, \text{loss}; a chain's \text is an aside)
        if steps < 1 or steps < 2 and not one or _ASIDE.search(_named_text(math) if one else math):
            continue
        if steps < 2 and line.lstrip().startswith("|"):
            continue  # a table's cell: read as the table's row (tables.py)
        if not _WORKED.search(math):
            continue
        if _SET_TO_ZERO.search(math):
            continue  # set to zero: a condition, not a result
        if all(_NAME.fullmatch(part) for part in re.split(r"(?<![<>!:\\])=", math)[:-1]):
            continue  # \hat y = a = \sigma(z): names defined, no derivation
        if re.match(r"\s*+\?", line[match.end() :]):
            continue  # "Is it so $…$?": a question
        clause, whole = last_clause(before)
        if (cased := CASE_FIRST.fullmatch(clause)) is not None:
            clause = cased["rest"]
        if (cased := CASE_FIRST.fullmatch(whole)) is not None:
            whole = cased["rest"]
        own = _JOINED.split(clause)[-1]  # "$J = …$, and since $…$ the gradient is: $…$"
        own = _INLINE_MATH.sub(_unless_claimed, _PREMISE.sub(" ", own))  # "so $A$ and $B$"
        whole = _UNIFIED.sub(" ", whole)  # "Both cases fit in one line: $…$" (no case)
        if _RELATED.search(own) or _guarded(whole) or _disowned(whole):
            continue
        sentences = _SENTENCE_END_MARK.split(before)
        if len(sentences) > 1 and _disowned(sentences[-2]):
            continue  # "Here is a slip. So $…$": the sentence before it on its line
        rest, *after = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)
        siblings = _INLINE_MATH.sub(_unless_claimed, rest)  # "$A$ and $B$.": B a claim too
        siblings = _ALSO.sub(" ", siblings)  # "$A = B$, which is also $C$": C a claim's value
        if _guarded(rest) or _disowned(rest) or "$" in siblings and not _EVERY.fullmatch(rest):
            continue  # "$…$ is wrong", "$…$ only if $i = j$": the words after it say otherwise
        if _disowned(_next_sentence(after[0] if after else "", following)):
            continue  # "$…$. That sign is off.", "$…$. Find the error."
        found.append(match)
    return found


# the result described after it: "$…$, which is positive, so the loss is convex" (no hypothesis)
_DESCRIBED = lazy(
    r"(?i)^[ \t]*+,[ \t]*+which[ \t]++is[ \t]++(?:always[ \t]++)?(?:positive|negative)\b"
)
# "$A = B$, which is also $C$": the value written once more (never a case or a condition)
_ALSO = lazy(r"(?i)^[ \t]*+,[ \t]*+which[ \t]++is[ \t]++(?:also|just)[ \t]++\$[^$]++\$[ \t]*+$")
_SET_TO_ZERO = lazy(r"=\s*0\s*[.,]?\s*$")


def _unless_claimed(found: re.Match[str]) -> str:
    """A ``$…$`` before a chain in its clause, blanked when it is a claim of its own (a
    derivative worked out: "so $\\frac{\\partial Z}{\\partial a_j} = e^{a_j}$ and $…$"), a
    sibling, not a case or a definition the chain depends on."""
    math = found.group("math") or found.group("paren") or ""
    one = _top_level_equals(math) == 1 and not _ASIDE.search(_named_text(math))
    claim = one and (_derivative_claim(math) or _identity(math))
    return " " if claim else found.group()


# a derivative on the left: \frac{\partial S}{\partial z_j}, \frac{d}{dx} …, \sigma'(x)
_DERIVATIVE_LEFT = lazy(
    r"\s*+(?:-\s*+)?(?:\\[dt]?frac\s*+\{\s*+(?:\\partial|d|\\mathrm\s*+\{\s*+d\s*+\}|\\delta)"
    r"(?![a-zA-Z])|\\[dt]?frac\s*+\{\s*+d(?=[a-zA-Z](?![a-zA-Z]))"  # \frac{dy_i}{dx_j}
    r"|\\partial\s*+_|\\nabla(?![a-zA-Z])|[^=']*+'\s*+\("
    # \partial Z / \partial o_i, {\delta \Sigma \over \delta a_j}
    r"|\\partial(?:[^/={}]|\{[^{}=]*+\}){1,30}/\s*+\\partial|\{\s*+(?:\\partial|\\delta|d)[^{}=]{1,30}\\over(?![a-zA-Z]))"
)


_BY_A_PLAIN_LETTER = lazy(r"\}\s*\{\s*(?:\\partial|d)\s*[a-zA-Z]\s*\}|'\s*\(\s*[a-zA-Z]\s*\)")


_COLON = lazy(r":[ \t]*+$")
_ENDED = lazy(r"[ \t]*+(?:[.,;]|$)")


def _derivative_claim(math: str, formula: bool = False) -> bool:
    """One equation whose left side is a derivative and whose right side is worked out, not a
    name (``\\frac{\\partial S}{\\partial z_j} = e^{z_j}``, said in a sentence as a known
    result; ``\\frac{\\partial L}{\\partial z_i} = \\delta_i`` names it: no claim)."""
    left, right = re.split(r"(?<![<>!:\\])=", math, maxsplit=1)
    if _BY_A_PLAIN_LETTER.search(left):
        return False  # d/dx of one letter: a textbook derivative, mentioned (sentences.py)
    return (
        _DERIVATIVE_LEFT.match(left) is not None
        and _NAME.fullmatch(right) is None
        and (
            _WORKED.search(right) is not None
            or (formula and _FORMULA.search(right) is not None)
            or (formula and _NONZERO.fullmatch(right) is not None)
        )
    )


# a number other than zero: \partial b_j / \partial z_j = 1 (a derivative set to zero is an
# equation to solve)
_NONZERO = lazy(r"\s*+-?\s*+(?:[1-9]\d*+(?:\.\d++)?|0\.\d*[1-9]\d*+)\s*+")


# a right side worked out of names: an operator or a product between them (s_i - y_i,
# T\,(q_i - p_i), 2 s \cdot p_i), not a name alone (\delta_i names the derivative)
_FORMULA = lazy(r"[a-zA-Z}][^=]*?(?:[-+/]|\\cdot|\\times|\\,|\(|[a-zA-Z}]\s*+[a-zA-Z\\])")
# a word in a text command that is a name's part: L_{\text{LS}}, \text{loss}(x, c), \partial
# \, \text{loss} (never a word of prose, \text{ if } i = j)
_TEXT_NAME = lazy(
    r"(?<=[_^]\{)\s*+\\(?:text|mathrm|rm)\s*+\{[A-Za-z]+\}"
    r"|\\(?:text|mathrm)\s*+\{[A-Za-z]+\}(?=\s*+\()"
    r"|(?<=\\partial)(?:\s|\\,)*+\\(?:text|mathrm)\s*+\{[A-Za-z]+\}"
)


def _named_text(math: str) -> str:
    """``math`` with the words of text commands that are parts of names blanked (an aside's
    ``\\text`` stays)."""
    return _TEXT_NAME.sub(" ", math)


# a function at plain letters on the left: f(x), \mathcal{L}(a, y), \sigma(z), g_i(x): what
# the sentence defines (or evaluates), not an identity
_ARGUMENT = (  # x, \theta, \mathbf{x}, \mathbf z, x_1
    r"(?:\\[a-zA-Z]+(?:\s*+\{\s*+\\?[a-zA-Z]+\s*+\}|\s++[a-zA-Z])|\\?[a-zA-Z]+)"
    r"(?:_\s*+(?:\{[^{}]*+\}|\w))?"
)
_HEAD_AT_LETTERS = lazy(
    r"\s*+(?:\\[a-zA-Z]++\s*+(?:\{[^{}]*+\}\s*+)?|[a-zA-Z]++)(?:_\s*+(?:\{[^{}]*+\}|\\?\w+))?\s*+"
    rf"(?:\\left\s*+)?\(\s*+{_ARGUMENT}(?:\s*+[,;]\s*+{_ARGUMENT})*+\s*+(?:\\right\s*+)?\)"
    r"(?:\s*+_\s*+(?:\{[^{}]*+\}|\w))?\s*+"  # \sigma(\mathbf z)_i: an entry of a function's vector
)
# a rule's or a worked formula's left side: an operator, a fraction, a sum, a power, a prime, a
# function at something other than plain letters (\sigma(-x), \tanh(2x))
_EXPRESSION = lazy(r"[-+^'/]|\\(?:d?frac|sum|prod|cdot|times|log|ln|exp|sigma|tanh)(?![a-zA-Z])|\(")
# a standard function or worked mathematics on the left: \sigma(-x), \tanh, \sum, a fraction, e^x
_STANDARD = lazy(
    r"\\(?:sigma|tanh|sum|d?frac|log|ln|exp|operatorname|zeta|phi|psi)(?![a-zA-Z])"
    r"|(?<![a-zA-Z\\])e\s*+\^"
)
# a derivative in Leibniz's notation: a claim of its own kind (_derivative_claim), not one here
_LEIBNIZ = lazy(r"\\(?:partial|nabla|delta)(?![a-zA-Z])|(?<![a-zA-Z\\])d\s*+[a-zA-Z]")


# names added or subtracted: z_c - z_k (= \log\frac{p_c}{p_k}, an identity when the right side
# is worked mathematics)
_ONE_NAME = (
    r"\s*+(?:\\(?:hat|bar|tilde)\s*+)?\{?\s*+\\?[A-Za-z]+\s*+\}?"
    r"(?:\s*+_\s*+(?:\{[^{}]*+\}|\w))?"
)
_NAMES_ADDED = lazy(rf"\s*+-?{_ONE_NAME}(?:\s*+[-+]{_ONE_NAME})++\s*+")


def _identity(math: str) -> bool:
    """One equation whose left side is worked mathematics, not a name nor a function at plain
    letters (``\\tanh(-x) = -\\tanh(x)``, ``\\sigma' = \\sigma(1 - \\sigma)``,
    ``\\sum_i S_i(1 - S_i) = 1 - \\sum_i S_i^2``): an identity said in a sentence, a claim
    (its flags withheld, as a chain's are). Not a value at a point: a right side of numbers alone
    after a left side with letters (``\\sigma(x) = 0.5``) is a condition.

    >>> [_identity(m) for m in (r"\\tanh(-x) = -\\tanh(x)", r"f(x) = 1 + e^{-x}", r"p_i = 0.2")]
    [True, False, False]
    """
    left, right = re.split(r"(?<![<>!:\\])=", math, maxsplit=1)
    if _NAME.fullmatch(left) or _HEAD_AT_LETTERS.fullmatch(left) or not _EXPRESSION.search(left):
        return False
    if _LEIBNIZ.search(left) or not (
        _STANDARD.search(left) or (_NAMES_ADDED.fullmatch(left) and _STANDARD.search(right))
    ):
        return False
    if re.sub(r"\\(?:sigma|tanh)\s*+(?:'|\^\s*+\{?\s*+\\prime\s*+\}?)", "", left).count("'"):
        return False  # g'(z), (f/g)': a function of the text's own, or a rule (sentences.py)
    left, right = (re.sub(r"\\[a-zA-Z]+", " ", side) for side in (left, right))
    return bool(re.search("[a-zA-Z]", left) and re.search("[a-zA-Z]", right))


def _next_sentence(rest_of_line: str, following: list[str]) -> str:
    """The words after the chain's sentence: the rest of its line, else the next line that
    holds words (a heading or a display between them ends the search)."""
    if rest_of_line.strip():
        return rest_of_line
    for text in following:
        if not text.strip():
            continue
        if text.lstrip().startswith(("#", "$$", "\\[", "\\begin")):
            return ""
        return text
    return ""


# words that report or test a formula rather than state it ("Several posts state $…$", "The
# slides had $…$", "Some people remember it as $…$", "one might expect $…$")
_REPORTED = lazy(
    r"(?i)\b(?:state[sd]?|had|says?|said|think|thought|believe[sd]?|remember\w*|expect\w*"
    r"|might|may|could|would|often|sometimes|decide|whether|prove|disprove|exercises?|quiz"
    r"|homework)\b"
)


def owned(line: str, found: list[re.Match[str]], following: list[str]) -> list[re.Match[str]]:
    """The math of ``found`` (on ``line``) its sentence states as its own: no word before it in
    its sentence (past a colon: "Exercise: prove $…$") or after it that reports, asks, sets or
    disowns it ("Students often write $…$", "$…$?", "$…$, which is a typo"), and no next
    sentence that takes it back ("That sign is off.")."""
    kept = []
    for match in found:
        sentence = re.split(r"[.!?](?:[ \t]+|$)", line[: match.start()])[-1]
        clause = _SENTENCE_END_MARK.split(sentence)[-1]  # (after a label's colon)
        rest, *after = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)
        if "?" in line[match.end() :].split(".")[0] or _disowned(clause) or _disowned(rest):
            continue
        if _REPORTED.search(_INLINE_MATH.sub(" ", sentence + " " + rest)):
            continue  # ("Exercise: prove $…$", "Students often write $…$")
        if _disowned(_next_sentence(after[0] if after else "", following)):
            continue
        kept.append(match)
    return kept


def supposes(line: str, match: re.Match[str], above: list[str]) -> bool:
    """Whether a hypothesis is said before the math ``match`` of ``line`` (:func:`supposed`) or
    in words in a sentence after it on its line ("$…$. Here all logits are assumed equal")."""
    if supposed(line[: match.start()], above):
        return True
    later = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)[1:]
    return bool(later) and SUPPOSED_LATER.search(_INLINE_MATH.sub(" ", later[0])) is not None


def supposed_before_display(source: str, position: int) -> bool:
    """Whether the paragraph of words before the display that holds ``position`` (past other
    displays and blank lines) says a hypothesis in words ("initialise $W = 0$ and $b = 0$. Then
    every logit is zero, and", "Suppose every logit is zero.")."""
    lines = source[:position].split("\n")[:-1]
    while lines and (not lines[-1].strip() or _MATH_LINE.match(lines[-1])):
        lines.pop()  # (the displays between, and the lines of the step's own display)
    words = []
    while lines and lines[-1].strip() and not _MATH_LINE.match(lines[-1]) and len(words) < 3:
        words.append(lines.pop())
    return _VALUES_SUPPOSED.search(_INLINE_MATH.sub(" ", " ".join(words))) is not None


# a supposition of values: "Suppose every logit is zero", "initialise $W = 0$", "if the weights
# start at zero" (not "Assume the number of samples is $n$")
_VALUES_SUPPOSED = lazy(
    r"(?i)\binitiali[sz]\w*|\b(?:suppos\w*|assum\w*|if|when)\b[^.;]*?\b(?:zero|equal|identical"
    r"|the\s++same|constant)\b"
    # "With zero weights, every logit starts at zero", "all the logits are zero" (review 67)
    r"|\b(?:all|every|each)\b[^.;]*?\b(?:zero|equal|identical|the\s++same|coincide)\b"
    r"|\bzero\s++(?:weights?|logits?|inputs?|scores?)\b|\bstarts?\s++(?:out\s++)?at\s++zero\b"
    # "At the start of training", "for a fresh network the scores are uniform", "tied logits"
    r"|\b(?:untrained|tied|ties|initially|before\s+training)\b"
    r"|\b(?:scores|logits|outputs|predictions|probabilities)\s+(?:are\s+)?uniform\b"
    r"|\buniform\s+(?:scores|logits|outputs|predictions)\b"
    r"|\bfresh(?:ly)?\s++(?:initiali\w+\s++)?(?:network|net|model)\b"
    r"|\bat\s++the\s++(?:start|beginning)\s++of\s++training\b"
)


def supposed_in_section(source: str, position: int) -> bool:
    """Whether the words of the section before ``position`` (from its heading, or a page of text
    back) suppose values, in the sentence a claim in ``$…$`` is said in or any before it ("At the
    start of training we get $…$", "For a fresh network the scores are uniform. By symmetry
    $…$", "The logits coincide at initialisation, …" two paragraphs up: review 67b)."""
    start = max(0, position - 1500)
    for heading in _SECTION_HEADING.finditer(source, start, position):
        start = heading.end()
    words = _INLINE_MATH.sub(" ", _DISPLAYED.sub(" ", source[start:position]))
    return _VALUES_SUPPOSED.search(words) is not None


_SECTION_HEADING = lazy(r"^[ \t]{0,3}#{1,6}[ \t][^\n]*|\\(?:sub)*section\*?\s*\{[^\n]*", re.M)
_DISPLAYED = lazy(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)


# a line of a display: its delimiters, an environment, a row (&, \\), or math alone
_MATH_LINE = lazy(r"\s*(?:\$\$|\\\[|\\\]|\\begin|\\end|&|\\\\)|.*(?:\\\\|\$\$)\s*$")


def supposed(before: str, above: list[str]) -> bool:
    """Whether the lines ``above`` a sentence's math, or its line ``before`` it, say a
    hypothesis ("Assume all logits are equal.", "假设所有 logit 都相等。")."""
    return _SUPPOSED.search(" ".join(above) + " " + _INLINE_MATH.sub(" ", before)) is not None


# a part of a ``$…$`` the reader takes as written: the span of a match, its ``math`` group
_PART = lazy(r"(?P<math>[^\n]+)|(?P<paren>(?!))")


def arithmetic_tails(line: str, taken: set[int]) -> list[re.Match[str]]:
    """The arithmetic that ends a chain said in a sentence (``$t_y = 1 - 0.1 + 0.025 =
    0.925$``, ``$\\pd{L}{z_k} = 0.25 - 0.025 = 0.225$``): from the first part after an ``=``
    from which on every part is numbers, when there are two such parts or more; the parts before
    (a name, a derivative at a worked example) are left unread. Its truth needs no reading of
    the document, so it is a claim, its flags withheld all the same (the words may put it in
    clock arithmetic, in binary or in floating point, or call it a slip). Not for the
    ``$…$`` that start at ``taken`` (read whole), nor with ≈ (rounded values).

    >>> [m["math"] for m in arithmetic_tails(r"so $t_y = 1 - 0.1 + 0.025 = 0.925$ and", set())]
    ['1 - 0.1 + 0.025 = 0.925']
    """
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math")
        if math is None or match.start() in taken or _top_level_equals(math) < 2:
            continue
        if _ASIDE.search(math):
            continue
        rest = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)[0]
        ends = [m.end() for m in re.finditer(r"(?<![<>!:\\])=", math)]
        for end in ends[:-1]:
            tail = math[end:]
            if said_arithmetic(tail, line[: match.start()]) and not _disowned(rest):
                start = match.start("math") + end + len(tail) - len(tail.lstrip())
                found.append(_PART.match(line, start, match.end("math")))
                break
    return [m for m in found if m is not None]
