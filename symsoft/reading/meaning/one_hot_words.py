"""One-hot and sums-to-one said in words: with the values ("1 for the correct class and 0
elsewhere"), or in other words ("a 1-of-K coding", "a standard basis vector"); and the
sentences that say it of another world, ask it, or say it of some cases only."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

# "sum to one" in German, French, Spanish, Portuguese, Italian (review 84a: "Die Zielwerte
# $t_k$ summieren sich zu eins", "elles somment à 1")
SUMS_TO_ONE_WORDS = (
    r"|summieren\s+sich\s+(?:zu|auf)\s+\$?(?:eins|1)\b|(?:se\s+)?somment\s+(?:à|a)\s+\$?(?:un|1)\b"
    r"|suman\s+\$?(?:uno|1)\b|somam\s+\$?(?:um|1)\b|sommano\s+a\s+\$?(?:uno|1)\b"
)

# one-hot said with its values: "$t_k$ is 1 for the correct class and 0 for every other class",
# "a vector of zeros with a single 1", "1 at the true class and 0 elsewhere"
ONE_HOT_IN_WORDS = (
    r"\bis\s+\$?(?:1|one)\$?\s+(?:for|at|in|on)\s[^.]{0,60}?\band\s+\$?(?:0|zero)\$?\s+"
    r"(?:for|at|in|on|elsewhere|otherwise|everywhere)\b"
    r"|\b(?:zeros|0s)\b[^.]{0,30}?\b(?:with|except|but)\s+(?:for\s+)?(?:a\s+single|a|one)\s+"
    r"\$?(?:1|one)\b|\b(?:1|one)\$?\s+(?:at|for|in)\s+the\s+(?:correct|true|target|right)\s+"
    r"(?:class|label|index|position)\b[^.]{0,30}?\b(?:0|zero|zeros)\b"
    # … one-hot said otherwise: "a 1-of-K coding", "a one-of-$K$ encoding", "a standard basis
    # vector", "a single 1 and zeros elsewhere", "exactly one of them is 1", "only one entry is
    # nonzero, and it equals one", "on the probability simplex", "a distribution over the classes"
    r"|\b(?:1|one)-of-\$?[A-Z]\$?(?![A-Za-z])|standard\s+basis\s+vector|probability\s+simplex"
    # "the $c$-th basis vector", "the $k$th unit vector", "a row of the identity matrix" (never
    # "a unit vector" alone: a norm of one, review 72)
    # (the target itself: "is the", "$y = e_c$, the"; never "the sum of the $c$-th and the
    # $d$-th basis vector", "twice the $c$-th basis vector", review 72b)
    r"|(?:\b(?:is|be|as|equals?)\s+|\$\s*,\s*)the\s+(?:\$\s*[a-zA-Z]\s*\$|\b[a-zA-Z])\s*-?\s*"
    r"(?:th|st|nd|rd)\s+(?:(?:standard\s+|canonical\s+)?(?:basis|unit|coordinate)\s+vector(?!s)"
    r"|(?:row|column)\s+of\s+(?:the|an)\s+identity(?:\s+matrix)?)"
    r"(?![^.]{0,20}\b(?:and|plus|minus|times|multiplied|scaled|added|less)\b)"
    r"(?!\s*\\(?:cdot|times))"
    r"|\b(?:is|be|as)\s+a\s+(?:row|column)\s+of\s+(?:the|an)\s+identity\b"
    r"|\bis\s+the\s+indicator\s+(?:vector\s+)?of\s+(?:the\s+)?(?:true\s+|correct\s+)?class\b"
    r"|vecteur\s+de\s+la\s+base\s+canonique"
    r"|\bsingle\s+\$?(?:1|one)\$?\s+(?:and|with)\s+(?:all\s+)?(?:0s|zeros)\b"
    # "$y$ has a single 1", "$y$ has exactly one 1" (review 71b; never "a $y$ that has …")
    r"|(?<=\$)\s+has\s+(?:a\s+single|exactly\s+one|only\s+one)\s+\$?1\$?(?!\d|\.\d)"
    r"|(?:exactly|only)\s+one\s+of\s+them\s+(?:is|equals)\s+\$?(?:1|one)\b"
    r"|(?:exactly|only)\s+one\s+(?:entry|component|element|coordinate)\b[^.$]{0,12}(?:\$[^$]{1,9}\$)?"
    r"[^.$]{0,12}(?:\bnon-?zero\b|[ ]{7,8})[^.$]{0,25}?\b(?:equals?|is)\s+\$?(?:1|one)\b"
    # "all zero except one, which equals one", "one entry equal to 1 and $K - 1$ entries equal
    # to 0", "exactly one of the $y_k$ is nonzero, and it equals 1" (review 79a)
    r"|\ball\s+(?:zeros?|0)\s+except\s+(?:for\s+)?(?:a\s+single|one)\b[^.]{0,20}?\b(?:equals?|is)\s+"
    r"\$?(?:1|one)\b|\bone\s+(?:entry|component|element)\s+equal\s+to\s+\$?(?:1|one)\$?\s+and\s+"
    r"(?:\$[^$]{1,12}\$|all\s+(?:the\s+)?others?|the\s+others?)\s+(?:entries\s+|components\s+|elements\s+)?"
    r"equal\s+to\s+\$?(?:0|zero)\b|\b(?:[Ee]xactly|[Oo]nly)\s+one\s+of\s+the\s+\$[^$]{1,12}\$\s+is\s+"
    r"(?:non-?zero\b)?[^.]{0,30}?\b(?:equals?|is)\s+\$?(?:1|one)\b"
    r"|(?<=\$)\s+is\s+a\s+(?:probability\s+)?distribution\s+over\s+(?:the\s+|all\s+)?"
    r"(?:\$[^$]{1,9}\$\s+)?(?:classes|labels|categories)\b"
)


# a clause that says it of another world or of some cases only
UNREAL = lazy(
    r"(?i)\b(?:were|would|could|might|unless|sometimes|often|usually|mostly"
    r"|occasionally|seldom|rarely|hardly|barely|typical(?:ly)?|assumed)\b"
    r"|\bonly\s+(?:for|when|if|in|on)\b"
)
