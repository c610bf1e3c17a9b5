"""What counts as page furniture among HTML elements, and where the story is.

Furniture is everything a reader skips to get to the story: navigation, cookie
banners, share bars, related-story boxes, newsletter pitches, comments, ads,
bylines. Elements are judged by their tag and by the words in their class, id,
role and aria-label; lines of scraped text are judged by what they say, in
``verify.extract.text_furniture``.

Class names are split into words before matching ("share-tools" -> share,
tools; "cookieConsent" -> cookie, consent), so "shared" or "commentary" never
match "share" or "comments".

The element vocabulary these rules and the extractor share lives here too:
which tags start a block of text (``BLOCK_TAGS``, ``HEADINGS``) and an
element's text spaced at those boundaries (``text_of``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from lxml.etree import XPath
from lxml.html import HtmlElement

from verify.extract.text_furniture import normalise_space

Tag = HtmlElement

# The attributes whose words label an element, "class" last.
LABEL_ATTRIBUTES = ("id", "aria-label", "data-component", "class")
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
# Boxes of other stories: the dates in them are those stories'.
RELATED_WORDS = frozenset(
    """related relatedposts recommended recommendation recommendations recirc
    recirculation readmore trending outbrain taboola""".split()
)
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
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MIN_SCORED_CHARS = 25  # a shorter text says nothing about where the story is
CONTAINER_SHARE = 0.4  # an <article> or <main> with less of the text is a teaser box
DESCEND_SHARE = 0.75  # keep narrowing while one child holds this much of the text
LINK_LIST_SHARE = 0.7  # a list whose text is mostly links is navigation

_LABEL_VALUES = XPath(".//@id | .//@aria-label | .//@data-component | .//@class")
# Stems of every word of BYLINE_WORDS and of RELATED_WORDS, for elements_labelled.
BYLINE_STEMS = re.compile("byline|author|contributor|meta|dateline|timestamp", re.I)
RELATED_STEMS = re.compile("relat|recomm|recirc|readmore|trending|outbrain|taboola", re.I)
_MAIN_MARKERS = XPath(".//*[@role='main' or @itemprop='articleBody']")
# Where a story's container is declared, most deliberate first.
_CONTAINERS = (
    XPath(".//article"),
    XPath(".//*[@role='main']"),
    XPath(".//main"),
    XPath(".//*[@itemprop='articleBody']"),
)
_FURNITURE_PHRASE = re.compile(
    "|".join(rf"(?:^| ){' '.join(phrase)}(?: |$)" for phrase in FURNITURE_PHRASES)
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Reference marks and wiki edit links: "[1]", "[a]", "[citation needed]", "[edit]".
_CITATION = re.compile(r"\[\s*(?:\d{1,3}|[a-z]|citation needed|note \d+|edit)\s*\]", re.I)


def attribute_text(tag: Tag, name: str) -> str:
    return tag.get(name) or ""


def words_of(value: str) -> list[str]:
    """The words of a class name or label: "cookieConsent__btn" -> cookie, consent, btn."""
    return [word for word in _NON_WORD.split(_CAMEL.sub(" ", value).lower()) if word]


def text_of(tag: Tag, skip: Sequence[str] = ()) -> str:
    """The tag's text with a space wherever a block element starts or ends
    (so "<li><p>A</p><p>B</p></li>" reads "A B", not "AB")."""
    parts: list[str] = []

    def visit(node: Tag) -> None:
        parts.append(node.text or "")
        for child in node:
            if child.tag in skip:
                pass
            elif child.tag in BLOCK_TAGS:
                parts.append(" ")
                visit(child)
                parts.append(" ")
            else:
                visit(child)
            parts.append(child.tail or "")

    visit(tag)
    return "".join(parts)


def _label_words(tag: Tag) -> Iterable[tuple[str, ...]]:
    """The words of each of the tag's labels and class names."""
    *names, classes = (tag.get(name) for name in LABEL_ATTRIBUTES)
    return [_words(text) for text in (*names, *(classes or "").split()) if text]


@lru_cache(maxsize=16384)
def _words(label: str) -> tuple[str, ...]:
    # Cached per label, not per element's set of labels: class names repeat across
    # a page and across pages, ids rarely, so a cache of label sets kept missing.
    return tuple(words_of(label))


def _signals(tag: Tag, vocabulary: frozenset[str]) -> bool:
    for words in _label_words(tag):
        if not vocabulary.isdisjoint(words):
            return True
        if vocabulary is FURNITURE_WORDS and _FURNITURE_PHRASE.search(" ".join(words)):
            return True
    return False


def _is_furniture_element(tag: Tag) -> bool:
    """Whether the element's role or label words say it is page furniture."""
    if attribute_text(tag, "role").strip().lower() in FURNITURE_ROLES:
        return True
    return tag.tag not in CLASS_EXEMPT_TAGS and _signals(tag, FURNITURE_WORDS)


def is_byline_element(tag: Tag) -> bool:
    return _signals(tag, BYLINE_WORDS)


def elements_labelled(root: Tag, stems: re.Pattern[str]) -> list[Tag]:
    """The elements, in page order, with a label (id, aria-label, data-component,
    class) in which one of ``stems`` occurs. The values are read in C, so the
    word-level checks (``is_byline_element``, ``is_related_box``) run on a few
    elements instead of on each of the hundreds a page labels."""
    values = _LABEL_VALUES(root)
    return list(dict.fromkeys(value.getparent() for value in values if stems.search(value)))


def is_related_box(tag: Tag) -> bool:
    """A box of other stories ("related-stories", "recommended", "trending")."""
    return _signals(tag, RELATED_WORDS)


def in_unrelated_box(tag: Tag) -> bool:
    """Inside navigation, a related-stories box, comments or the like (but a
    byline does not count: its date is the article's)."""
    return any(map(is_unrelated_box, (tag, *tag.iterancestors())))


def is_unrelated_box(tag: Tag) -> bool:
    if tag.tag in ("aside", "nav", "footer"):
        return True
    return _is_furniture_element(tag) and not is_byline_element(tag)


# --- removing furniture from a parsed page --------------------------------


def strip_furniture(root: Tag, removable: Callable[[Tag], bool] | None = None) -> None:
    """Remove furniture elements in place (their tails stay), keeping anything
    that holds the page's main content. ``removable`` narrows what counts."""
    removable = removable or _is_removable
    page_text = _paragraph_text(root)
    doomed: list[Tag] = []
    stack: list[Tag] = [root]
    while stack:  # outermost first; what lies inside a doomed element is not visited
        for child in stack.pop():
            if child.tag in ("html", "body") or not removable(child):
                stack.append(child)
            elif _holds_content(child, page_text):
                stack.append(child)
            else:
                doomed.append(child)
    for tag in doomed:
        tag.drop_tree()
    for marker in [*root.iter("sup", "span")]:
        if _CITATION.fullmatch(marker.text_content().strip()):
            marker.drop_tree()


def _is_removable(tag: Tag) -> bool:
    if tag.tag in ("header", "footer"):
        # The page's own hold the logo and the links; an article's header holds
        # its headline, a quotation's footer its speaker.
        if next(tag.iterancestors("article", "main", "blockquote"), None) is None:
            return True
    elif tag.tag in DROP_TAGS:
        return True
    if tag.get("hidden") is not None or attribute_text(tag, "aria-hidden").lower() == "true":
        return True
    style = attribute_text(tag, "style").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return _is_furniture_element(tag)


def _holds_content(tag: Tag, page_text: int) -> bool:
    if tag.tag in ("script", "style", "template", "noscript"):
        return False
    if tag.tag in CONTENT_MARKERS or next(tag.iterdescendants(CONTENT_MARKERS), None) is not None:
        return True
    if _MAIN_MARKERS(tag):
        return True
    # Long comment threads can outweigh the article; they stay removable.
    if tag.tag not in ("article", "main") and _is_comment_thread(tag):
        return False
    return page_text > 0 and _paragraph_text(tag) > MAJORITY_TEXT_SHARE * page_text


def _is_comment_thread(tag: Tag) -> bool:
    return any(w in ("comment", "comments") for words in _label_words(tag) for w in words)


def _paragraph_text(tag: Tag) -> int:
    """Characters of paragraph text outside links: what an article is made of."""
    total = 0
    for paragraph in tag.iter("p"):
        text = len(paragraph.text_content())
        linked = sum(len(a.text_content()) for a in paragraph.iter("a"))
        total += max(text - linked, 0)
    return total


# --- finding the story ------------------------------------------------------


def choose_container(body: Tag) -> Tag:
    """The element holding the story: a semantic container when it holds a fair
    share of the page's text, else the narrowest element holding most of it."""
    scores = _text_scores(body)
    total = scores.get(body, 0)
    for selector in _CONTAINERS:
        candidates = selector(body)
        best = max(candidates, key=lambda tag: scores.get(tag, 0), default=None)
        if best is not None and scores.get(best, 0) >= CONTAINER_SHARE * total:
            return best
    node = body
    while total:
        children = list(node)
        best = max(children, key=lambda tag: scores.get(tag, 0), default=None)
        if best is None or scores.get(best, 0) < DESCEND_SHARE * total:
            break
        node = best
    return node


def _text_scores(body: Tag) -> dict[int, int]:
    """Characters of text outside links, credited to every enclosing element."""
    own: dict[Tag, int] = {}
    for element in body.iter():
        for string, holder in ((element.text, element), (element.tail, element.getparent())):
            size = len(string.strip()) if string else 0
            block = holder
            while size and block is not None and block.tag not in BLOCK_TAGS and block.tag != "a":
                block = block.getparent()
            if size and block is not None and block.tag in BLOCK_TAGS:
                own[block] = own.get(block, 0) + size
    scores: dict[Tag, int] = {}
    for tag, size in own.items():
        if size >= MIN_SCORED_CHARS:
            for element in (tag, *tag.iterancestors()):
                scores[element] = scores.get(element, 0) + size
    return scores


def link_share(tag: Tag, text: str | None = None) -> float:
    """How much of the element's text (or of ``text``) is link text."""
    size = len(normalise_space(tag.text_content() if text is None else text))
    if not size:
        return 0.0
    links = [tag] if tag.tag == "a" else tag.iter("a")
    return min(1.0, sum(len(normalise_space(a.text_content())) for a in links) / size)


def is_link_list(tag: Tag) -> bool:
    """A list of links (tags, related stories, a table of contents)."""
    return not normalise_space(tag.text_content()) or link_share(tag) >= LINK_LIST_SHARE
