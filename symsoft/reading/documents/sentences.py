"""Which ``$…$`` of a line are steps of the derivation: a list item or a labelled line whose
math is one equation (``* $f'(u) = …$``), an equation a sentence asserts (``We have
$\\frac{dL}{dx_j} = …$ from the chain rule.``), and one stated in an index case written after
it (``$A = B$ if $i = j$``); never a case, a hypothesis, a mention or a slip the words mark."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import (
    ASSERTING_LEAD,
    ASSERTING_TAIL,
    NOT_ASSERTED_ABROAD,
    SLIP_STEMS,
)
from symsoft.reading.documents.said import (
    CASE_FIRST,
    STATEMENT,
    labelled_lead,
    said_approximation,
    said_arithmetic,
    stated_premise,
    value_goes_on,
)
from symsoft.reading.documents.sentence_leads import (
    _CLAUSE_START,
    _DISPLAY_END,
    CASE_ITEM,
    DIAGONAL_ITEM,
    DIAGONAL_SENTENCE,
    DIAGONAL_WORDS,
    DISOWNED_AFTER,
    DISOWNED_BEFORE,
    EVERY_FIRST,
    ITEM_OR_END,
    NEXT_CASE,
    TEX_HEADING,
    _carried,
    clause_alone,
    joined_runs,
    last_clause,
)
from symsoft.reading.lazy_regex import lazy

# an edge of a paragraph: a blank line, or a heading
PARAGRAPH_EDGE = lazy(r"[ \t]*(?:#[^\n]*)?")

# a line of a list or a labelled line whose math is one ``$…$``: ``* $f'(u) = …$``,
# ``- Row sums: $\sum_j \frac{\partial p_i}{\partial z_j} = … = 0$ ✓``, ``First: $…$``,
# ``Therefore, $…$.``, ``**Task 2: Show $…$:**``; the label never a condition (if, when, case…)
_LED_INLINE = lazy(
    r"^[ \t]*(?P<item>(?:[-*+•]|\d+[.)])[ \t]+(?:(?:⇒|→|∴|⟹|=>|\$\\Rightarrow\$)[ \t]*)?)?"
    r"(?:\$\s*[i-n]\s*(?:=|\\neq?|≠)\s*[i-n]\s*\$\s*:[ \t]*)?"  # - $i = j$: $…$
    r"(?P<label>(?:\*\*)?[^\W\d_][\w .]{0,40}?"
    r"(?:[:,]?(?:[ \t]+[A-Z][a-z]+)?(?:\*\*)?[ \t]+|[：，](?:\*\*)?[ \t]*))?"
    r"(?<![\\$])\$(?P<math>[^$\n]+)(?<!\\)\$[ \t]*[.,;:；。]?(?:\*\*)?[ \t]*(?:✓|✔)?[ \t]*$",
    re.MULTILINE,
)
CONDITION_WORDS = lazy(
    r"(?i)\b(?:if|when|whenever|case|cases|for|where|unless|otherwise|assume|assuming|suppose|"
    r"given|only|not|except|diagonal|approx\w*)\b"
)
# a derivative on the left of the first '=': the line claims a step, it defines nothing
_DIFFERENTIATED = lazy(
    r"\\partial|\\frac\s*\{\s*d|\\nabla|'|\\prime(?![a-zA-Z])"
    # \frac{\delta L}{\delta y}: δ as the partial sign
    r"|\\frac\s*\{\s*\\delta(?![a-zA-Z])[^{}]*\}\s*\{\s*\\delta(?![a-zA-Z])"
)
_SENTENCE_END = lazy(r"(?:[.:!?。：]|\$\$|\\\]|\*\*)[ \t]*$")
# a line of one "$= …$", the next row of a chain said a line at a time
CHAIN_ROW = lazy(r"[ \t]*(?<![\\$])\$\s*=[^$\n]+(?<!\\)\$[ \t]*[.,;]?[ \t]*")
_ITEM_MATH = lazy(r"[ \t]*(?:[-*+•]|\d+[.)])[ \t][^\n]*\$[ \t]*[.,;]?[ \t]*$")  # - $…$
NEXT_ITEM = lazy(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")


def led_inline(line: str, above: str, below: str) -> re.Match[str] | None:
    """``line`` as a list item or a labelled line whose math is one equation of the derivation:
    it then stands as a display does (not inside a sentence that goes on around it)."""
    match = _LED_INLINE.fullmatch(line)
    if match is None or not (match.group("item") or match.group("label")):
        return None
    label = match.group("label") or ""
    if CONDITION_WORDS.search(label) or _guarded(label) or _EXERCISE.search(label):
        return None  # "If i = j: $…$": a case said in words; "We want $…$", "Prove $…$"
    row = match.group("math").lstrip().startswith("=")
    # "Using the quotient rule:  $= …$": a clause that leads into a row of the chain
    led = row and re.search(r"[:：](?:\*\*)?[ \t]*$", label) is not None
    continues = row and (_ITEM_MATH.match(above) or led)
    if not (claims_derivative(match.group("math")) or ((match.group("item") or led) and continues)):
        return None  # "$g(x) = e^x - e^{-x}$": a definition in a list stays in its sentence
    if match.group("item"):
        return match
    edge = PARAGRAPH_EDGE.fullmatch(above) or _SENTENCE_END.search(above)
    after = not below.strip() or NEXT_ITEM.match(below) or below.lstrip().startswith(("$$", "#"))
    after = after or (led and CHAIN_ROW.fullmatch(below) is not None)  # the chain's next row
    return match if edge and after else None


# an item that asks for the formula rather than states it: "2. Decide whether $…$."
_EXERCISE = lazy(
    r"(?i)\b(?:decide|whether|prove|disprove|show|verify|check|exercise|quiz|homework"
    r"|true\s+or\s+false|is\s+it)\b"
)


def claims_derivative(math: str) -> bool:
    """A derivative left of the first ``=`` of the math, or of the first ``=`` after an
    ``\\implies`` (``g(x) = e^x - e^{-x} \\implies g'(x) = e^x + e^{-x}``: a definition, then
    its derivative claimed)."""
    for part in _IMPLIES.split(math):
        first = re.split(r"(?<![<>!:\\])=", part, maxsplit=1)
        if len(first) == 2 and _DIFFERENTIATED.search(first[0]) is not None:
            return True
    return False


_IMPLIES = lazy(r"\\(?:implies|Rightarrow|Longrightarrow)(?![a-zA-Z])")
# an equation said in a sentence, ``We have $\frac{dL}{dx_j} = …$ from the chain rule.``: the
# words just before the math assert it (we have, this gives, so, hence, is …), nothing in the
# sentence makes it a case, a hypothesis or a mention (if, let, where, want, wrong …), and the
# sentence ends with the math or with the rule it came from
_ASSERTING = lazy(
    r"(?i)(?:^|[\s,])(?:(?:(?:we|i|you|one)\s+(?:have|get|obtain|find)(?:\s+that)?"
    r"|(?:this|which|it)\s+(?:gives|yields|reads)(?:\s+us)?)"
    # "you get the well-known $…$", "this gives the familiar result $…$"
    r"(?:\s+the\s+(?:well[- ]known|familiar|usual|standard|classic(?:al)?|famous)"
    r"(?:\s+(?:result|formula|expression|form|identity|gradient|answer))?)?"
    r"|so(?:\s+that)?|thus|hence|therefore|is"
    r"|equals|becomes"
    r"|then|that\s+is|(?:it\s+follows|we\s+see|note|notice|recall)\s+that|in\s+one\s+line|compactly"
    r"|i\.\s*e\."
    r"|combining\s+(?:the\s+|both\s+)?(?:two\s+)?cases|putting\s+(?:it|this|these|them)\s+together"
    r"|(?:simplifies|reduces|collapses)\s+to(?:\s+the\s+(?:familiar|usual|well[- ]known))?)"
    r"[ \t]*+,?[ \t]*+$"
)
# a lead that is the whole clause: "So in general $…$", "Note $…$", "Both cases together: $…$",
# "In vector form, $…$" (never after words of their own: "For sigmoid outputs …, in vector form,"
# speaks of another setting, review 62b)
_ADVERBIAL = lazy(
    r"(?i)[ \t]*+(?:(?:so|thus|and)[ \t]++)?(?:in[ \t]++general|both[ \t]++cases[ \t]++together"
    r"|note|notice|in[ \t]++(?:vector|matrix|compact|closed)[ \t]++(?:form|notation)"
    # "and in exactly the same way $…$", "By symmetry $…$": the claim alone (not "Here": review
    # 67, a point the paragraph before sets)
    r"|similarly|likewise|analogously|by[ \t]++symmetry"
    r"|(?:in[ \t]++)?(?:exactly[ \t]++|just[ \t]++)?the[ \t]++same[ \t]++way"
    r"|(?:written|put)[ \t]++for[ \t]++the[ \t]++whole[ \t]++vector"
    # "or, with a Kronecker delta, $…$": the same result written once for both cases
    r"|(?:or|and)?,?[ \t]*+(?:with|using|in[ \t]++terms[ \t]++of)[ \t]++(?:a|the)[ \t]++"
    r"Kronecker[ \t]++delta)[ \t]*+[,:]?[ \t]*+"
)
# (also the words that mark a formula as a slip or a guess: "Naively, $…$.", "Myth: $…$",
# "Forgetting the inner derivative, we get $…$", "Without the chain rule this is $…$")
NOT_ASSERTED = lazy(
    r"(?i)\b(?:if|when|whenever|case|cases|where|unless|otherwise|assume|assuming|suppose|"
    r"given|let|set|setting|define|defined|denote|want|wants|need|needs|should|would|could|"
    + SLIP_STEMS
    + r"|error|typo|false|not|instead|"
    r"claim|claims|approx\w*|na[iï]ve\w*|tempt\w*|guess\w*|myth|pitfall|fallacy|bogus|bad|"
    r"bug|buggy|careless\w*|misconception|flawed|oops|forget\w*|forgot\w*|without|"
    r"glance|seem\w*|imagine|pretend)\b|\?|n't"
)
_REASON_TAIL = lazy(
    r"(?i)[ \t]*(?:(?:from|by|using|via)[ \t]+(?:the[ \t]+)?[a-z\- ]{0,30}?"
    r"(?:rule|definition)|,?[ \t]*for[ \t]+(?:every|each|all|any)[ \t]+\$\s*[a-z]\s*\$"
    r"|,?[ \t]*no[ \t]+matter[ \t]+(?:what|which)[ \t]+\$\s*[a-z]\s*\$(?:[ \t]+is)?)?"
    r"[ \t]*(?:(?P<end>[.;。])(?:[ \t]|$)|[ \t]*$)"
)
# the cases put together, no case of their own: "Both cases fit in one line", "Combining the two
# cases" (never "in the case", "for the other cases")
_UNIFIED = lazy(r"(?i)\b(?:both|the\s+two)\s+cases\b|\bcombining\s+(?:the\s+)?(?:two\s+)?cases\b")
_SENTENCE_END_MARK = lazy(r"[.!?:](?:[ \t]+|$)|[。：！？]")
_INLINE_MATH = lazy(
    r"(?<![\\$])\$(?P<math>[^$\n]+)(?<![\\$])\$(?!\$)|\\\((?P<paren>[^\n]+?)\\\)"  # $x$, \(x\)
)


def said_inline(
    line: str, above: list[str], below: str, repeated: frozenset[str] = frozenset()
) -> list[re.Match[str]]:
    """The ``$…$`` of a sentence that are equations of the derivation (see _ASSERTING): an
    equation with a derivative left of its first ``=``, or one that starts with ``=`` in the
    sentence right after a display (``$$…$$ so $= p_i - y_i$``, the chain goes on); never one
    that ends in ``= 0`` (set to zero)."""
    after_display = any(_DISPLAY_END.search(text) for text in above[-2:] if text.strip()) and all(
        not text.strip() or _DISPLAY_END.search(text) for text in above[-1:]
    )
    found = []
    carried = _carried(above, line)  # the sentence's words on the lines above
    maths = list(_INLINE_MATH.finditer(line))
    claims = [claims_derivative(m.group("math") or m.group("paren")) for m in maths]
    for match, (first, last) in zip(maths, joined_runs(line, maths, claims), strict=True):
        # (derivatives joined by "and": "we get $A$ and $B$." — led and ended together; not
        # "so $\sum_i t_i = 1$ and $…$", a premise first)
        before, after = line[: maths[first].start()], line[maths[last].end() :]
        before = f"{carried} {before}" if carried else before  # "For the diagonal,⏎$…$"
        earlier = before[: len(before) - len(_CLAUSE_START.split(before)[-1])]
        if DISOWNED_BEFORE.search(re.sub(r"\$[^$]*\$", " ", earlier)):
            continue  # "Here is the wrong version first. For the diagonal, $…$"
        if DISOWNED_AFTER.match(_SENTENCE_END_MARK.split(after, maxsplit=1)[-1] + " " + below):
            continue  # "$…$. This is wrong, because …"
        sentence, whole = (TEX_HEADING.sub("", text) for text in last_clause(before))
        sentence = clause_alone(sentence)  # "…are 0; so you get $…$"
        math = match.group("math") or match.group("paren")
        approximated = said_approximation(math, before)  # a worked example's value
        arithmetic = said_arithmetic(math, before) or approximated
        # "- If $i = j$: $…$": an item led by its case; "**Claim.** $…$": a statement's label
        if item := CASE_ITEM.fullmatch(whole) or STATEMENT.fullmatch(whole):
            sentence = whole = ""
        if (cased := CASE_FIRST.fullmatch(sentence)) is not None:
            sentence = cased["rest"]  # "When $i = j$, we have $…$.": the case leads the claim
        if (cased := CASE_FIRST.fullmatch(whole)) is not None:
            whole = cased["rest"]  # ("If $i = j$: $…$", "For the correct class $k$: $…$")
        led_by_case = cased is not None and not whole.strip() and before.rstrip()[-1:] in ":,"
        every = EVERY_FIRST.fullmatch(whole)
        if every is not None:  # "For every $j$, $…$": a claim for each j
            sentence = whole = every["rest"]
        if _DEFINED_FIRST.match(whole):  # "Let $Z = …$, so that $…$": defined, then claimed
            sentence, whole = (_DEFINED_FIRST.sub(" ", text, count=1) for text in (sentence, whole))
        if not {m.group(1) for m in _PREMISE.finditer(whole)} & repeated:
            # (a function the text gives another value too: which one the rule is judged
            # under is not this sentence's to say, so its premise keeps the claim out)
            sentence, whole = _PREMISE.sub(" ", sentence), _PREMISE.sub(" ", whole)
        # Japanese and Korean say it after the math: "$…$ となる。" (guarded to the sentence end)
        stated_after = ASSERTING_TAIL.match(after) is not None and not _guarded(
            _SENTENCE_END_MARK.split(after)[0]
        )
        if (
            not arithmetic
            and "$" not in sentence
            and claims_derivative(math)
            and not _IMPLIES.search(math)
            and _BECAUSE.search(sentence)
            and not _guarded(whole)
            and stated_premise(before, after)
        ):
            found.append(match)  # "Since $\partial Z / \partial a_j = e^{a_j}$, the …"
            continue
        if not arithmetic and (
            "$" in sentence
            or "\\(" in sentence
            or not (
                _ASSERTING.search(sentence)
                or (_ADVERBIAL.fullmatch(sentence) and not _setting_changed(above, before))
                or ((every is not None or led_by_case) and not sentence.strip())
                or ASSERTING_LEAD.search(sentence)
                or stated_after
                or item
                or _led_by_label(before)
            )
            or _guarded(_UNIFIED.sub(" ", whole))  # ("both cases fit in one line": no case)
        ):
            continue
        if arithmetic and stated_premise(before, after):
            found.append(match)  # "Since $-\log(1) = 0$, a perfect prediction costs nothing."
            continue
        tail = _REASON_TAIL.match(after) or NEXT_CASE.match(after)
        if stated_after:
            tail = ASSERTING_TAIL.match(after)
        goes_on = tail is not None and tail.end() == len(after) and below.strip()
        ends = bool(ITEM_OR_END.match(line) and ITEM_OR_END.match(below))  # an item ends there
        ends = ends and not after.strip(" \t;.,")  # (not "$…$; only for $x > 0$": review 4)
        goes_on = goes_on and not ends
        if (tail is None or (goes_on and not tail.groupdict().get("end"))) and not (
            (not arithmetic and _goes_on_plainly(after, below))
            or (approximated and value_goes_on(after))
        ):
            continue  # the sentence goes on after the math ("… $ and more", "$ is wrong")
        if tail is not None and tail.groupdict().get("end") == ";" and not ends:
            if not _goes_on_plainly(after, below):
                continue  # "$…$; here $i$ is the correct class.": the words after restrict it
        if arithmetic:
            found.append(match)
            continue
        continued = math.lstrip().startswith("=") and after_display and "$" not in before
        if not (continued or claims_derivative(math)):
            continue
        if re.search(r"=\s*0\s*[.,]?\s*$", math) or _IMPLIES.search(math):
            continue
        found.append(match)
    return found


# "Since $\partial Z / \partial a_j = e^{a_j}$, …": a premise said as known (not "as": "we
# would write it as $…$, …")
_BECAUSE = lazy(r"(?i)(?:^|[\s(])(?:since|because)[ \t]*$")
# the sentence going on after a claim in plain words: ", which …", ", and …", ", so …", "; …",
# " — …" (never "where", "if", a case, a slip or a doubt: those stay unread)
_GOES_ON = lazy(
    r"(?i)[ \t]*+(?:,[ \t]*+(?:which|and|so|as|i\.e\.|hence|thus|therefore|giving)\b|;"
    r"|(?:—|--|–)[ \t])"
)
_RESTS_ON = lazy(
    r"(?i)\b(?:for|since|because|as\s+long\s+as|provided|only|except|but|however|though|"
    r"although|sign|backwards?|off|flip\w*|check\w*|verify|show|prove|true|typo\w*"
    # … or words that restrict it to some entries or examples ("which is the diagonal entry",
    # "the gradient on a positive example", "the logit of the correct class")
    r"|diagonal|off-diagonal|positive|negative|correct|wrong|incorrect|actual|target\w*"
    r"|class\w*|label\w*|examples?|samples?|entry|entries|elements?|components?|cases?"
    r"|rows?|columns?|special|particular|hot|miss\w*|forg[eo]t\w*|ignor\w*|neglect\w*|drop\w*"
    r"|lack\w*|omit\w*|mistake\w*|error\w*|slip\w*)\b"
    r"|\$\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠)\s*[a-z]\s*\$"
)


def _goes_on_plainly(after: str, below: str) -> bool:
    """Whether the words after a claim's math go on with its sentence in plain words that
    make it no case, supposition, slip or premise-bound step (``$…$, and a gradient step moves
    each logit.``): the claim stands as if the sentence ended there."""
    if not _GOES_ON.match(after):
        return False
    rest = after if _SENTENCE_END_MARK.search(after) else f"{after} {below}"
    rest = _SENTENCE_END_MARK.split(rest)[0]
    return not (_guarded(rest) or _RESTS_ON.search(rest))


# "for $f(x) = \frac{g(x)}{h(x)}$, we have $f'(x) = …$": a rule's premise, a function of one
# variable the sentence defines before it states the rule (the premise stays out of the claim)
_PREMISE = lazy(
    r"(?i)\bfor[ \t]++\$[ \t]*+([a-zA-Z])[ \t]*+\([ \t]*+[a-z][ \t]*+\)[ \t]*+=[^$\n]*+\$[ \t]*+,?"
)


# a sentence led by definitions of names (never an index case, a bound or a condition):
# "Let $Z = \sum_i e^{a_i}$, so that $…$", "With $u = 1 + e^{-x}$ and $v = x$, hence $…$"
_DEFINED_FIRST = lazy(
    r"(?i)^[ \t]*+(?:let|define|write|with|denote|setting)[ \t]++"
    r"(?:\$(?![^$]*(?:\\neq?|\\[lg]eq?|[<>]|\\in(?![a-zA-Z])))(?!\s*+[a-z]\s*+=\s*+[a-z]\s*+\$)"
    r"[^$=]*?(?:=|\\coloneqq|\\triangleq|\\equiv)[^$]++\$[ \t]*+(?:,|and)?[ \t]*+){1,3}"
    r"(?=,?[ \t]*+(?:so(?:[ \t]++that)?|hence|thus|then)[ \t]*+,?[ \t]*+$)"
)


def defined_twice(text: str) -> frozenset[str]:
    """The function names ``text`` sets equal to a value more than once (``f(x) = …``)."""
    names = _FUNCTION_SET.findall(text)
    return frozenset(name for name in set(names) if names.count(name) > 1)


_FUNCTION_SET = lazy(r"(?<![A-Za-z\\])([a-zA-Z])[ \t]*+\([ \t]*+[a-z][ \t]*+\)[ \t]*+=")


# words of a sentence before a bare lead that may change what the claim is about ("With the
# squared error instead …. In vector form, $…$", "A common mistake is …. Notice $…$")
_OTHER_SETTING = lazy(
    r"(?i)\b(?:squared|quadratic|euclidean|l2|mse|sigmoid|tanh|relu|binary|hinge|logistic|focal"
    r"|smooth\w*|independent\w*|element-?wise|move|switch\w*|replac\w*|other|another)\b"
)


def _setting_changed(above: list[str], before: str) -> bool:
    """Whether the paragraph before a bare lead ("Note", "In vector form,") has words that
    make a claim after it a case, a supposition, a slip or another setting (review 62b)."""
    paragraph: list[str] = []
    for text in reversed(above):
        if not text.strip():
            break
        paragraph.insert(0, text)
    words = _UNIFIED.sub(" ", " ".join([*paragraph, before]))  # ("both cases together": none)
    return _guarded(words) or _OTHER_SETTING.search(_INLINE_MATH.sub(" ", words)) is not None


def _guarded(words: str) -> bool:
    """Words that make an equation said with them a case, a supposition, a wish or a slip."""
    bare = _INLINE_MATH.sub(" ", words)
    return NOT_ASSERTED.search(bare) is not None or NOT_ASSERTED_ABROAD.search(bare) is not None


def _led_by_label(before: str) -> bool:
    """``- **Numerator derivative**: $…$``: a label that names no case, hypothesis or slip but
    the diagonal ("- Diagonal entries: $…$", "- off the diagonal, $…$": the step is judged in
    every case, and one true in one case only is ambiguous where the text speaks of cases)."""
    label = labelled_lead(before) or ((m := DIAGONAL_ITEM.fullmatch(before)) and m["label"])
    label = label and DIAGONAL_WORDS.sub(" ", label)
    if DIAGONAL_SENTENCE.fullmatch(_CLAUSE_START.split(before)[-1]):  # "For the diagonal, $…$"
        return True
    return bool(label) and not (CONDITION_WORDS.search(label) or NOT_ASSERTED.search(label))


# "$\frac{\partial z_i}{\partial a_j} = z_i(1 - z_i)$ if $i = j$ and $-z_j z_i$ otherwise.":
# an equation with a derivative, then the index case it holds in, ending the sentence
# (also in parentheses after a list item's math: "- $\frac{\partial}{\partial z_j} e^{z_i} = 0$
# (since $i \neq j$)")
_CASE_AFTER = lazy(
    r"(?P<gap>[ \t]+(?:(?P<open>\()(?:since|if|when|for)|if|when|for)[ \t]+)"
    r"\$\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠|!=)\s*[a-z]\s*\$(?(open)\))"
    r"(?:[ \t]*,?[ \t]+and[ \t]+\$[^$\n]+\$[ \t]+otherwise)?[ \t]*(?:[.;]|$)"
)
_CLAUSE_LEAD = lazy(r"(?i)(?:^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?|\b(?:and|but|while)|[:;])[ \t]*$")


def said_in_a_case(line: str) -> list[tuple[re.Match[str], re.Match[str]]]:
    """The ``$…$`` of a sentence that state a derivative in an index case written after them
    (``$A = B$ if $i = j$``, and ``$C$ otherwise``: C is left unread), each with its case;
    never after words that make it a mention or a hypothesis (want, suppose, let …)."""
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math")
        case = _CASE_AFTER.match(line, match.end())
        if math is None or case is None or not claims_derivative(math):
            continue
        sentence = _SENTENCE_END_MARK.split(line[: match.start()])[-1]
        if NOT_ASSERTED.search(re.sub(r"\$[^$]*\$", " ", sentence)):
            continue
        if not (_CLAUSE_LEAD.search(sentence) or _ASSERTING.search(sentence)):
            continue
        if len(case.group("gap")) + 2 >= len("\\quad "):
            found.append((match, case))
    return found


# a textbook derivative of one plain letter, mentioned on the way: "Using the derivative of the
# logarithm $\frac{\partial \log(x)}{\partial x} = \frac{1}{x}$ and …", a heading "### 2 $\frac{
# \delta e^x}{\delta x} = e^x$": it names nothing of the document, so it is a claim of its own
_BY_ONE_LETTER = lazy(
    r"\s*\\d?frac\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*(?:\\partial|\\delta|\\mathrm\s*\{\s*d\s*\}|d)\s*"
    r"([a-zA-Z])\s*\}"
)
_COMMAND = lazy(r"\\([a-zA-Z]+)")
_OF_ONE_LETTER = frozenset(
    "frac dfrac partial delta log ln exp sigma tanh sinh cosh left right cdot times mathrm".split()
)


def mentioned_identities(line: str) -> list[re.Match[str]]:
    """The ``$…$`` of ``line`` that state the derivative of a function of one plain letter by
    that letter, ``\\frac{d}{dx} e^{-x} = -e^{-x}``, and name nothing else (no index, no other
    letter, no second ``=``); never where the sentence marks it a slip, a case or a guess."""
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math") or match.group("paren")
        lhs, equals, rhs = math.partition("=")
        variable = _BY_ONE_LETTER.match(lhs)
        if not equals or "=" in rhs or variable is None or re.search(r"[_&]|\\\\", math):
            continue
        if any(name not in _OF_ONE_LETTER for name in _COMMAND.findall(math)):
            continue
        letters = set(re.findall(r"[a-zA-Z]+", _COMMAND.sub(" ", math)))
        if not letters <= {
            variable.group(1),
            "d" + variable.group(1),
            "d",
            "e",
            "ln",
            "log",
            "exp",
        }:
            continue
        sentence = _SENTENCE_END_MARK.split(line[: match.start()])[-1]
        if (cased := CASE_FIRST.fullmatch(sentence)) is not None:
            sentence = cased["rest"]  # "When $i=k$, using the derivative of … $…$": no index
        if not NOT_ASSERTED.search(_INLINE_MATH.sub(" ", sentence)):
            found.append(match)
    return found


# the left side of a rule of differentiation for two functions: (f/g)', (\frac{u}{v})', (uv)',
# (f \cdot g)', \left(\frac{f}{g}\right)^{\prime}
PRIME_MARK = r"\s*(?:'|’|\^\s*\{?\s*\\prime\s*\}?)"  # ', ’, ^{\prime}
_RULE_LHS = lazy(
    r"\s*(?:\\left\s*)?\(\s*(?:\\d?frac\s*\{\s*([a-zA-Z])\s*\}\s*\{\s*([a-zA-Z])\s*\}"
    r"|([a-zA-Z])\s*(?:/|\\cdot|\\times)?\s*([a-zA-Z]))\s*(?:\\right\s*)?\)" + PRIME_MARK + r"\s*"
)
TRANSPOSE_WORDS = lazy(r"(?i)transpos|transpon|转置|転置|транспон|전치")
_OF_A_RULE = frozenset("frac dfrac cdot times left right prime".split())


def stated_rules(line: str, transposes: bool) -> list[re.Match[str]]:
    """The ``$…$`` of ``line`` that state the quotient or the product rule for two functions,
    ``$\\left(\\frac{f}{g}\\right)' = \\frac{f'g - fg'}{g^2}$``, whatever words lead into it (a
    rule is no definition): the two letters lower-case, the right side a sum or a quotient of
    only them, their primes and numbers; never where the sentence marks it a slip, a case or a
    guess, nor in a text that speaks of transposes (a prime may be one: ``(ab)' = b'a'``)."""
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math") or match.group("paren")
        lhs, equals, rhs = math.partition("=")
        rule = _RULE_LHS.fullmatch(lhs)
        if not equals or "=" in rhs or rule is None:
            continue
        letters = {g for g in rule.groups() if g}
        if len(letters) != 2 or any(n not in _OF_A_RULE for n in _COMMAND.findall(rhs)):
            continue
        if not all(letter.islower() for letter in letters) or not re.search(r"[-+]|frac", rhs):
            continue  # (AB)' = B'A', (uv)' = v'u': a transpose (Greene's, MATLAB's prime)
        if transposes:
            continue  # "a prime denotes transposition" (TRANSPOSE_WORDS in the text)
        if not set(re.findall(r"[a-zA-Z]", _COMMAND.sub(" ", rhs))) <= letters:
            continue
        sentence = _SENTENCE_END_MARK.split(line[: match.start()])[-1]
        if not NOT_ASSERTED.search(_INLINE_MATH.sub(" ", sentence)):
            found.append(match)
    return found
