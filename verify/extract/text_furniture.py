"""Page furniture in lines of text: what a block of scraped text says marks it.

Share rows, cookie notices, "Read more" teasers, stale-article banners and
bylines are furniture whatever markup they came in, so the plain-text extractor
and the HTML extractor both drop them line by line; metadata reads the author
from the bylines. ``normalise_space`` and ``match_key`` are the whitespace and
quote folding every comparison of lines (and of element text) goes through.
HTML elements are judged apart, by their tags and class words
(``verify.extract.boilerplate``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Zero-width and soft-hyphen characters, and control characters other than
# whitespace (C1 controls are what a wrongly decoded page leaves behind). A regex,
# not str.translate with a dict: translate looks every non-ASCII character up in
# Python, six times slower on a German or French page, and this runs on every block.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f\xad\u200b\ufeff]")


def normalise_space(text: str) -> str:
    """One space between words: runs of whitespace (no-break spaces included)
    collapse, invisible characters go."""
    return " ".join(_INVISIBLE.sub("", text).split())


# --- furniture lines in text ----------------------------------------------

_FURNITURE_LINES = frozenset(
    item.strip()
    for item in """
    skip to main content|skip to content|skip to navigation|skip to main navigation
    leave a comment|leave a reply|comments|show comments|view comments|post a comment
    share|share this|share this article|share this story|share on facebook
    share on twitter|copy link|email|print|advertisement|advertising|ad|sponsored
    sponsored content|promoted|read more|continue reading|show more|load more
    back to top|related|related articles|related stories|related content|more on this story
    most read|most popular|you may also like|you might also like|recommended
    recommended for you|sign up|subscribe|subscribe now|sign in|log in|listen to this article
    supported by|share full article|continue reading the main story|scroll to continue with content
    story continues below advertisement|article continues below advertisement
    article continues below|previous article|next article|previous post|next post
    related posts|tags|categories|filed under|back to overview
    weiterlesen|mehr lesen|mehr erfahren|mehr dazu|mehr zum thema|weitere artikel
    weitere artikel zum thema|vorheriger artikel|nächster artikel|zurück|nach oben
    zum seitenanfang|teilen|artikel teilen|drucken|kommentare|kommentar schreiben
    anzeige|werbung|auch interessant|das könnte sie auch interessieren|beitragsbild
    bild anzeigen|bild vergrößern|zum weiterlesen|weitere informationen
    newsletter abonnieren|jetzt abonnieren|letzte änderung
    lire la suite|lire aussi|à lire aussi|voir aussi|partager|publicité
    sur le même sujet|article précédent|article suivant|abonnez-vous|commentaires
    leer más|lea más|lea también|te puede interesar|le puede interesar|publicidad
    compartir|artículo anterior|siguiente artículo|noticias relacionadas
    leggi anche|condividi|pubblicità|articolo precedente|articolo successivo
    weitere themen|mehr themen|empfohlene beiträge|weiterführende informationen|lesen sie auch
    schon gelesen?|kommentierte artikel|zum newsletter anmelden|über den autor|bild schließen
    bild anzeigen bild schließen|wird geladen|teilen mit|bewerten|keine kommentare
    das könnte dich auch interessieren|das thema könnte dich auch interessieren
    sie sind aktuell nicht eingeloggt|en savoir plus|audios et vidéos sur le sujet
    notas relacionadas|contenido relacionado|about the author|more from this author
    """.replace("\n", "|").split("|")
    if item.strip()
)
_SOCIAL = (
    r"(?:share(?: on| via)?|facebook|twitter|x|whatsapp|linkedin|email|e-mail|reddit"
    r"|telegram|pinterest|messenger|copy link|print)"
)
_FURNITURE_PATTERNS = (
    re.compile(rf"(?:{_SOCIAL}[\s,|•·/]*){{2,}}", re.I),  # a row of share buttons
    # A related-story teaser: "Violent clash ... Read more" (a sentence that
    # merely ends in the words, with a full stop, is not one).
    re.compile(
        r".*\b(?:read more|continue reading|read the full (?:story|article))[\s»›>→…]*", re.I
    ),
    re.compile(
        r"(?:read more|related|see also|also read|recommended|watch|read also|more on this"
        r"|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weiterlesen|zum weiterlesen"
        r"|lire aussi|à lire aussi|voir aussi|lea (?:más|también)|leer más|le puede interesar"
        r"|te puede interesar|leggi anche|kategorie|kategorien|category|categories|tags"
        r"|schlagwörter|schlagworte|filed under|lesen sie hier|auch lesen|czytaj (?:też|także)"
        r"|dowiedz się więcej|vea también|puedes ver|lee también|mira)\s*[:»].{0,160}",
        re.I,
    ),
    # "You might also be interested in", "Sie könnten auch an ... interessiert sein".
    re.compile(
        r"(?:you (?:might|may) also (?:like|be interested in)|sie könnten auch .{0,60}"
        r"interessiert sein|(?:das|dies) könnte sie auch interessieren).{0,160}",
        re.I,
    ),
    re.compile(
        r"(?:follow us|folgen sie uns|suivez-nous|síguenos|siguenos)\s+(?:on|auf|sur|en)\b.{0,120}",
        re.I,
    ),
    re.compile(
        r"(?:©|\(c\)|copyright\b).{0,160}|.{0,100}\b(?:all rights reserved"
        r"|alle rechte vorbehalten|tous droits réservés)\b.{0,60}",
        re.I,
    ),  # fmt: skip
    re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.I),  # a time of day alone
    re.compile(r"sign up (?:to|for) .{0,120}\bnewsletters?\b.*", re.I),
    # Picture credits and captions: "Titelbild: Geyres Christophe/ABACA", "(Credit: Grist)",
    # "Crédits photos : Bestimage", "Skier Marco Odermatt. © AFP / MARCO BERTORELLO".
    re.compile(
        r"\(?(?:photograph|photo|image|illustration|video|foto|bild|titelbild|beitragsbild"
        r"|credit|crédits? photos?|crédito|image illustrative)s?\s*:\s*\S.{0,80}",
        re.I,
    ),
    re.compile(r".{1,200}(?:\s|\|)©\s*[^.!?©]{1,60}"),
    # The headings of boxes of other stories: "Mehr zu Klima und Konsum", "Más sobre
    # La Tercera AM", "Die meistgelesenen Artikel bei SWR.de/Sport".
    re.compile(
        r"(?:mehr (?:zum thema|zu|von)|más sobre|more from|(?:die )?meistgelesenen?)\s.{1,60}",
        re.I,
    ),
    re.compile(r".{0,80}\b(?:subscribe now|newsletter (?:abonnieren|anmelden))\b.{0,80}", re.I),
    re.compile(
        r".*\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies"
        r"|accept (?:all )?cookies|cookie (?:settings|preferences|policy)|manage cookies"
        r"|by continuing to (?:use|browse))\b.*",
        re.I,
    ),
)
_STALE_BANNER = re.compile(
    r"this (?:article|story|page) is (?:over|more than) (?:a|an|one|\d+) "
    r"(?:days?|weeks?|months?|years?) old\b\W*",
    re.I,
)
_ELLIPSIS = ("…", "...")
# Longest block worth testing against the teaser and cookie patterns.
MAX_FURNITURE_WORDS = 60


def is_furniture_line(line: str) -> bool:
    """A whole block of text that is page furniture, judged on its words alone."""
    text = normalise_space(line)
    key = text.strip(" .:!|•·-–—»›>").casefold()
    if not key:
        return False
    if key in _FURNITURE_LINES or _STALE_BANNER.fullmatch(key):
        return True
    if len(key.split()) > MAX_FURNITURE_WORDS:
        return False
    return any(pattern.fullmatch(text) for pattern in _FURNITURE_PATTERNS)


def strip_stale_banner(line: str) -> str:
    """The line without a leading "This article is over N months old"."""
    match = _STALE_BANNER.match(line.strip())
    return line.strip()[match.end() :].strip() if match else line


def match_key(text: str) -> str:
    """Text compared for duplicates: quotes, dashes and case folded."""
    # str.replace per character: str.translate with a table is several times
    # slower on non-ASCII text, and this runs for every block of every page.
    for typographic, plain in _QUOTES:
        text = text.replace(typographic, plain)
    return normalise_space(text).casefold()


_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def drop_furniture_lines(blocks: list[str]) -> list[str]:
    """Blocks of scraped text without furniture lines, stale-article banners
    and truncated teasers."""
    kept = []
    for block in blocks:
        block = strip_stale_banner(block)
        if block and not is_furniture_line(block):
            kept.append(block)
    return [block for block in kept if not is_teaser(block, kept)]


def is_teaser(line: str, others: Iterable[str]) -> bool:
    """A truncated teaser: ends in an ellipsis and repeats another block of the
    page inside it (a headline or standfirst glued to the start of the story)."""
    stripped = line.rstrip()
    if not stripped.endswith(_ELLIPSIS):
        return False
    key = match_key(stripped)
    for other in others:
        other_key = match_key(other)
        if other_key != key and len(other_key.split()) >= 4 and other_key in key:
            return True
    return False


# --- bylines ----------------------------------------------------------------

_NAME_JOINERS = frozenset("and & de da di del der van von la le al bin ibn".split())
MAX_NAME_WORDS = 8
_NOT_NAMES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday
    """.split()
)
_ROLE_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|staff"
    r"|analyst|producer|bureau chief|news desk)\b",
    re.I,
)
_BYLINE_SEPARATORS = re.compile(r"\s*(?:[|•·]|\s-\s|\s–\s|\s—\s)\s*")
MAX_BYLINE_WORDS = 12


def byline_author(line: str) -> str | None:
    """The author named by a byline line, or None when the line is not one.

    "By Jane Doe", "By Jane Doe and John Roe | 24 Feb 2022" and
    "Jane Doe, Political Reporter" are bylines; "By Thursday the talks..." is not.
    """
    text = normalise_space(line)
    if not text or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    head = _BYLINE_SEPARATORS.split(text, maxsplit=1)[0]
    match = re.match(r"by:?\s+([^,;]+)", head, re.I)
    if match:
        name, rest = _leading_name(match.group(1).split())
        if 0 < len(name) <= MAX_NAME_WORDS and _may_follow_name(rest):
            return " ".join(name)
        return None
    before, comma, role = head.partition(",")
    name, rest = _leading_name(before.split())
    if comma and name and not rest and len(name) <= 4 and _ROLE_WORDS.search(role):
        return " ".join(name)
    return None


def _leading_name(words: list[str]) -> tuple[list[str], list[str]]:
    """The capitalised words a line opens with, and the words after them."""
    count = 0
    for word in words:
        bare = word.strip(".")
        capitalised = bare[:1].isupper() and not any(ch.isdigit() for ch in bare)
        if (bare.lower() not in _NAME_JOINERS and not capitalised) or bare.lower() in _NOT_NAMES:
            break
        count += 1
    while count and words[count - 1].lower() in _NAME_JOINERS:
        count -= 1
    return words[:count], words[count:]


def _may_follow_name(rest: list[str]) -> bool:
    """After "By Jane Doe": nothing, a place ("in Kyiv") or a date."""
    if not rest:
        return True
    first = rest[0].lower().strip(".,:")
    return first[:1].isdigit() or first in _NOT_NAMES or first in ("in", "for", "at", "on")


def is_byline(line: str) -> bool:
    return byline_author(line) is not None
