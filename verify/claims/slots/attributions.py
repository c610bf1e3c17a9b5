"""Sourcing phrases: who or what a sentence cites for what it says.

"according to the Belarus defence ministry", "reports the Washington
Examiner", "an anonymous European official said to the Examiner",
"officials said", "citing a source familiar with the matter".

The work is done on word tokens: find a speech verb (or "according to",
"citing", "quoted X as saying"), then read the noun phrase that names the
source, leftwards for "X said" and rightwards for "said X". The same speech
clauses give quotations their speakers (see ``quotes.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims.slots.quote_marks import quotation_mark_spans
from verify.claims.slots.roles import (
    ANONYMOUS_HEADS,
    AUDIENCE_NOUNS,
    CLAUSE_WORDS,
    MONTHS,
    SPEECH_VERBS,
    WEEKDAYS,
    is_plausible_name,
)
from verify.claims.slots.spans import TakenSpans
from verify.records import Attribution

# Abbreviations first so "U.S." and "Dr." stay one token.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Prof|Jr|Sr)\.(?=\s)"
    r"|\w(?:[\w'’&.-]*\w)?|[^\w\s]"
)
_MAX_PHRASE = 10  # tokens; a longer run without a stop is a clause, not a source
_MAX_OBJECT = 4  # "told the Washington Post"

_INNER_PREPOSITIONS = frozenset({"of", "for", "at", "from"})
_PRONOUNS = frozenset("he she they we i you it".split())
_DETERMINERS = frozenset(
    "the a an another his her its their our my your some one two three several".split()
)
_ADVERBS = frozenset(
    "also later earlier previously then again has had have would will once recently "
    "repeatedly separately further publicly privately reportedly first".split()
)
_PASSIVE = frozenset("is are was were be been being".split())
_PASSIVE_AGENT_VERBS = frozenset({"reported", "quoted", "cited", "confirmed", "announced"})
_RELATIVE_CLAUSE = re.compile(r",\s*who\b[^.;“”\"]*")
_SUBORDINATORS = frozenset(
    "what that whether if because while as how why when where which who than".split()
)
_TIME_WORDS = MONTHS | WEEKDAYS | frozenset("week month year night morning evening weekend".split())
_INVERTED_ONLY = frozenset({"reports"})
_VERBS = SPEECH_VERBS | _INVERTED_ONLY
_OPENERS_OF_INVERSION = frozenset(',”’":;—–')
_ANON_MARKERS = re.compile(
    r"\b(?:anonymous|anonymity|unnamed|unidentified|familiar with|close to|"
    r"with knowledge of|briefed on|not to be (?:named|identified)|"
    r"declined to be (?:named|identified))\b",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    r"\s+(?:in|on|at|during)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|briefing|post|tweet|news conference|press conference|speech|"
    r"address|letter|email|message|call|Twitter|Facebook|Telegram|social media)\b"
)
_ANON_PHRASE = re.compile(
    r"\b(?:(?i:a|an|one|two|three|several|some|other|another)\s+)?"
    r"(?:(?:senior|junior|unnamed|anonymous|[A-Z][\w-]*)\s+){0,2}"
    r"(?:source|sources|person|people|official|officials|diplomat|diplomats|insider|insiders)"
    r"\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)"
    r"(?:\s+(?:the|a|an|his|her|their|its))?\s+[\w-]+"
)


@dataclass(frozen=True)
class Speech:
    """One speech clause, with offsets local to the sentence."""

    source: str | None  # who is cited; None for a pronoun ("he said")
    speaker: str | None  # who spoke: Putin in "the Kremlin quoted Putin as saying"
    anonymous: bool
    start: int
    end: int
    subordinate: bool = False  # "what Putin had said": not the main attribution


def find_attributions(text: str, base: int = 0) -> tuple[Attribution, ...]:
    """Sourcing phrases in ``text``, outside any quotation it contains."""
    quoted = quotation_mark_spans(text)
    found: list[Attribution] = []
    taken = TakenSpans()
    for speech in find_speech(text):
        if speech.source is None or _inside(speech.start, quoted):
            continue
        found.append(_attribution(text, speech.source, speech.anonymous, speech.start, speech.end))
        taken.take(speech.start, speech.end)
    for match in _ANON_PHRASE.finditer(text):
        span = match.span()
        if not _inside(span[0], quoted) and not taken.overlaps(*span):
            found.append(_attribution(text, match.group(), True, *span))
            taken.take(*span)
    found.sort(key=lambda a: a.start)
    return tuple(_shifted(a, base) for a in found)


def find_speech(text: str) -> tuple[Speech, ...]:
    """Every speech clause in ``text``, in order, overlapping ones dropped."""
    tokens = list(_TOKEN.finditer(text))
    found: list[Speech] = []
    taken = TakenSpans()
    for i, token in enumerate(tokens):
        speech = _speech_at(text, tokens, i, token.group())
        if speech and not taken.overlaps(speech.start, speech.end):
            found.append(speech)
            taken.take(speech.start, speech.end)
    return tuple(found)


def _speech_at(text: str, tokens: list[re.Match[str]], i: int, word: str) -> Speech | None:
    if word.lower() == "according" and _word(tokens, i + 1) == "to":
        return _cited_after(tokens, i, i + 2)
    if word == "citing":
        return _cited_after(tokens, i, i + 1)
    if word in ("quoted", "cited"):
        return _quoted_as_saying(tokens, i)
    if word in _VERBS:
        return _said(text, tokens, i)
    return None


def _cited_after(tokens: list[re.Match[str]], first: int, at: int) -> Speech | None:
    phrase = _phrase_right(tokens, at)
    if phrase is None:
        return None
    source = _join(tokens, *phrase)
    start, end = tokens[first].start(), tokens[phrase[1] - 1].end()
    return Speech(source, source, _is_anonymous(source), start, end)


def _quoted_as_saying(tokens: list[re.Match[str]], i: int) -> Speech | None:
    """ "the Kremlin quoted Putin as saying": the Kremlin cites, Putin speaks."""
    phrase = _phrase_right(tokens, i + 1)
    if phrase is None or _word(tokens, phrase[1]) != "as":
        return None
    if _word(tokens, phrase[1] + 1) != "saying":
        return None
    speaker = _join(tokens, *phrase)
    subject = _phrase_left(tokens, i)
    source = _join(tokens, *subject) if subject else speaker
    start = tokens[subject[0]].start() if subject else tokens[i].start()
    end = tokens[phrase[1] + 1].end()
    return Speech(source, speaker, _is_anonymous(source), start, end)


def _said(text: str, tokens: list[re.Match[str]], verb: int) -> Speech | None:
    if _word(tokens, verb + 1) == "by" and tokens[verb].group() in _PASSIVE_AGENT_VERBS:
        return _cited_after(tokens, verb, verb + 2)  # "first reported by Politico"
    k = _skip_adverbs(tokens, verb)
    if _word(tokens, k - 1).lower() in _PASSIVE:
        return None  # "is said to be": nobody is cited
    end = _verb_end(text, tokens, verb)
    if _word(tokens, k - 1).lower() in _PRONOUNS:
        # "he told Reuters": the outlet is the source that can be checked.
        outlet = _outlet(tokens, verb)
        return Speech(outlet, None, False, tokens[k - 1].start(), end)
    if tokens[verb].group() not in _INVERTED_ONLY:
        subject = _subject(tokens, k)
        if subject is not None:
            source, first = subject
            sub = _word(tokens, first - 1).lower() in _SUBORDINATORS
            start = tokens[first].start()
            anonymous = _is_anonymous(source) or bool(_ANON_MARKERS.search(text, start, end))
            return Speech(source, source, anonymous, start, end, sub)
    return _inverted(text, tokens, verb)


def _subject(tokens: list[re.Match[str]], k: int) -> tuple[str, int] | None:
    """The cited phrase before a verb, and its first token.

    "Mattis, who was on a visit to Estonia, said" reads Mattis; "the Lithuanian
    president, Dalia Grybauskaite, said" reads the name in apposition.
    """
    phrase = _phrase_left(tokens, k)
    if phrase is not None:
        phrase = _before_relative_clause(tokens, phrase)
        return _join(tokens, *phrase), phrase[0]
    if _word(tokens, k - 1) != ",":
        return None
    comma = k - 2
    while comma >= 0 and _is_word(tokens[comma].group()) and k - comma < 2 * _MAX_PHRASE:
        comma -= 1
    if comma < 0 or tokens[comma].group() != ",":
        return None
    before = _phrase_left(tokens, comma)
    if _is_name(tokens, comma + 1, k - 1):
        return _join(tokens, comma + 1, k - 1), before[0] if before else comma + 1
    if before is None:
        return None
    return _join(tokens, *before), before[0]


def _before_relative_clause(
    tokens: list[re.Match[str]], phrase: tuple[int, int]
) -> tuple[int, int]:
    """ "Officials" in "officials who spoke on condition of anonymity said"."""
    n = phrase[0] - 1
    while n >= 0 and phrase[0] - n <= _MAX_PHRASE and _is_word(_word(tokens, n)):
        if _word(tokens, n).lower() == "who":
            head = _phrase_left(tokens, n)
            return head or phrase
        n -= 1
    return phrase


def _is_name(tokens: list[re.Match[str]], j: int, k: int) -> bool:
    words = [_word(tokens, n) for n in range(j, k)]
    return all(w[:1].isupper() for w in words) and is_plausible_name(" ".join(words))


def _inverted(text: str, tokens: list[re.Match[str]], verb: int) -> Speech | None:
    """ ", reports the Washington Examiner." / "”, said Jane Roe." """
    previous = _word(tokens, verb - 1)
    if verb > 0 and previous not in _OPENERS_OF_INVERSION:
        return None
    phrase = _phrase_right(tokens, verb + 1)
    if phrase is None:
        return None
    following = _word(tokens, phrase[1]).lower()
    if following and _is_word(following) and following not in ("on", "in", "at", "last", "this"):
        return None  # ", said the move was wrong": a clause, not an inversion
    source = _join(tokens, *phrase)
    start, end = tokens[verb].start(), tokens[phrase[1] - 1].end()
    clause = _RELATIVE_CLAUSE.match(text, end)  # ", who asked not to be named"
    hidden = bool(clause and _ANON_MARKERS.search(clause.group()))
    return Speech(source, source, _is_anonymous(source) or hidden, start, end)


def _phrase_left(tokens: list[re.Match[str]], k: int) -> tuple[int, int] | None:
    """Token range [j, k) of the noun phrase that ends just before token k."""
    j = k
    while j > 0 and _phrase_word(tokens, j - 1):
        j -= 1
        if k - j > _MAX_PHRASE:
            return None
    while j < k and _is_lead_in(_word(tokens, j), _word(tokens, j + 1)):
        j += 1
    return _checked(tokens, j, k)


def _is_lead_in(word: str, following: str) -> bool:
    """Words at a phrase's start that belong to the clause: "On Monday officials"."""
    lower = word.lower()
    if lower in _INNER_PREPOSITIONS or lower in _TIME_WORDS:
        return True
    return word.isdigit() and following.lower() in MONTHS


def _phrase_right(tokens: list[re.Match[str]], j: int) -> tuple[int, int] | None:
    """Token range [j, k) of the noun phrase that starts at token j."""
    k = j
    while k < len(tokens) and _phrase_word(tokens, k):
        k += 1
        if k - j > _MAX_PHRASE:
            return None
    while k > j and _word(tokens, k - 1).lower() in _INNER_PREPOSITIONS | _DETERMINERS:
        k -= 1
    return _checked(tokens, j, k)


def _checked(tokens: list[re.Match[str]], j: int, k: int) -> tuple[int, int] | None:
    words = [_word(tokens, n).lower() for n in range(j, k)]
    if not words or all(w in _DETERMINERS or w in _INNER_PREPOSITIONS for w in words):
        return None
    return j, k


def _phrase_word(tokens: list[re.Match[str]], n: int) -> bool:
    """Whether token n can belong to a source phrase."""
    word = tokens[n].group()
    lower = word.lower()
    if not _is_word(word) or word in _VERBS:
        return False
    if lower in _INNER_PREPOSITIONS:
        return True
    if lower == "with":  # "a source familiar with the matter"
        left = _word(tokens, n - 1).lower()
        return left == "familiar" or _word(tokens, n + 1).lower() == "knowledge"
    if lower in ("to", "on"):  # "people close to the talks", "briefed on the talks"
        return _word(tokens, n - 1).lower() == ("close" if lower == "to" else "briefed")
    if lower == "and":  # "Poland and Lithuania said"
        return _word(tokens, n - 1)[:1].isupper() and _word(tokens, n + 1)[:1].isupper()
    return lower not in CLAUSE_WORDS


def _skip_adverbs(tokens: list[re.Match[str]], verb: int) -> int:
    k = verb
    while k > 0 and verb - k < 3:
        word = _word(tokens, k - 1)
        if word not in _ADVERBS and not (word.islower() and word.endswith("ly") and len(word) > 4):
            break
        k -= 1
    return k


def _verb_end(text: str, tokens: list[re.Match[str]], verb: int) -> int:
    """End of the verb with its audience or venue: "told Reuters", "said in a statement"."""
    end = tokens[verb].end()
    at = verb + 1
    if _word(tokens, at) == "to" and tokens[verb].group() != "told":
        at += 1
    elif tokens[verb].group() not in ("told", "tells"):
        at = -1
    if at > 0:
        obj = _object(tokens, at)
        if obj is not None:
            end = tokens[obj - 1].end()
    context = _CONTEXT.match(text, end)
    return context.end() if context else end


def _outlet(tokens: list[re.Match[str]], verb: int) -> str | None:
    at = verb + 2 if _word(tokens, verb + 1) == "to" else verb + 1
    if tokens[verb].group() not in ("told", "tells") and at == verb + 1:
        return None
    end = _object(tokens, at)
    if end is None or not _word(tokens, end - 1)[:1].isupper():
        return None
    return _join(tokens, at, end)


def _object(tokens: list[re.Match[str]], at: int) -> int | None:
    """End token of "reporters", "Reuters", "the Examiner", "the newspaper"."""
    k = at + 1 if _word(tokens, at).lower() in ("the", "a", "an") else at
    first = _word(tokens, k)
    if not _is_word(first) or first.lower() in CLAUSE_WORDS:
        return None
    if not first[:1].isupper():
        end = k + 1
        while end - k < _MAX_OBJECT and _word(tokens, end).lower() in AUDIENCE_NOUNS:
            end += 1  # "told a news conference"
        return end
    end = k
    while end - k < _MAX_OBJECT and _word(tokens, end)[:1].isupper():
        end += 1
    return end


def _is_anonymous(source: str) -> bool:
    if _ANON_MARKERS.search(source):
        return True
    words = source.lower().split()
    cut = next((n for n, w in enumerate(words) if w in _INNER_PREPOSITIONS), len(words))
    head = words[:cut][-1] if words[:cut] else ""
    return head in ANONYMOUS_HEADS


def _word(tokens: list[re.Match[str]], n: int) -> str:
    return tokens[n].group() if 0 <= n < len(tokens) else ""


def _is_word(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or token[0] == "_")


def _join(tokens: list[re.Match[str]], j: int, k: int) -> str:
    return tokens[j].string[tokens[j].start() : tokens[k - 1].end()]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _attribution(text: str, source: str, anonymous: bool, start: int, end: int) -> Attribution:
    return Attribution(
        source=source, anonymous=anonymous, text=text[start:end], start=start, end=end
    )


def _shifted(found: Attribution, base: int) -> Attribution:
    return Attribution(
        source=found.source,
        anonymous=found.anonymous,
        text=found.text,
        start=found.start + base,
        end=found.end + base,
    )
