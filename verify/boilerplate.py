"""What counts as page furniture, for HTML elements and for lines of text.

Furniture is everything a reader skips to get to the story: navigation, cookie
banners, share bars, related-story boxes, newsletter pitches, comments, ads,
bylines. Elements are judged by their tag and by the words in their class, id,
role and aria-label; lines of scraped text by what they say.

Class names are split into words before matching ("share-tools" -> share,
tools; "cookieConsent" -> cookie, consent), so "shared" or "commentary" never
match "share" or "comments".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

# Tags that never hold article text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object",
    "embed", "video", "audio", "map", "select", "textarea", "input", "button",
    "nav", "aside", "dialog", "figcaption", "form",
)  # fmt: skip

# A class, id, aria-label or data-component word that marks furniture.
FURNITURE_WORDS = frozenset(
    """
    nav navbar navigation navbox navlinks menu menubar submenu breadcrumb breadcrumbs
    crumbs toc footer masthead sitemap skip skiplink cookie cookies consent gdpr
    share shares sharing sharebar sharetools socialshare social sociallinks
    related relatedposts recommended recommendation recommendations recirc
    recirculation readmore trending newsletter newsletters subscribe subscription
    signup login signin paywall comment comments disqus ad ads adv advert adverts
    advertisement advertising adslot adunit promo promos promotion promoted sponsor
    sponsored sponsors outbrain taboola byline author authors meta dateline
    timestamp tags sidebar widget popup modal overlay pagination pager copyright
    contributor jump noprint editsection catlinks reflist references
    """.split()
)
# Word sequences that mark furniture where each word alone would not.
FURNITURE_PHRASES = (
    ("read", "more"), ("more", "stories"), ("more", "from"), ("most", "read"),
    ("most", "popular"), ("most", "viewed"), ("you", "may", "like"),
    ("also", "like"), ("site", "header"), ("page", "header"), ("global", "header"),
    ("sr", "only"), ("visually", "hidden"), ("screen", "reader"), ("sign", "up"),
)  # fmt: skip
FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary menu menubar search dialog "
    "alertdialog toolbar".split()
)
# Words of the elements that hold a byline and its date: furniture for the
# body, but the preferred place to look for the author and the date.
BYLINE_WORDS = frozenset("byline author authors contributor meta dateline timestamp".split())
# Elements judged by tag alone, never by class: inline text and table parts,
# where a class such as "date" or "author" labels content rather than chrome.
CLASS_EXEMPT_TAGS = frozenset(
    "html body a abbr b cite code em i mark q s small strong sub sup time u "
    "table caption thead tbody tfoot tr td th col colgroup".split()
)
# The page's own text lives inside these; an element holding one is not furniture.
CONTENT_MARKERS = ("main", "h1")
# Share of the page's paragraph text above which a flagged element is kept
# anyway: a site-wide wrapper with an unlucky class name is not a sidebar.
MAJORITY_TEXT_SHARE = 0.6

# Elements that start a new block of text (the rest are inline).
BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog div dl dt
    fieldset figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav
    ol p pre section summary table tbody td tfoot th thead tr ul""".split()
)
MIN_SCORED_CHARS = 25  # a shorter text says nothing about where the story is
CONTAINER_SHARE = 0.4  # an <article> or <main> with less of the text is a teaser box
DESCEND_SHARE = 0.75  # keep narrowing while one child holds this much of the text
LINK_LIST_SHARE = 0.7  # a list whose text is mostly links is navigation

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Reference marks and wiki edit links: "[1]", "[a]", "[citation needed]", "[edit]".
_CITATION = re.compile(r"\[\s*(?:\d{1,3}|[a-z]|citation needed|note \d+|edit)\s*\]", re.I)


# Zero-width and soft-hyphen characters, and control characters other than
# whitespace (C1 controls are what a wrongly decoded page leaves behind).
_INVISIBLE = dict.fromkeys(
    [0x200B, 0xFEFF, 0x00AD, *range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0xA0)]
)


def normalise_space(text: str) -> str:
    """One space between words: runs of whitespace (no-break spaces included)
    collapse, invisible characters go."""
    return " ".join(text.translate(_INVISIBLE).split())


def attribute_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def words_of(value: str) -> list[str]:
    """The words of a class name or label: "cookieConsent__btn" -> cookie, consent, btn."""
    return [word for word in _NON_WORD.split(_CAMEL.sub(" ", value).lower()) if word]


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def _label_words(tag: Tag) -> Iterable[list[str]]:
    for name in ("id", "aria-label", "data-component"):
        yield words_of(attribute_text(tag, name))
    for class_name in tag.get("class") or ():
        yield words_of(class_name)


def _signals(tag: Tag, vocabulary: frozenset[str]) -> bool:
    for words in _label_words(tag):
        if vocabulary.intersection(words):
            return True
        if vocabulary is FURNITURE_WORDS and any(_has_phrase(words, p) for p in FURNITURE_PHRASES):
            return True
    return False


def is_furniture_element(tag: Tag) -> bool:
    """Whether the element's role or label words say it is page furniture."""
    if attribute_text(tag, "role").strip().lower() in FURNITURE_ROLES:
        return True
    return tag.name not in CLASS_EXEMPT_TAGS and _signals(tag, FURNITURE_WORDS)


def is_byline_element(tag: Tag) -> bool:
    return _signals(tag, BYLINE_WORDS)


def in_unrelated_box(tag: Tag) -> bool:
    """Inside navigation, a related-stories box, comments or the like (but a
    byline does not count: its date is the article's)."""
    for element in (tag, *tag.parents):
        if element.name in ("aside", "nav", "footer"):
            return True
        if is_furniture_element(element) and not is_byline_element(element):
            return True
    return False


# --- removing furniture from a parsed page --------------------------------


def strip_furniture(soup: BeautifulSoup) -> None:
    """Remove furniture elements in place, keeping anything that holds the
    page's main content."""
    page_text = _paragraph_text(soup)
    doomed: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:  # outermost first; what lies inside a doomed element is not visited
        for child in stack.pop().find_all(True, recursive=False):
            if child.name in ("html", "body") or not _is_removable(child):
                stack.append(child)
            elif _holds_content(child, page_text):
                stack.append(child)
            else:
                doomed.append(child)
    for tag in doomed:
        tag.decompose()
    for marker in soup.find_all(["sup", "span"]):
        if _CITATION.fullmatch(marker.get_text().strip()):
            marker.decompose()


def _is_removable(tag: Tag) -> bool:
    if tag.name in ("header", "footer"):
        # The page's own hold the logo and the links; an article's header holds
        # its headline, a quotation's footer its speaker.
        if tag.find_parent(["article", "main", "blockquote"]) is None:
            return True
    elif tag.name in DROP_TAGS:
        return True
    if tag.has_attr("hidden") or attribute_text(tag, "aria-hidden").lower() == "true":
        return True
    style = attribute_text(tag, "style").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return is_furniture_element(tag)


def _holds_content(tag: Tag, page_text: int) -> bool:
    if tag.name in ("script", "style", "template", "noscript"):
        return False
    if tag.name in CONTENT_MARKERS or tag.find(CONTENT_MARKERS) is not None:
        return True
    if tag.find(attrs={"role": "main"}) or tag.find(attrs={"itemprop": "articleBody"}):
        return True
    # Long comment threads can outweigh the article; they stay removable.
    if tag.name not in ("article", "main") and _is_comment_thread(tag):
        return False
    return page_text > 0 and _paragraph_text(tag) > MAJORITY_TEXT_SHARE * page_text


def _is_comment_thread(tag: Tag) -> bool:
    return any(w in ("comment", "comments") for words in _label_words(tag) for w in words)


def _paragraph_text(tag: Tag) -> int:
    """Characters of paragraph text outside links: what an article is made of."""
    total = 0
    for paragraph in tag.find_all("p"):
        text = len(paragraph.get_text())
        linked = sum(len(a.get_text()) for a in paragraph.find_all("a"))
        total += max(text - linked, 0)
    return total


# --- finding the story ------------------------------------------------------


def choose_container(body: Tag) -> Tag:
    """The element holding the story: a semantic container when it holds a fair
    share of the page's text, else the narrowest element holding most of it."""
    scores = _text_scores(body)
    total = scores.get(id(body), 0)
    for selector in ("article", "[role=main]", "main", "[itemprop=articleBody]"):
        candidates = body.select(selector)
        best = max(candidates, key=lambda tag: scores.get(id(tag), 0), default=None)
        if best is not None and scores.get(id(best), 0) >= CONTAINER_SHARE * total:
            return best
    node = body
    while total:
        children = [child for child in node.children if isinstance(child, Tag)]
        best = max(children, key=lambda tag: scores.get(id(tag), 0), default=None)
        if best is None or scores.get(id(best), 0) < DESCEND_SHARE * total:
            break
        node = best
    return node


def _text_scores(body: Tag) -> dict[int, int]:
    """Characters of text outside links, credited to every enclosing element."""
    own: dict[int, tuple[Tag, int]] = {}
    for string in body.find_all(string=True):
        block = string.parent
        while block is not None and block.name not in BLOCK_TAGS and block.name != "a":
            block = block.parent
        if block is not None and block.name in BLOCK_TAGS:
            size = own.get(id(block), (block, 0))[1]
            own[id(block)] = (block, size + len(string.strip()))
    scores: dict[int, int] = {}
    for tag, size in own.values():
        if size >= MIN_SCORED_CHARS:
            for element in (tag, *tag.parents):
                scores[id(element)] = scores.get(id(element), 0) + size
    return scores


def link_share(tag: Tag, text: str | None = None) -> float:
    """How much of the element's text (or of ``text``) is link text."""
    size = len(normalise_space(tag.get_text() if text is None else text))
    if not size:
        return 0.0
    links = [tag] if tag.name == "a" else tag.find_all("a")
    return min(1.0, sum(len(normalise_space(a.get_text())) for a in links) / size)


def is_link_list(tag: Tag) -> bool:
    """A list of links (tags, related stories, a table of contents)."""
    return not normalise_space(tag.get_text()) or link_share(tag) >= LINK_LIST_SHARE


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
    article continues below
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
    re.compile(r"(?:read more|related|see also|also read|recommended|watch)\s*:.{0,160}", re.I),
    re.compile(r"sign up (?:to|for) .{0,120}\bnewsletters?\b.*", re.I),
    re.compile(r"(?:photograph|photo|image|illustration|video)s?\s*:\s*\S.{0,80}", re.I),
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
    text = text.translate(_QUOTES)
    return normalise_space(text).casefold()


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


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
