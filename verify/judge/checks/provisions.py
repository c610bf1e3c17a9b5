"""Named provisions: a claim that says what "Article 4" does must describe the
provision the references describe that way.

Each reference passage is about the provisions it names, or failing that the
provision in its section heading (a treaty's text sits under "Article 4").
The claim's description of its provision is compared with every passage about
a single provision; when a different provision fits the description clearly
better, the claim has the provision wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from verify.claims import (
    after_title,
    content_stems,
    find_provisions,
    is_negated,
    provision_statement,
)
from verify.records import Evidence, Finding, Provision, ReferencePassage, StoredClaim, Verdict
from verify.search import ReferenceSet, align

CHECK = "provision"  # the name findings of this module carry (Finding.check)

# Words that name a provision without describing it.
GENERIC = content_stems("article articles provision provisions clause clauses section treaty")
PHRASE_WEIGHT = 3  # the provision's own words ("mutual defence clauses") say most
PREDICATE_WEIGHT = 2  # then what the claim says it is or does, after its name
# Words after a provision's name that define it: "Article 5 is ...", "Article 97, which bars".
_DEFINES = re.compile(
    r"\s*(?:,\s*)?(?:is|which|says|states|provides|allows|requires|bars|guarantees|"
    r"sets\s+out|lets|obliges|concerns|covers|governs|deals|establishes|prohibits|reads|"
    r"permits|grants|defines)\b",
    re.IGNORECASE,
)
MIN_FIT = 3  # weighted shared stems before a description counts as matching
CONTEXT_CHARS = 100  # how far around the provision its description may reach
MIN_PASSAGE_WORDS = 6  # a heading names a provision; it does not describe it
MARGIN = 2  # how much better another provision must fit to contradict
# Share of what the claim says a provision provides that its text must hold before
# it is confirmed: "appointed by the Board alone" shares the provision's words
# "appointed" and "Board" but not what it says.
STATED_COVERAGE = 0.8


@dataclass(frozen=True)
class Fit:
    provision: str
    score: int
    passage: ReferencePassage


def _provisions_of(
    passage: ReferencePassage, refs: ReferenceSet, described: bool = False
) -> set[str]:
    """The provisions a passage is about: its section heading's when that names
    one (Article 5's text cites "Article 51 of the Charter" but is Article 5),
    else those it names itself. With ``described``, only those it describes:
    named first ("Article 4: ...", a glossary entry) or followed by what they do
    ("Article 4 concerns consultation", "Article 97, which bars ..."); a provision
    only mentioned ("as recognised by Article 12 of the Convention") is not."""
    # A heading that opens with a provision ("Article 5", "Article 5 - Collective
    # defence") titles its text; a headline that mentions one does not.
    heading = refs.heading(passage) or ""
    titled = [p for p in find_provisions(heading) if not heading[: p.start].strip()]
    if len(titled) == 1:
        return {titled[0].name}
    text = passage.text
    return {
        p.name
        for p in find_provisions(text)
        if not described
        or not text[: p.start].strip()
        or _DEFINES.match(text, after_title(text, p.end))
    }


def definition(name: str, refs: ReferenceSet) -> ReferencePassage | None:
    """The passage that states a provision: its own text under its heading,
    else the first passage about it alone."""
    about_only = [
        p
        for p in refs.search(f'"{name}"', limit=20)
        if _provisions_of(p, refs, described=True) == {name}
    ]
    under_heading = [p for p in about_only if refs.heading(p) and name in (refs.heading(p) or "")]
    chosen = under_heading or about_only
    return chosen[0] if chosen else None


def _describe(claim: StoredClaim, provision: Provision) -> tuple[set[str], set[str], set[str]]:
    """The provision's own descriptive words, the words after it (what the claim
    says it is or does: "Article 5 is the provision that requires ...") and the
    words before it (the situation: "consultation under Article 5")."""
    text, base = claim.claim.text, claim.claim.start
    start, end = provision.start - base, provision.end - base
    name = GENERIC | content_stems(provision.name)
    own = content_stems(provision.text) - name
    stated = provision_statement(text, start, end)
    if stated is not None:
        return own, content_stems(stated) - name, set()
    after = content_stems(text[end : end + CONTEXT_CHARS]) - name
    before = content_stems(text[max(0, start - CONTEXT_CHARS) : start]) - name - after
    if not _DEFINES.match(text, end):
        return own, set(), before | after  # "under Article 4 can lead to ...": no definition
    return own, after, before


def fits(
    claim: StoredClaim, provision: Provision, refs: ReferenceSet, described: bool = False
) -> dict[str, Fit]:
    """The best-fitting passage about each provision; ``described``: only passages
    that describe it, not merely mention it."""
    own, after, before = _describe(claim, provision)
    best: dict[str, Fit] = {}
    query = " ".join(sorted(own | after | before))
    for passage in refs.search(query, limit=40):
        about = _provisions_of(passage, refs, described)
        if len(about) != 1 or len(passage.text.split()) < MIN_PASSAGE_WORDS:
            continue
        if not _same_instrument(own, passage, refs):
            continue
        stems = content_stems(passage.text)
        score = (
            PHRASE_WEIGHT * len(own & stems)
            + PREDICATE_WEIGHT * len(after & stems)
            + len(before & stems)
        )
        [name] = about
        if name not in best or score > best[name].score:
            best[name] = Fit(name, score, passage)
    return best


def _same_instrument(own: set[str], passage: ReferencePassage, refs: ReferenceSet) -> bool:
    """Whether the passage can be about the instrument the claim names ("Article 31 of
    the Health Charter", "the Compact's Article 8"): one of its words in the passage,
    its heading or its page's title. Article 31 of one treaty is not another's."""
    if not own:
        return True
    where = " ".join([passage.text, refs.heading(passage) or "", refs.title(passage.document_id)])
    return bool(own & content_stems(where))


def _evidence(claim: StoredClaim, fit: Fit) -> Evidence:
    # The whole passage is the evidence: it is what describes the provision.
    passage = fit.passage
    return Evidence(passage, align(claim.claim.text, passage).score, passage.start, passage.end)


def check_provision(claim: StoredClaim, provision: Provision, refs: ReferenceSet) -> Finding | None:
    by_name = fits(claim, provision, refs)
    if not by_name:
        return None
    top = max(by_name.values(), key=lambda f: f.score)
    own = by_name.get(provision.name)
    own_score = own.score if own else 0
    if top.provision == provision.name and top.score >= MIN_FIT:
        if not _states_it(claim, provision, top.passage):
            return None
        if not _same_polarity(_what_it_says(claim, provision), top.passage.text):
            return None  # "lets a state claim X" against "X is not subject to any claim"
        reason = f"the reference describes {provision.name} the same way"
        return Finding(Verdict.SUPPORTED, reason, _evidence(claim, top), CHECK)
    # Another provision takes the claim's description only from a passage that
    # describes it: a mention in passing says nothing of what it is.
    described = fits(claim, provision, refs, described=True)
    top = max(described.values(), key=lambda f: f.score, default=top)
    own_score = max(
        own_score, described[provision.name].score if provision.name in described else 0
    )
    # A claim naming both relates them ("under Article 11, states that accept
    # Article 3 may join"): the description it gives one may be the other's.
    named = {p.name for p in claim.claim.slots.provisions}
    if top.provision in named:
        return None
    if top.provision != provision.name and top.score >= MIN_FIT and top.score - own_score >= MARGIN:
        phrase = provision.text if provision.text != provision.name else claim.claim.text
        reason = (
            f"the claim ties “{phrase}” to {provision.name}; "
            f"the reference describes that as {top.provision}"
        )
        stated = definition(provision.name, refs)
        if stated:
            reason += f", and {provision.name} as “{_gist(stated.text)}”"
        return Finding(Verdict.CONTRADICTED, reason, _evidence(claim, top), CHECK)
    return None


def _states_it(claim: StoredClaim, provision: Provision, passage: ReferencePassage) -> bool:
    """Whether the passage holds what the claim says the provision lays down, when it
    says so clause for clause ("Under Article 5, ..."): near all of its words. A
    description ("Article 5 is the clause that ...") is a paraphrase, and its fit
    with the passage is what ``fits`` scores."""
    text, base = claim.claim.text, claim.claim.start
    stated = provision_statement(text, provision.start - base, provision.end - base)
    if stated is None:
        return True
    said = content_stems(stated) - GENERIC - content_stems(provision.name)
    return len(said & content_stems(passage.text)) >= STATED_COVERAGE * len(said)


_SENTENCE = re.compile(r"[^.;!?]+[.;!?]?")


# A clause that comments on the provision rather than saying what it lays down:
# "... an attack on all – which Ukraine is not eligible for".
_ASIDE = re.compile(r"\s[–—]\s|,\s+(?:which|who|although|though|but)\b")


def _what_it_says(claim: StoredClaim, provision: Provision) -> str:
    """The part of the claim that says what the provision lays down: its statement
    ("Under Article N, ..."), else the sentence, without asides after a dash or "which"."""
    text, base = claim.claim.text, claim.claim.start
    stated = provision_statement(text, provision.start - base, provision.end - base)
    if stated is None:
        stated = text
    aside = _ASIDE.search(stated)
    return stated[: aside.start()] if aside else stated


def _same_polarity(claim: str, passage: str) -> bool:
    """Whether the claim and the passage's sentence nearest to it in words are both
    negated or both not: a provision that forbids is not one that allows, however
    many words they share."""
    own = content_stems(claim)
    sentences = [m.group() for m in _SENTENCE.finditer(passage) if m.group().strip()]
    if not sentences:
        return True
    nearest = max(sentences, key=lambda text: len(own & content_stems(text)))
    return is_negated(nearest) == is_negated(claim)


def _gist(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def check_quoted_provision(
    provisions: Sequence[Provision], quote_evidence: Evidence, refs: ReferenceSet
) -> tuple[Finding, Provision] | None:
    """The provision a quotation is credited to, against the one the reference
    gives it under: the same one confirms the claim's provision, another one
    contradicts it. None when the claim names none or the reference gives none."""
    found = _provisions_of(quote_evidence.passage, refs)
    if not provisions or not found:
        return None
    for provision in provisions:
        if provision.name in found:
            reason = f"the reference gives the quotation as {provision.name}"
            return Finding(Verdict.SUPPORTED, reason, quote_evidence, CHECK), provision
    claimed = ", ".join(sorted({p.name for p in provisions}))
    reason = (
        f"the claim credits the quotation to {claimed}; "
        f"the reference gives it as {', '.join(sorted(found))}"
    )
    return Finding(Verdict.CONTRADICTED, reason, quote_evidence, CHECK), provisions[0]
