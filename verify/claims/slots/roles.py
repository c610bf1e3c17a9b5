"""Vocabulary shared by the people, quotation and attribution finders.

No NER model is available, so people are found from words news writing uses
around them: offices ("defence secretary", "prime minister"), speech verbs
("said", "told") and capitalised names. This module holds those word lists,
the regular expressions built from them, and role normalisation.

The gazetteers (countries, demonyms, capitals, months) are general lists, not
tuned to any article: they stop "Russia said" or "Moscow said" from being read
as a person speaking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def _words(block: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in re.split(r"[,\n]", block) if w.strip())


# Upper-case letters of the Latin, Greek and Cyrillic blocks (with
# diacritics), so "Nausėda" and "Šimonytė" read as names; `re` has no \p{Lu}.
UPPER = (
    "["
    + "".join(chr(c) for c in (*range(0x41, 0x530), *range(0x1E00, 0x1F00)) if chr(c).isupper())
    + "]"
)
LETTER = r"[^\W\d_]"

# --- offices ---------------------------------------------------------------

ROLE_HEADS = _words("""
    vice president, vice-president, prime minister, first minister, secretary general,
    secretary-general, director general, director-general, attorney general,
    attorney-general, surgeon general, inspector general, solicitor general,
    governor general, governor-general, chief executive officer, chief executive,
    chief operating officer, chief financial officer, chief of staff, chief justice,
    commander-in-chief, commander in chief, head of state, head of government,
    president-elect, crown prince, supreme leader, high commissioner, high representative,
    press secretary, field marshal, managing director, executive director,
    president, chancellor, premier, minister, secretary, king, queen, prince, princess,
    emperor, pope, sultan, emir, governor, mayor, senator, congressman, congresswoman,
    lawmaker, legislator, mp, mep, ambassador, envoy, consul, diplomat, spokesperson,
    spokesman, spokeswoman, chief, ceo, cfo, coo, chairman, chairwoman, chairperson,
    chair, director, commander, general, admiral, marshal, colonel, lieutenant, captain,
    sergeant, brigadier, commissioner, head, leader, founder, co-founder, owner, editor,
    adviser, advisor, prosecutor, judge, archbishop, bishop, cardinal, dean, professor,
    rector, analyst, economist, researcher, official, executive, coach, manager, speaker,
    reporter, correspondent, journalist, columnist, lawyer, attorney, historian, activist,
    administrator, boss, superintendent, justice,
    gen., adm., col., capt., sgt., sen., rep., gov., pres., amb., prof.
""")

ROLE_MODIFIERS = _words("""
    deputy, vice, acting, interim, former, outgoing, incoming, senior, junior, chief,
    assistant, associate, principal, permanent, special, executive, first, lead, top,
    press, national security, security, foreign policy, foreign, defence, defense, home,
    interior, finance, economy, economic, trade, health, justice, education, energy,
    environment, agriculture, transport, culture, labour, labor, employment, digital,
    science, treasury, war, army, navy, air force, military, police, border, intelligence,
    spy, government, opposition, party, regional, provincial, federal, managing, armed forces,
    cabinet, parliamentary, presidential, communications, information, immigration,
    housing, sports, tourism, industry, development, european affairs, europe, brexit,
    lieutenant, major, brigadier, rear, field, air, lt., maj., brig.,
""")

# Portfolios that follow "of" inside an office ("minister of defence"),
# as opposed to the body the office belongs to ("president of Estonia").
PORTFOLIOS = _words("""
    state, defence, defense, foreign affairs, home affairs, internal affairs, the interior,
    interior, finance, finances, health, justice, staff, the treasury, treasury,
    the exchequer, homeland security, education, energy, economy, the economy,
    economic affairs, agriculture, transport, labour, labor, trade, culture,
    the environment, environment, war, the army, the navy, the air force,
    the armed forces, the defence staff, the general staff, police, government,
    national defence, national defense, public security, foreign affairs and trade,
    state for foreign affairs, industry, commerce, the cabinet, mission, operations
""")

ABBREVIATIONS = {
    "gen.": "general",
    "adm.": "admiral",
    "col.": "colonel",
    "capt.": "captain",
    "sgt.": "sergeant",
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "pres.": "president",
    "amb.": "ambassador",
    "prof.": "professor",
    "lt.": "lieutenant",
    "maj.": "major",
    "brig.": "brigadier",
}

# Heads that are also common surnames ("Stephen King") stay allowed in names.
_SURNAME_HEADS = _words(
    "king, queen, dean, bishop, cardinal, judge, marshal, coach, chief, justice"
)
OFFICE_WORDS = (
    frozenset(word for head in ROLE_HEADS for word in re.split(r"[\s-]+", head) if word.isalpha())
    - _SURNAME_HEADS
    - _words("of, in, state, government, first, vice, elect")
)

HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady)\.?"

# --- speech ----------------------------------------------------------------

# Past and present forms only: "states", "claims", "notes" are nouns too often;
# "continued" and "posted" more often take an object than a quotation.
SPEECH_VERBS = _words("""
    said, says, say, told, tells, added, adds, wrote, writes, stated, asked, explained,
    insisted, warned, warns, argued, claimed, noted, stressed, declared, replied,
    responded, tweeted, announced, commented, remarked, recalled,
    acknowledged, admitted, concluded, confirmed, revealed, disclosed, emphasised,
    emphasized, observed, predicted, reported, reads
""")

# --- sources ---------------------------------------------------------------

# Words that end a source phrase read outwards from a speech verb: clause
# words, auxiliaries, pronouns and most prepositions ("of", "for", "at" and
# "from" stay: "officials at the ministry").
CLAUSE_WORDS = _words("""
    and, or, but, nor, so, yet, that, which, who, whom, whose, what, when, where, while,
    why, how, whether, if, because, although, though, since, unless, until, after, before,
    as, than, is, are, was, were, be, been, being, am, has, have, had, do, does, did, will,
    would, can, could, shall, should, may, might, must, not, no, to, in, on, by, into,
    onto, over, under, about, against, between, through, during, without, within, among,
    across, toward, towards, upon, via, per, also, then, there, here, it, he, she, they,
    we, i, you, him, them, us, me, this, saying, referring, adding
""")
# An unnamed source: "a senior official", "people familiar with the talks".
ANONYMOUS_HEADS = _words("""
    official, officials, source, sources, person, people, insider, insiders, diplomat,
    diplomats, aide, aides, someone, individual, individuals, officer, officers, employee,
    employees, staffer, staffers, figure, figures, adviser, advisers, advisor, advisors,
    resident, residents, witness, witnesses, local, locals
""")
# What follows "told a ..." when the audience is an event: "a news conference".
AUDIENCE_NOUNS = _words("""
    conference, briefing, channel, newspaper, agency, committee, meeting, audience,
    summit, forum, parliament, station, network, programme, program
""")

# --- words that are not person names ---------------------------------------

NAME_STOPWORDS = _words("""
    the, a, an, another, this, that, these, those, he, she, it, they, we, i, you, his, her,
    its, their, our, my, your, in, on, at, by, for, from, to, of, with, after, before,
    during, since, until, while, when, where, as, if, but, and, or, so, yet, however,
    meanwhile, also, then, there, here, some, many, most, all, both, each, every, any,
    one, two, three, four, five, six, seven, eight, nine, ten, no, not, what, who, which,
    why, how, according, despite, although, though, because, over, under, about,
    against, between, through, within, without, among, amid, following, speaking,
    asked, still, now, today, yesterday, tomorrow, tonight, earlier, later, separately,
    instead, indeed, thus, hence, moreover, furthermore, finally, first, second, last,
    next, yes, officials, sources, analysts, experts, critics, police, authorities,
    residents, witnesses, people, others, reporters, journalists, leaders, diplomats,
    lawmakers, legislators, ministers, investigators, prosecutors, lawyers, researchers,
    scientists, economists, doctors, activists, protesters, observers, members,
    employees, workers, officers, soldiers, troops, several, few, hours, days, weeks,
    months, years, minutes, dear, hello, thanks, please, read, more, leave, comment,
    updated, published, posted, share, skip, home, news, politics, world, opinion
""")

WEEKDAYS = _words("monday, tuesday, wednesday, thursday, friday, saturday, sunday")
MONTHS = _words("""
    january, february, march, april, may, june, july, august, september, october,
    november, december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
""")

COUNTRIES = _words("""
    afghanistan, albania, algeria, andorra, angola, antigua, barbuda, argentina, armenia,
    australia, austria, azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus,
    belgium, belize, benin, bhutan, bolivia, bosnia, herzegovina, botswana, brazil,
    brunei, bulgaria, burkina, faso, burundi, cambodia, cameroon, canada, cape, verde,
    chad, chile, china, colombia, comoros, congo, croatia, cuba, cyprus, czechia, czech,
    denmark, djibouti, dominica, dominican, ecuador, egypt, salvador, equatorial, eritrea,
    estonia, eswatini, ethiopia, fiji, finland, france, gabon, gambia, georgia, germany,
    ghana, greece, grenada, guatemala, guinea, bissau, guyana, haiti, honduras, hungary,
    iceland, india, indonesia, iran, iraq, ireland, israel, italy, ivory, coast, jamaica,
    japan, jordan, kazakhstan, kenya, kiribati, korea, kosovo, kuwait, kyrgyzstan, laos,
    latvia, lebanon, lesotho, liberia, libya, liechtenstein, lithuania, luxembourg,
    madagascar, malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico,
    micronesia, moldova, monaco, mongolia, montenegro, morocco, mozambique, myanmar,
    burma, namibia, nauru, nepal, netherlands, holland, zealand, nicaragua, niger,
    nigeria, macedonia, norway, oman, pakistan, palau, palestine, panama, papua,
    paraguay, peru, philippines, poland, portugal, qatar, romania, russia, rwanda,
    samoa, san, marino, sao, tome, principe, saudi, arabia, senegal, serbia, seychelles,
    sierra, leone, singapore, slovakia, slovenia, solomon, somalia, africa, sudan,
    spain, sri, lanka, suriname, sweden, switzerland, syria, taiwan, tajikistan,
    tanzania, thailand, timor, togo, tonga, trinidad, tobago, tunisia, turkey, türkiye,
    turkmenistan, tuvalu, uganda, ukraine, emirates, britain, england, scotland, wales,
    kingdom, united, states, america, uruguay, uzbekistan, vanuatu, vatican, venezuela,
    vietnam, yemen, zambia, zimbabwe, north, south, east, west, central, new, republic,
    europe, asia, americas, antarctica, oceania, arctic, baltic, baltics, balkans,
    caucasus, scandinavia, crimea, donbas, donbass, kashmir, gaza, siberia, kurdistan,
    tibet, middle, far, eastern, western, northern, southern
""")

DEMONYMS = _words("""
    american, british, english, scottish, welsh, irish, french, german, italian, spanish,
    portuguese, dutch, belgian, swiss, austrian, polish, czech, slovak, hungarian,
    romanian, bulgarian, greek, turkish, russian, ukrainian, belarusian, belarussian,
    lithuanian, latvian, estonian, finnish, swedish, norwegian, danish, icelandic,
    serbian, croatian, slovenian, bosnian, albanian, macedonian, montenegrin, moldovan,
    georgian, armenian, azerbaijani, kazakh, uzbek, chinese, japanese, korean, taiwanese,
    vietnamese, thai, indian, pakistani, afghan, iranian, iraqi, syrian, lebanese, israeli,
    palestinian, jordanian, saudi, emirati, qatari, kuwaiti, yemeni, omani, egyptian,
    libyan, tunisian, algerian, moroccan, nigerian, kenyan, ethiopian, somali, sudanese,
    canadian, mexican, brazilian, argentine, argentinian, chilean, colombian,
    venezuelan, cuban, peruvian, australian, european, asian, african, arab, nordic,
    scandinavian, soviet, kurdish, chechen, persian, filipino, indonesian, malaysian,
    singaporean, burmese, bangladeshi, nepali, maltese, cypriot, kosovar, allied, western
""")

CAPITALS = _words("""
    washington, moscow, beijing, kyiv, kiev, london, paris, berlin, brussels, tokyo,
    tehran, ankara, warsaw, vilnius, riga, tallinn, minsk, rome, madrid, lisbon, vienna,
    prague, budapest, bucharest, sofia, athens, belgrade, zagreb, ljubljana, bratislava,
    helsinki, stockholm, oslo, copenhagen, dublin, amsterdam, bern, geneva, ottawa,
    canberra, delhi, islamabad, kabul, baghdad, damascus, beirut, jerusalem, cairo,
    riyadh, doha, dubai, pyongyang, seoul, taipei, hanoi, manila, jakarta, bangkok,
    nairobi, pretoria, abuja, brasilia, caracas, havana, tbilisi, yerevan, baku, astana,
    tashkent, chisinau, valletta, nicosia, reykjavik, sarajevo, podgorica, skopje, tirana,
    pristina, wellington, york, strasbourg, hague, davos, munich, istanbul
""")

# A name ending in one of these is a body or a document, not a person.
ORG_WORDS = _words("""
    ministry, department, agency, council, commission, committee, office, party, union,
    bank, corp, corporation, inc, ltd, llc, plc, group, company, co, university,
    institute, college, school, court, parliament, congress, senate, assembly,
    government, administration, army, navy, forces, force, police, service, services,
    association, federation, organisation, organization, foundation, fund, authority,
    board, bureau, centre, center, network, nations, league, club, society, times, post,
    news, examiner, journal,
    telegraph, guardian, herald, tribune, gazette, chronicle, review, daily, magazine,
    press, radio, tv, television, broadcasting, channel, treaty, charter, convention,
    act, article, agreement, accord, constitution, declaration, resolution, law,
    protocol, report, statement, code, summit, alliance, coalition, house, street,
    square, palace, hall, airport, station, border, sea, ocean, river, region, province,
    state, city, county, district, island, islands, peninsula, reuters, bloomberg,
    interfax, xinhua
""")

NOT_NAMES = COUNTRIES | DEMONYMS | CAPITALS | MONTHS | WEEKDAYS | ORG_WORDS


_WORD_GAP = r"[\s-]+"


def _alternation(phrases: frozenset[str]) -> str:
    """A regex alternation of phrases whose words may be joined by spaces or hyphens,
    the longest first so "prime minister" beats "minister" (see ``trie_alternation``)."""
    return trie_alternation([re.split(_WORD_GAP, phrase) for phrase in phrases], _WORD_GAP)


def trie_alternation(phrases: Iterable[Sequence[str]], gap: str = "") -> str:
    """An alternation of lower-case ``phrases`` (lists of words joined by ``gap``) as a trie.

    It matches what the flat alternation ``longest|...|shortest`` matches, in the same
    order of preference: two phrases can both match at one place only when one is a
    prefix of the other, and the trie tries the longer first, as the flat list did.
    But ``re`` tries a flat list's branches one by one at every position, which made
    the people finders cost 15 µs a character (issue 12); the trie rejects a position
    at its first letter.
    """
    root: _Trie = {}
    for words in phrases:
        if any(word != word.lower() for word in words):
            # Matched case-insensitively, "A" and "a" would be two branches that both
            # match, and the shorter could be tried first.
            raise ValueError(f"phrases must be lower-case: {words!r}")
        node = root
        for index, word in enumerate(words):
            for unit in ([_GAP] if index else []) + list(word):
                node = node.setdefault(unit, {})
        node[_END] = {}
    return _trie_pattern(root, gap)


_Trie = dict[str, "_Trie"]
_GAP, _END = "\0gap", "\0end"


def _trie_pattern(node: _Trie, gap: str) -> str:
    branches = [
        (gap if unit == _GAP else re.escape(unit)) + _trie_pattern(child, gap)
        for unit, child in sorted(node.items())
        if unit != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy "?": the longer phrases below this node are tried before ending here.
    return f"(?:{body})?" if _END in node else body


HEAD_ALT = _alternation(ROLE_HEADS)
MODIFIER_ALT = _alternation(ROLE_MODIFIERS)
PORTFOLIO_ALT = _alternation(PORTFOLIOS)
SPEECH_ALT = _alternation(SPEECH_VERBS)

# An office: up to three modifiers ("vice-chair" too), a head, and a portfolio after "of".
ROLE = (
    rf"(?i:(?:then[\s-]+)?(?:(?:{MODIFIER_ALT})[\s-]+){{0,3}}(?:{HEAD_ALT})"
    rf"(?:\s+of\s+(?:{PORTFOLIO_ALT}))?)(?![\w-])"
)


def normalise_role(text: str) -> str:
    """Lower-case an office, expand abbreviations and unhyphenate compounds.

    "Secretary-General" -> "secretary general"; "Gen." -> "general";
    "then-President" -> "president". Spelling is kept ("defence" stays).
    """
    words = [w for w in re.split(r"[\s]+|(?<=[a-z])-(?=[a-z])", text.lower()) if w]
    if words and words[0] == "then":
        words = words[1:]
    return " ".join(ABBREVIATIONS.get(w, w) for w in words)


_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def is_plausible_name(name: str) -> bool:
    """Whether capitalised tokens read as a person's name, not a place or body."""
    tokens = [t.strip(".,'’") for t in name.split()]
    while tokens and tokens[-1].lower() in _NAME_SUFFIXES:
        tokens.pop()
    words = [t for t in tokens if len(t) > 1]
    if not words:
        return False
    if any(t.isupper() and len(t) > 1 for t in words):
        return False  # acronyms: bodies and countries, rarely people
    lowered = [t.lower() for t in words]
    if any(t in WEEKDAYS or t in NAME_STOPWORDS for t in lowered):
        return False
    if lowered[-1] in ORG_WORDS:
        return False
    return not all(t in NOT_NAMES for t in lowered)
