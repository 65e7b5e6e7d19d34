"""What the prose around the mathematics says: the index case a sentence or a heading
announces, the hypotheses stated in words ("the labels are one-hot"), constraints and
conventions the reader must respect (``y \\in \\{0, 1\\}``, logarithms to base 2)."""

from __future__ import annotations

import functools
import re

from symsoft.reading.documents.conditions import as_worded, parse_relation
from symsoft.reading.documents.sentence_leads import CASE_JOINER
from symsoft.reading.documents.spans import KRAMDOWN_INLINE, Relation
from symsoft.reading.judge.symbolic import log_weights
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.case_heads import ITEM_START, case_head
from symsoft.reading.meaning.defined_names import defined_name
from symsoft.reading.meaning.example_values import valued_otherwise
from symsoft.reading.meaning.one_hot_names import ONE_HOT_NAMED
from symsoft.reading.meaning.one_hot_words import ONE_HOT_IN_WORDS, SUMS_TO_ONE_WORDS, UNREAL
from symsoft.reading.meaning.opening_cases import letters_case
from symsoft.reading.meaning.prose_subjects import (
    _BARE_SUBJECT,
    _PLAIN_WORDS,
    _QUALIFIED,
    _TARGET_NOUNS,
)
from symsoft.reading.meaning.soft_totals import SOFT, counted, denied_softly, other_totals
from symsoft.reading.meaning.table import Meanings

# a total of exactly 1, not 1 - \epsilon, 1 + \lambda, 1/2
_EXACTLY_ONE = r"(?!\s*+(?:[-+*/^_(\d]|\.\d|\\(?:cdot|times|frac|over|pm|mp)(?![a-zA-Z])))"
_HYPOTHESIS = lazy(
    r"sums?\s+(?:up\s+)?to\s+\$?(?:one|1)\b|(?<!weighted\s)(?<!scaled\s)one[- ]?hot"
    r"|원[- ]?핫|独热|ワンホット"
    r"|概率分布|確率分布|확률\s*분포|(?:之?和|합이|総和が|合計が)\s*(?:为|為|是)?\s*\$?1"
    r"|probability\s+(?:distribution|vector)|(?:teacher|target|soft)\s+(?:probabilities|distribution)"
    r"|(?:distribution\s+de\s+probabilit\w*|Wahrscheinlichkeitsverteilung"
    r"|distribuci[óo]n\s+de\s+probabilidad|distribui[çc][ãa]o\s+de\s+probabilidade)"
    r"(?!\s+(?:de\s+|der\s+)?(?:Poisson|Gauss|Bernoulli|binomial))"
    r"|распределени\w*\s+вероятност|вероятностн\w*\s+распределени"
    r"|\bsoft(?:ened)?\s+(?:targets?|labels?|probabilities|distribution)"
    r"|\bnormali[sz]ed\b|categorical\s+distribution|\|\s*_\s*\{?1\}?\s*=\s*1"
    r"|indicator\s+(?:vector\s+)?of\s+the\s+(?:true|correct|target)|exactly\s+one\s+nonzero"
    r"|\bsum\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}\$[^$]{1,40}\$\s+(?:is\s+)?(?:equal\s+to|equals)\s+\$?(?:one|1)\b"
    r"|add\s+up\s+to\s+\$?(?:one|1)\b|exactly\s+one\s+(?:entry|component|element|coordinate)"
    r"|(?:exactly|only)\s+one\s+(?:of\s+(?:the\s+)?)?\$[^$]{1,20}\$\S*\s+(?:is|equals)\s+\$?(?:1|one)\b"
    r"|=\s*1\$?\s+if\b[^.]{0,80}\b(?:otherwise|else)\b|"
    + ONE_HOT_IN_WORDS
    + r"|\\sum_\{?\s*[a-z](?:\s*=\s*1)?\s*\}?(?:\^\{?\s*[A-Za-z]\s*\}?)?\s*"
    r"y_\{?\s*[a-z]\s*\}?\s*=\s*+1"
    + _EXACTLY_ONE
    + r"|\\mathbf\s*\{?\s*1\s*\}?\s*\^\s*\{?\s*(?:\\top|T|\\intercal)\s*\}?\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*y\s*\}?\s*=\s*+1"
    + _EXACTLY_ONE
    + SUMS_TO_ONE_WORDS,
    re.IGNORECASE,
)

_GENERAL_WORDS = lazy(
    r"\b(?:general|both|combin\w*|every(?!\s+other)|all(?!\s+other)|any(?!\s+other)|together"
    r"|regardless|either|whether|merg\w*|unif\w*|kronecker|into\s+one|single\s+(?:formula|line"
    r"|expression|equation))\b"  # "With the Kronecker delta the two lines merge into one:"
    r"|两种情况|兩種情況|合起来|合起來|统一|統一|両方|まとめ"  # both cases, together, unified
    # … all, any, in general in other languages (alle, tous, todos, qualquer, все, 任意, 모든)
    r"|\b(?:alle[nms]?|allgemein\w*|beliebige?[nrs]?|beide[nrs]?|tou(?:s|tes?)|quelconques?"
    r"|général\w*|todos|todas|cualquier\w*|qualquer|ambos|ambas|все[хм]?|любы[хме]|общ\w*)\b"
    r"|任意|所有|一般|无论|すべて|全て|모든|임의"
    # a relation the words deny: "we do not assume $i = j$", "nicht $i = j$", "并不假设 $i=j$"
    r"|(?:\b(?:not|nicht|no|pas|не)\b|并不|不假设|しません)[^$.!?;:]{0,30}\$\s*[a-z]\s*=\s*[a-z]\s*\$",
    re.IGNORECASE,
)


INLINE_MATH = lazy(
    r"(?<![\\$])\$([^$\n]+)\$(?!\$)|\\\((.+?)\\\)"  # $x$ and \(x\)
    r"|" + KRAMDOWN_INLINE  # $$x$$ in a sentence
)
# the words that put what follows in a case: "When $t_i = 1$:", "For a target $t_i = 1$,"
CASE_LEAD = lazy(r"(?i)\b(?:when|if|for|with|where)\b[^.$]*\$?\s*$")
# all the math of a text, displays too: what is left is its words
ANY_MATH = lazy(r"\$\$.*?\$\$|\$[^$]*\$|\\\[.*?\\\]|\\\(.*?\\\)", re.DOTALL)


HEADING = lazy(
    r"^\s{0,3}#+[^\n]*$|\\(?:sub)*section\*?\{[^{}\n]*\}|\\paragraph\{[^{}\n]*\}"
    r"|^\s*\*\*[^\n]*\*\*\s*$"
    r"|^[ \t]{0,3}(?![-*+>|]\s|\d+[.)]\s)[^\s|][^\n]*\n[ \t]{0,3}(?:-{2,}|={2,})[ \t]*$",  # Setext
    re.MULTILINE,
)

_ANNOUNCED = lazy(
    r"(?:\b(?:take|consider|assume|suppose|case|where)|(?:^|[.!?:]\s+)(?:for|if|when|in\s+the\s+case))"
    r"\b[^.!?\n]{0,12}?\$\s*[i-n]\s*"
    r"(?:=|\\neq?|\\not\s*=|≠)\s*\{?[i-n]\}?\s*\$",
    re.IGNORECASE,
)


# the index relation that picks a term of a sum, no case: "only the $k = j$ term survives",
# "the first term contributes only when $j = i$"
OF_A_TERM = lazy(
    r"\$\s*[a-z]\s*=\s*[a-z]\s*\$[ \t]*terms?\b"
    r"|\bterms?\s+(?:\w+\s+)?only\s+(?:when|if)\b(?:[ \t]*\$[^$]*\$)?"
)
_OTHER_CASE = lazy(r"\b(?:other|otherwise|remaining|else|next|second)\b", re.IGNORECASE)
_LAST_CASE_CLAUSE = lazy(rf"(?<![ \t]){CASE_JOINER}", re.IGNORECASE)  # (linear over spaces)


def prose_condition(prose: str, around: str = "") -> Relation | None:
    """The index case announced just before a display ("If $i = j$,", "## Case i ≠ j"): in the
    last sentence when it runs on into the display (no full stop), or in the last heading;
    exactly one relation, and no word of generality ("both", "in general"). Letters outside
    i … n are an index case when the place writes nothing else in math and ``around`` writes
    both as subscripts ("For $j \\neq c$:" of a text with z_j and σ_c)."""
    text = prose.rstrip()
    places = []
    if not text.endswith((".", "!", "?")):  # the sentence runs on into the display
        # "… $A$ and when $i \neq k$, we have": the clause after the last "and" that opens a case
        # (a list item starts a sentence: "\item<3-> $i \neq j$: \;")
        for end in (r"[.!?]\s|\\item\b", r"[.!?]\s|\n\s*\n"):  # or its paragraph (one case)
            places.append(_LAST_CASE_CLAUSE.split(re.split(end, text)[-1])[-1])
    headings = list(HEADING.finditer(prose))
    if headings:
        places.append(headings[-1].group())
    paragraph = re.split(r"\n\s*\n", text)[-1]
    item = ITEM_START.split(paragraph)[-1].lstrip()  # a list's last item: a paragraph of its own
    if head := case_head(item):
        places.append(head.group().rstrip(" \t*_.:"))  # "**Case $k \neq t$.** The logit …, so"
    announced = _ANNOUNCED.search(paragraph)
    if announced and not _OTHER_CASE.search(paragraph):
        # "Take $i = j$ first. … so by the quotient rule": the sentence that announces it
        sentence = next((s for s in sentences(paragraph) if announced.group() in s), paragraph)
        places.append(sentence)
    for place in places:
        place = _SCRIPTED_RELATION.sub(" ", place)  # "the indicator $1_{i=j}$": no case
        place = _CODE_EQUALS.sub("=", place)  # "当$i==j$时": code's equality, the case i = j
        if _GENERAL_WORDS.search(place) or OF_A_TERM.search(place):
            continue
        if relation := parse_relation(place) or _letters_case(place, around):
            return as_worded(relation, place)  # ("Unless $i = j$,": the other case)
    return None


def _letters_case(place: str, around: str) -> Relation | None:
    found = list(INLINE_MATH.finditer(place))
    return letters_case(place, found, around)


_CODE_EQUALS = lazy(r"(?<=[a-z]\s)==(?=\s*[a-z])|(?<=[a-z])==(?=\s*[a-z])")
# a relation inside a subscript or an indicator's braces (1_{i=j}, \mathbb{1}\{i = j\}):
# part of a symbol the sentence names, not the case it announces
_SCRIPTED_RELATION = lazy(r"_\s*\{[^{}$]*\}|(?<!\\setminus)(?<!\\setminus )\\\{[^{}$]*\\\}")


# "Similarly, for the bias $b$:": the words name another derivative's variable, so a "= …"
# after them starts anew (not a case: "for $i = j$" is a relation)
NEW_SUBJECT = lazy(
    r"\bfor\s+(?:the\s+)?"
    r"(?:(?!cases?\b|diagonal|off|entr|other|same|first|second|remaining|last|next|each|every"
    r"|all\b|any\b|some\b)[a-z]+\s+)?[$`]\s*\\?[A-Za-z]+(?:\s*_\s*\{?\w+\}?)?\s*[$`]",
    re.IGNORECASE,
)


CASE_WORDS = lazy(
    r"\b(?:cases?|diagonal\w*|off[- ]diagonal|same|differ(?!entia)\w*|distinct|equal\w*|coincid\w*"
    r"|otherwise|separately|(?:in)?correct\s+class(?:es)?|wrong\s+class(?:es)?"
    r"|(?:(?<=^)|(?<=\n)|(?<=[.!?]\s))\s*(?:for|at)\s+the\s+(?:index\s+of\s+the\s+)?(?:true|correct|target"
    r"|right)\s+(?:class|label)(?=\s*[,:])"  # "For the true class," leading a display
    r"|other\s+class(?:es)?|other\s+than|except|any\s+other|remaining|all\s+other"
    # … the diagonal and the true class in other languages (not their words for "case", "same")
    r"|диагонал\w*|(?:neben|haupt)diagonal\w*|richtigen?\s+klasse)\b|对角|對角|対角|대각"
    # … and indices said equal or different in words ("$i$ ungleich $j$", "índices iguales")
    r"|\b(?:ungleich|verschieden\w*|égaux|égales|différents?|distincts?|iguales|distint[oa]s?"
    r"|iguais|diferentes?|равн\w*|различ\w*|совпада\w*)\b|相等|不等|等しい|異なる|같을|다를"
    r"|\$\s*[i-n]\s*\$\s*(?:gleich|égale?\s+à|igual\s+a)\s*\$\s*[i-n]\s*\$"
    r"|\bnot\s+(?:the\s+|an?\s+)?\$\s*[a-zA-Z]\s*\$"  # "for not $i$ th item, denote by $z$"
    r"|[i-n]\s*(?:=|\\neq?|\\not\s*=|≠|!=)\s*[i-n]"
    r"|\$\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠|!=)\s*\{?[a-z]\}?\s*\$",  # "If $s = i$:", any letters
    re.IGNORECASE,
)


EVERY_CASE = lazy(  # "for every pair of indices $i, j$ we can write": all cases claimed
    r"\bfor\s+(?:every|all|each|any)\s+(?:pairs?\s+of\s+)?(?:indices|entries|elements)\b"
    r"(?![^.]*?[i-n]\s*(?:=|\\neq?|\\not\s*=|≠)\s*[i-n])"
    r"|\bfor\s+(?:every|all|each|any)\s+\$\s*[i-n]\s*,\s*[i-n]\s*\$"
    # "Both cases fit in one formula", "combining the two cases": one formula for every case
    r"|\b(?:both|the\s+two|all)\s+cases\s+(?:fit|combine|merge|go|can\s+be\s+(?:written|combined"
    r"|merged|put))\b[^.$]{0,30}?\b(?:in|into|as)\s+(?:one|a\s+single)\s+(?:formula|expression|line)"
    r"(?=\s*(?:[,:.]|$))"  # (the phrase ends there: not "… in one formula only after some work")
    r"|\bcombining\s+(?:the\s+|both\s+)?(?:two\s+)?cases(?=\s*(?:[,:.]|$))",
    re.IGNORECASE,
)


def continuation(prose: str) -> str:
    """The words right after a display that continue its sentence (no blank line, lower case)."""
    text = prose.lstrip("$\\]} \t")
    if text.startswith("\n"):
        text = text[1:]
    first = re.split(r"\n\s*\n", text)[0]
    return first if first.strip()[:1].islower() else ""


NEGATION = lazy(
    r"\b(?:not|no|never|unlike|instead|rather\s+than|neither|nor|without|arbitrary)\b|n't"
    r"|不是|并非|并不|没有|不为|아니|아닌|아닙|아님|않|ではない|でない|じゃない"
    # … in other languages: without (sans, sin, sem, ohne, без), not (ne … pas, nicht, kein,
    # não, не), "need not be" (とは限らない, 不一定), "do not assume" (しません, 不假设)
    r"|(?<!\\)\b(?:sans|sin|sem|ohne|nicht|kein(?:e|en|er|em|es)?|não|nunca|jamais|без|не|нет)\b"
    r"|\bn(?:e\s|')[^.!?]{0,40}?\bpas\b|しません|せず|ません|とは限ら|未必|不一定|不必|无需"
    r"|不假设|不假定|不要求",
    re.IGNORECASE,
)


# a negative word, or words that take a hypothesis back ("one-hot labels replaced by counts")
_DENIAL = lazy(  # "sometimes they are smoothed, sometimes weighted": no hypothesis stated
    NEGATION.pattern + r"|\breplac(?:ed|ing)\b|\bun-?normali[sz]ed\b|\b(?:mistake|myth|pitfall)\b"
    r"|\bsometimes\b[^.]{0,200}\bsometimes\b|\bsometimes\s+(?:they|it|the\s+\w+)\s+(?:are|is)\b"
    r"|\bmulti[- ]?(?:hot|label)\b|\bseveral\s+(?:entries|tags|labels|classes)\b|misconception",
    re.IGNORECASE,
)


_NOT_A_NEGATION = lazy(
    r"\bnot\s+necessarily\s+[a-z-]+|\bwithout\s+loss\s+of\s+generality|\bneed\s+not\s+be\s+"
    r"[a-z-]+|\binstead\s+of\s+(?:a|an|the)?\s*[a-z-]+(?:\s+[a-z-]+)?|\bnon-?negative"
    r"|\bnonzero|\bno\s+other\b|\bnot\s+only\b|\bsin\s+embargo|\bsans\s+exception|\bnon\s+seulement"
    r"|\bsin\s+excepci[óo]n|\bno\s+s[óo]lo|\bohne\s+Ausnahme|\bnicht\s+nur|\bsem\s+exce[çc][ãa]o"
    r"|\bn[ãa]o\s+s[óo]|без\s+исключени\w*|не\s+только",  # however, without exception, not only
    re.IGNORECASE,
)


def negated(sentence: str) -> bool:
    """Whether a sentence says no (``not``, ``不是``…), words like "not necessarily" aside."""
    return bool(NEGATION.search(_NOT_A_NEGATION.sub(" ", sentence)))


SENTENCE_BREAK = lazy(r"(?<=[.!?])\s+|(?<=[。！？])|\n\s*\n")


def sentences(text: str) -> list[str]:
    return SENTENCE_BREAK.split(text)


def _clause_of(sentence: str, found: re.Match[str]) -> str:
    """The clause of ``sentence`` that holds ``found`` (between commas, semicolons, "but")."""
    start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, found.start())), default=0)
    end = _CLAUSE.search(sentence, found.end())
    return sentence[start : end.start() if end else None]


def _hedged(sentence: str) -> bool:
    """Whether a negated sentence has a hypothesis phrase in a clause without the negation."""
    for found in [*_HYPOTHESIS.finditer(sentence), *_TOTAL_IS_ONE.finditer(sentence)]:
        start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, found.start())), default=0)
        end = _CLAUSE.search(sentence, found.end())
        clause = _NOT_A_NEGATION.sub(" ", sentence[start : end.start() if end else None])
        if not _DENIAL.search(clause):
            return True
    return False


def hedged_normalized(text: str) -> str:
    """Why the text may state that its targets are one-hot or normalized though it is not read
    as stating it, or "": a sentence that says so beside a negative word that is not in the
    phrase's own clause ("let $L$ be the cross-entropy instead, with one-hot $y$", "we do not
    assume, as many posts do, that $y$ is one-hot"), or a heading that says so ("# Soft
    labels", "## With one-hot targets"): a heading names a topic, perhaps of its own section
    only, and the text under it may say otherwise ("we do not require $y_1 + y_2 = 1$",
    "scaled so that $\\sum_i y_i = 2$", vote counts); it is never read as stating the
    hypothesis, but no flag may rest on its absence."""
    body, headings = _apart(text)
    for sentence in sentences(body):
        plain = _NOT_A_NEGATION.sub(" ", sentence)
        # "$y$ is not one-hot: it is a probability distribution": one phrase denied, another not
        if _DENIAL.search(plain) and _hedged(sentence):
            return (
                f"the sentence '{sentence.strip()[:80]}' may state it; its negative word is not "
                "read as denying it, nor the sentence as stating it"
            )
    for heading in headings:
        words = _HEADING_MARKS.sub(" ", heading)  # "# Soft labels": "Soft labels"
        if not _UNNORMALISED.search(heading) and _stated(words, False):
            why = "a sentence denies it" if _denies(body) else "a heading is not read as stating it"
            return f"the heading '{heading.strip()[:80]}' may state it; {why}"
    return ""


def _apart(text: str) -> tuple[str, list[str]]:
    """The text with its headings blanked, and the headings."""
    headings = HEADING.findall(text)
    if not headings:
        return text, []
    return HEADING.sub(lambda m: " " * len(m.group()), text), headings


_HEADING_MARKS = lazy(r"^\s*#+|\\(?:sub)*section\*?\{|\\paragraph\{|\*\*|\}\s*$")
_UNNORMALISED = lazy(r"(?i)\b(?:un|non-?)normali[sz]ed\b|\bunnormali")


def _denies(body: str) -> bool:
    """Whether a sentence denies that targets are one-hot or sum to one ("we do not require
    $y_1 + y_2 = 1$", "unlike the case with one-hot labels"), not one that states another
    ("unlike one-hot labels, here $y$ is a soft target distribution")."""
    for sentence in sentences(body):
        plain = _NOT_A_NEGATION.sub(" ", sentence)
        if (
            _DENIAL.search(plain)
            and not _hedged(sentence)
            and (
                _HYPOTHESIS.search(plain)
                or _TOTAL_IS_ONE.search(plain)
                or _ENTRIES_TOTAL.search(plain)
            )
        ):
            return True
    return False


_CLAUSE = lazy(r"[,;:]|\b(?:but|while|whereas)\b|，|；")


def stated_normalized(text: str, hedged: bool = False) -> set[str]:
    """The names a sentence says are one-hot or sum to one (:func:`_stated`), as a new set."""
    return set(_stated(text, hedged))


@functools.lru_cache(maxsize=8)
def _stated(text: str, hedged: bool) -> frozenset[str]:
    """The names a sentence says are one-hot or sum to one, never in a negated sentence ("not
    one-hot", "unlike a probability distribution"): the name written just before the phrase
    ("$t$ is one-hot", "the $y_k$ sum to one"), the name right after "targets"/"labels" ("the
    targets $t$ are one-hot"), or ``y`` for "labels that sum to one" with no name of their own.
    With ``hedged``, the names only negated sentences whose negation is in another clause say
    so of ("the loss instead, with soft targets $t$ that sum to one")."""
    body, _ = _apart(text)  # a heading states nothing (see hedged_normalized)
    names: set[str] = set()
    said = sentences(body)
    for sentence, following in zip(said, [*said[1:], ""], strict=True):
        if not hedged and not NEGATION.search(sentence):
            names |= {m.group(1) for m in _ONE_HOT_WRITTEN.finditer(sentence)}
        # phrases with a negative word that deny nothing the hypothesis says, blanked: a
        # hypothesis inside one ("need not be normalised") is denied, never stated
        plain = _NOT_A_NEGATION.sub(lambda m: " " * len(m.group()), sentence)
        found = next(filter(None, (pattern.search(plain) for pattern in _TOTALS)), None)
        if found and SOFT.fullmatch(found.group()):  # "(soft labels, the $y_i$ sum to one)"
            found = next(filter(None, (p.search(plain, found.end()) for p in _TOTALS)), found)
        if found and ("?" in sentence or UNREAL.search(_clause_of(plain, found))):
            continue  # "If $y$ were a standard basis vector …", "Should $y$ be …?", "only for"
        if counted(found, sentence, following):
            continue  # "the soft labels $t_k$ are the numbers of annotators": no distribution
        negated = bool(_DENIAL.search(plain))
        if not found or negated != hedged or (hedged and not _hedged(sentence)):
            continue
        totals = {m.group(2) for m in _TOTAL_IS_ONE.finditer(sentence)}
        totals |= {m.group(1) for m in _ONES_TOTAL.finditer(sentence)}
        totals |= {m[1] or m[2] for m in _ENTRIES_TOTAL.finditer(sentence)}  # $y_1 + y_2 = 1$
        if totals:  # $\sum_j y_j = 1$ (and a "one-hot label $y$" beside it)
            names |= totals | {a or b for a, b in ONE_HOT_NAMED.findall(sentence)}
            continue
        inside = INLINE_MATH.search(found.group(0))
        if inside and re.match(r"(?:exactly|only)\s|sum\s", found.group(0), re.IGNORECASE):
            names.add(_math_name(inside) or "")  # "exactly one of the $t_i$s is 1"
            continue
        if re.match(r"(?i)(?:exactly|only)\s+one\s+of\s+them", found.group(0)):
            earlier = list(INLINE_MATH.finditer(sentence[: found.start()]))  # "Each $y_k$ is …"
            names.add(_math_name(earlier[-1]) or "" if earlier else "")
            continue
        words = _QUALIFIED.match(sentence, found.end())  # "a one-hot $y$", "one-hot labels $y$"
        after = INLINE_MATH.match(sentence, words.end()) if words else None
        if after and _math_name(after) and re.search(r"one[- ]?hot", found.group(0), re.I):
            names.add(_math_name(after) or "")  # (not "one-hot $y$, smoothed target $q$": q)
            continue
        subjects = set()
        for noun in _TARGET_NOUNS.finditer(sentence):  # "one-hot targets $y$", "labels that …"
            # "targets $t$", "the target distribution $t$": the name after at most two words
            words = re.compile(r"\s+(?:[a-z-]+\s+){0,2}").match(sentence, noun.end())
            after = INLINE_MATH.match(sentence, words.end() if words else noun.end())
            subjects.add((_math_name(after) if after else None) or "")
        unnamed = "" in subjects  # "the labels are one-hot": the targets, y unless named before
        subjects.discard("")
        if not subjects and not re.match(r"sum|add", found.group(0), re.IGNORECASE):
            # "a probability vector $q$" (not across "and let": "$y$ be … and let $L = …$")
            words = _QUALIFIED.match(sentence, found.end())
            after = INLINE_MATH.match(sentence, words.end()) if words else None
            if after and _math_name(after):
                names.add(_math_name(after) or "")
                continue
        before = list(INLINE_MATH.finditer(sentence[: found.start()]))
        if unnamed and before and _TARGET_NOUNS.search(sentence[before[-1].end() : found.start()]):
            # "$L$ … with labels that sum to one": the noun is the subject; "$p$ the label
            # vector, with one-hot labels": p
            called = _CALLED.match(sentence, before[-1].end())
            subjects.add((_math_name(before[-1]) if called else None) or "y")
        if not subjects and not unnamed:  # "where y is one-hot": a letter written as a word
            bare = _BARE_SUBJECT.search(sentence[: found.start()])
            if bare:
                subjects.add(bare.group(1))
        between = sentence[before[-1].end() : found.start()] if before else ""
        if unnamed and re.search(r"\bwith\s*$", between):
            before = []  # "$p_i = …$ with one-hot labels": the labels are one-hot, not p
        if not subjects and before:  # "$t$ is one-hot", "the $y_k$ sum to one"
            # plain words: "are nonnegative and", or a copula in Chinese, Korean or Japanese
            # ("$y$ 是独热向量", "$y$는 원-핫 벡터", "$y$ は one-hot")
            if len(between) <= 40 and _PLAIN_WORDS.fullmatch(between):
                subjects.add(_math_name(before[-1]) or "")
                for earlier, later in zip(before[-2::-1], before[::-1], strict=False):
                    if not re.fullmatch(
                        r"\s*(?:,|and|or|,\s*and)\s*", sentence[earlier.end() : later.start()]
                    ):
                        break
                    subjects.add(_math_name(earlier) or "")  # "$a$ and $b$ are one-hot"
        if unnamed and not subjects - {""}:
            subjects.add("y")
        names |= subjects - {""}
    names -= valued_otherwise(text)
    if not hedged and names and SOFT.search(text):  # soft targets said to sum to another total
        strong = _stated(SOFT.sub(lambda m: " " * len(m.group()), text), hedged)
        totals = other_totals(text)  # ("soft labels" with no name of their own: y, the loss's)
        names -= (names - strong) & (denied_softly(text) | ({"y"} if totals else set()))
    return frozenset(names)


_ONES_TOTAL = lazy(  # \mathbf{1}^\top \mathbf{y} = 1; \Sigma y = 1, \sum y = 1 (no index at all)
    r"(?:\\mathbf\s*\{?\s*1\s*\}?\s*\^\s*\{?\s*(?:\\top|T|\\intercal)\s*\}?\s*|(?:\\sum|\\Sigma)\s*)"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*([a-zA-Z])\s*\}?\s*=\s*1" + _EXACTLY_ONE
)


_DOTS = r"\s*(?:\\[lc]?dots|\.\.\.)\s*"  # y = (0, \ldots, 1, \ldots, 0): one-hot, in general
ONE_HOT_VALUE = lazy(
    rf"\s*(?:\\left\s*)?[(\[]\s*0\s*,{_DOTS},\s*1\s*,{_DOTS},?\s*0\s*(?:\\right\s*)?[)\]]\s*"
)
# y = (0, …, 1, …, 0), also after its entries: y = (y_1, …, y_K) = (0, …, 1, …, 0)
_ONE_HOT_WRITTEN = lazy(
    rf"(?<![\\A-Za-z])([a-zA-Z])\s*=(?:\s*\(\s*\1_1\s*,{_DOTS},\s*\1_\{{?[A-Za-z]\}}?\s*\)\s*=)?"
    rf"(?={ONE_HOT_VALUE.pattern}(?:\$|\\\)))"
)

_TOTAL_IS_ONE = lazy(  # \sum_j y_j = 1, \sum_k { y_k} = 1; \sum y_i = 1 (index unwritten); \Sigma
    r"(?:\\sum|\\Sigma)\s*(?:_\{?\s*([a-z])(?:\s*=\s*1)?\s*\}?)?(?:\^\{?\s*[A-Za-z]\s*\}?)?\s*"
    r"(?:\{\s*)?([a-zA-Z])_\{?\s*+(?(1)\1|[a-z])\s*+\}?(?:\s*+\})?"  # (possessive)
    r"\s*+=\s*+(?:[^=$]{1,80}=\s*+)?1" + _EXACTLY_ONE
    # (a chain may split the sum on its way: \sum_k y_k = y_i + \sum_{k \neq i} y_k = 1)
)


_ENTRIES_TOTAL = lazy(  # y_1 + y_2 = 1, y_1 + y_2 + y_3 = 1: the entries written out; and
    # \sum_{y_k} = 1, the entry written under the sum
    r"(?:(?<![\\a-zA-Z])([a-zA-Z])_\{?1\}?\s*+\+\s*+\1_\{?2\}?(?:\s*+\+\s*+\1_\{?[3-9]\}?)*+"
    r"|\\sum_\{\s*+([a-zA-Z])_\{?[a-z]\}?\s*+\})\s*+=\s*+1(?![\d.])" + _EXACTLY_ONE
)
_TOTALS = (_HYPOTHESIS, _TOTAL_IS_ONE, _ENTRIES_TOTAL, _ONES_TOTAL)  # \mathbf{1}^\top q = 1 too


_CALLED = lazy(  # "$p$ the label vector", "$t$ denote the targets"
    r"\s*+(?:(?:be|is|are|denotes?|as)\s+)?(?:the|a|an)\s+(?:[a-z-]+\s+)?(?:labels?|targets?)\b",
    re.IGNORECASE,
)


def _math_name(match: re.Match[str]) -> str | None:
    math = next(group for group in match.groups() if group)
    math = re.sub(r"\^\s*\{\s*\(\s*[a-z]\s*\)\s*\}", "", math)  # y^{(n)}: the sample's y
    named = defined_name(re.split(r"\\in|=|,", math)[0])
    if named:
        return named[0]
    entry = ENTRY.match(math)  # t_1, \dots, t_C: the name of the entries
    return entry.group(1) if entry else None


_DEFAULTS = ("standard", "symsoft's notation", "the text")


def normalized_in_words(text: str, meanings: Meanings) -> set[str]:
    """Targets a sentence says are one-hot or sum to one ("the labels $t$ are one-hot"); "the
    labels are one-hot", with no name, speaks of the targets of the document's own loss."""
    names = stated_normalized(text)
    loss = meanings.table.get("L")
    losses = [loss] if loss is not None and loss.source != "standard" else []
    if not losses and not re.search(r"(?<![a-zA-Z\\])y(?![a-zA-Z])", text):
        # no y and no L (H(Y, σ(A)) = -Σ Y_i log σ(A_i)): "the labels are one-hot" speaks of the
        # targets of the loss the document defines under another name
        losses = [m for m in meanings.table.values() if m.source not in _DEFAULTS]
    if "y" in names:  # not a q the text names itself ("a multi-hot target $q$"): another vector
        said = " ".join(a or b or "" for a, b, *_ in INLINE_MATH.findall(text))
        names |= {
            n
            for loss in losses
            for n in log_weights(loss.value)
            if n in meanings.leaves and not re.search(rf"(?<![\\a-zA-Z]){n}(?![a-zA-Z])", said)
        }
    return {name for name in names if name not in meanings.table}


ENTRY = lazy(r"\s*([a-zA-Z])\s*_\s*\{?\s*\d+\s*\}?\s*")
