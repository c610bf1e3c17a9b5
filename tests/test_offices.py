"""Who held an office when: office keys, name matching, terms at a date, verdicts."""

from __future__ import annotations

from datetime import date

import pytest

from verify.claims import find_people
from verify.facts import (
    OfficeResult,
    check_person,
    holders_at,
    normalise_organisation,
    office_key,
    office_key_from_title,
    offices_match,
    period,
    same_person,
)
from verify.records import Fact, PersonRole, Verdict

TODAY = date(2025, 10, 1)


def term(holder: str, office: str, start: str | None, end: str | None) -> Fact:
    text = f"{office} | {holder} | {start} | {end or 'Incumbent'}"
    return Fact(
        kind="term", text=text, holder=holder, office=office, start_date=start, end_date=end
    )


def person(name: str, role: str | None, organisation: str | None = None) -> PersonRole:
    return PersonRole(name=name, role=role, organisation=organisation, text=name, start=0, end=0)


def check(claimed: PersonRole, at: str | None, terms: list[Fact]) -> OfficeResult | None:
    return check_person(claimed, at, terms, today=TODAY)


# Invented offices and people: the rules must not depend on knowing them.
FREEDONIA = [
    term("Rufus T. Firefly", "Chancellor of Freedonia", "1998-03-01", "2010-06-15"),
    term("Gloria Teasdale", "Chancellor of Freedonia", "2010-06-15", "2018-01-20"),
    term("Otto Brannigan", "Chancellor of Freedonia", "2018-01-20", None),
]
VELMORA = [
    term("Ilse Åkerlund", "Minister of Waterworks of Velmora", "2012-05-02", "2016-09-30"),
    term("Tomas Weir", "Minister of Waterworks of Velmora", "2016-09-30", "2022-03-01"),
    term("Ilse Åkerlund", "Minister of Waterworks of Velmora", "2023-01-10", None),
    term("Marta Quell", "President of Velmora", "2015", "2021"),
    term("Nils Ostrander", "Velmoran Minister of Defence", "2019-02-01", "2024-02-01"),
]
# The office-holder table of the fixture references, as the fact reader gives it.
REGISTER = [
    term("Dalia Grybauskaitė", "President of Lithuania", "2009-07-12", "2019-07-12"),
    term("Gitanas Nausėda", "President of Lithuania", "2019-07-12", None),
    term("Jim Mattis", "United States Secretary of Defense", "2017-01-20", "2019-01-01"),
    term("Lloyd Austin", "United States Secretary of Defense", "2021-01-22", "2025-01-20"),
    term("Jens Stoltenberg", "Secretary General of NATO", "2014-10-01", "2024-10-01"),
    term("Mark Rutte", "Secretary General of NATO", "2024-10-01", None),
    term("Egils Levits", "President of Latvia", "2019-07-08", "2023-07-08"),
    term("Andrzej Duda", "President of Poland", "2015-08-06", "2025-08-06"),
    term("Mateusz Morawiecki", "Prime Minister of Poland", "2017-12-11", "2023-12-13"),
]


# --- office keys ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "organisation", "title"),
    [
        ("president", "Lithuanian", "President of Lithuania"),
        ("president", "Lithuania's", "President of Lithuania"),
        ("president", "Lithuania", "President of the Republic of Lithuania"),
        ("defence secretary", "American", "United States Secretary of Defense"),
        ("defense secretary", "US", "United States Secretary of Defense"),
        ("secretary of defense", "U.S.", "Secretary of Defense of the United States"),
        ("defence secretary", "USA", "US Secretary of Defense"),
        ("Defense Secretary", "United States", "U.S. Secretary of Defense"),
        ("secretary general", "NATO", "Secretary General of NATO"),
        ("secretary-general", "NATO's", "NATO Secretary-General"),
        ("prime minister", "Polish", "Prime Minister of Poland"),
        ("prime minister", "British", "Prime Minister of the United Kingdom"),
        ("prime minister", "UK", "British Prime Minister"),
        ("chancellor", "Freedonian", "Chancellor of Freedonia"),
        ("chancellor", "Freedonia’s", "Freedonian Chancellor"),
        ("minister of waterworks", "Velmora", "Minister of Waterworks of Velmora"),
        ("waterworks minister", "Velmoran", "Minister of Waterworks of Velmora"),
        ("defence minister", "Velmora", "Velmoran Minister of Defence"),
        ("foreign minister", "Velmora", "Minister for Foreign Affairs of Velmora"),
        ("former prime minister", "Polish", "Prime Minister of Poland"),
        ("President", "Türkiye", "President of Turkey"),
    ],
)
def test_an_office_has_one_key_however_written(role: str, organisation: str, title: str) -> None:
    assert office_key(role, organisation) == office_key_from_title(title)
    assert hash(office_key(role, organisation)) == hash(office_key_from_title(title))


def test_role_words_are_stems_in_any_order() -> None:
    assert office_key("minister of defence", None) == office_key("defence minister", None)
    assert office_key("Defense Minister", None) == office_key("minister of defence", None)
    assert office_key("vice-president", None) == office_key("vice president", None)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (("president", "Lithuanian"), ("president", "Latvian")),
        (("president", "Lithuanian"), ("vice president", "Lithuanian")),
        (("prime minister", "Polish"), ("deputy prime minister", "Polish")),
        (("secretary general", "NATO"), ("secretary", "NATO")),
        (("defence secretary", "American"), ("defence minister", "American")),
        (("chancellor", "Freedonian"), ("chancellor", "Velmoran")),
    ],
)
def test_different_offices_have_different_keys(
    left: tuple[str, str], right: tuple[str, str]
) -> None:
    assert office_key(*left) != office_key(*right)


def test_a_short_form_of_the_body_is_another_name_of_one_office() -> None:
    short = office_key_from_title("Administrator of the Halden Space Agency (HASA)")
    assert short == office_key_from_title("Administrator of the Halden Space Agency")
    assert short.short_forms == {"hasa"}
    terms = [
        term("Ada Lusk", "Administrator of the Halden Space Agency", "2001-01-01", "2005-01-01"),
        term("Bo Hale", "Administrator of the Halden Space Agency (HASA)", "2005-01-01", None),
    ]
    # The short form one page gives serves the terms another page lists.
    result = check(person("Ada Lusk", "administrator", "HASA"), "2003", terms)
    assert result is not None and result.verdict is Verdict.SUPPORTED
    result = check(person("Ada Lusk", "administrator", "HASA"), "2010", terms)
    assert result is not None and result.reason.endswith("the office was held by Bo Hale")


def test_title_reads_the_body_before_or_after_the_office() -> None:
    assert office_key_from_title("United States Secretary of Defense").organisation == (
        "united states"
    )
    assert office_key_from_title("Secretary of Defense").organisation is None
    assert office_key_from_title("Minister of Waterworks of Velmora").organisation == "velmora"
    assert office_key_from_title("Velmoran Minister of Waterworks").organisation == "velmora"


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Lithuanian", "lithuania"),
        ("Lithuania’s", "lithuania"),
        ("American", "united states"),
        ("U.S.", "united states"),
        ("the United States", "united states"),
        ("British", "united kingdom"),
        ("UK", "united kingdom"),
        ("Austrian", "austria"),
        ("Australian", "australia"),
        ("Slovak", "slovakia"),
        ("Slovenian", "slovenia"),
        ("Nigerian", "nigeria"),
        ("Polish", "poland"),
        ("Dutch", "netherlands"),
        ("the Republic of Velmora", "velmora"),
        ("South Korean", "south korea"),
        ("Česká", "ceska"),
        ("NATO", "nato"),
        ("", None),
        (None, None),
    ],
)
def test_organisations_normalise(written: str | None, normalised: str | None) -> None:
    assert normalise_organisation(written) == normalised


def test_a_body_is_needed_unless_the_role_is_unique() -> None:
    bare = office_key("president", None)
    lithuania = office_key_from_title("President of Lithuania")
    assert not offices_match(bare, lithuania)
    assert offices_match(bare, lithuania, role_is_unique=True)
    assert offices_match(lithuania, office_key("president", "Lithuanian"))
    latvia = office_key_from_title("President of Latvia")
    assert not offices_match(latvia, lithuania, role_is_unique=True)
    assert not offices_match(office_key("", None), office_key("", None), role_is_unique=True)


# --- names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claimed", "listed"),
    [
        ("Dalia Grybauskaite", "Dalia Grybauskaitė"),
        ("GITANAS NAUSEDA", "Gitanas Nausėda"),
        ("Mattis", "Jim Mattis"),
        ("Jim Mattis", "James Mattis"),
        ("James N. Mattis", "Jim Mattis"),
        ("J. Mattis", "James Mattis"),
        ("Rufus Firefly", "Rufus T. Firefly"),
        ("Ilse Akerlund", "Ilse Åkerlund"),
        ("Otto Brannigan Jr.", "Otto Brannigan"),
        ("Dr Gloria Teasdale", "Gloria Teasdale"),
        ("Alex Zelensky", "Alexander Zelenskyy"),
        ("Ursula von der Leyen", "von der Leyen"),
    ],
)
def test_names_that_match(claimed: str, listed: str) -> None:
    assert same_person(claimed, listed)
    assert same_person(listed, claimed)


@pytest.mark.parametrize(
    ("claimed", "listed"),
    [
        ("Jim Mattis", "James Mattison"),
        ("Mattis", "Lloyd Austin"),
        ("Jane Roe", "John Roe"),
        ("Gloria Teasdale", "Gloria Brannigan"),
        ("Tomas Weir", "Tomas Weil"),
        ("", "Otto Brannigan"),
    ],
)
def test_names_that_do_not_match(claimed: str, listed: str) -> None:
    assert not same_person(claimed, listed)


# --- terms at a date -----------------------------------------------------------


def holder_names(terms: list[Fact], title: str, at: str) -> list[str | None]:
    key = office_key_from_title(title)
    return [t.holder for t in holders_at(terms, key, at, today=TODAY)]


@pytest.mark.parametrize(
    ("at", "holders"),
    [
        ("1997", []),
        ("1998-02-28", []),
        ("1998-03-01", ["Rufus T. Firefly"]),
        ("2005-07", ["Rufus T. Firefly"]),
        ("2010-06-14", ["Rufus T. Firefly"]),
        ("2010-06-15", ["Gloria Teasdale"]),  # the handover day is the successor's
        ("2010-06", ["Rufus T. Firefly", "Gloria Teasdale"]),
        ("2010", ["Rufus T. Firefly", "Gloria Teasdale"]),
        ("2018-01-19", ["Gloria Teasdale"]),
        ("2021-11-16", ["Otto Brannigan"]),
        ("2025-10-01", ["Otto Brannigan"]),  # an incumbent runs through today
        ("2025-10-02", []),
    ],
)
def test_holders_at_a_date(at: str, holders: list[str]) -> None:
    assert holder_names(FREEDONIA, "Chancellor of Freedonia", at) == holders


def test_a_coarse_term_covers_its_whole_year() -> None:
    assert holder_names(VELMORA, "President of Velmora", "2021-12-31") == ["Marta Quell"]
    assert holder_names(VELMORA, "President of Velmora", "2022-01-01") == []
    assert holder_names(VELMORA, "President of Velmora", "2015-01-01") == ["Marta Quell"]


def test_holders_of_another_office_are_not_listed() -> None:
    assert holder_names(FREEDONIA + VELMORA, "Chancellor of Velmora", "2020") == []
    assert holder_names(VELMORA, "Velmoran Minister of Defence", "2020") == ["Nils Ostrander"]


def test_a_malformed_date_is_an_error() -> None:
    with pytest.raises(ValueError, match="ISO date"):
        holders_at(FREEDONIA, office_key_from_title("Chancellor of Freedonia"), "16 Nov 2021")
    with pytest.raises(ValueError):
        period("2021-13")


def test_period_is_half_open() -> None:
    assert period("2021") == (date(2021, 1, 1), date(2022, 1, 1))
    assert period("2021-12") == (date(2021, 12, 1), date(2022, 1, 1))
    assert period("2021-11-16") == (date(2021, 11, 16), date(2021, 11, 17))


# --- verdicts ------------------------------------------------------------------


def test_in_office_on_the_date_is_supported() -> None:
    result = check(person("Gloria Teasdale", "chancellor", "Freedonian"), "2012-04-03", FREEDONIA)
    assert result is not None
    assert result.verdict is Verdict.SUPPORTED
    assert result.reason == (
        "Gloria Teasdale was Chancellor of Freedonia from 2010-06-15 to 2018-01-20, "
        "so in office on 2012-04-03"
    )
    assert result.term is FREEDONIA[1]


def test_an_incumbent_is_supported_with_still_in_office() -> None:
    result = check(person("Brannigan", "chancellor", "Freedonia"), "2024", FREEDONIA)
    assert result is not None and result.verdict is Verdict.SUPPORTED
    assert result.reason == (
        "Otto Brannigan was Chancellor of Freedonia from 2018-01-20 (still in office), "
        "so in office in 2024"
    )


def test_after_the_term_is_contradicted_naming_the_holder_then() -> None:
    result = check(person("Gloria Teasdale", "chancellor", "Freedonian"), "2021-11", FREEDONIA)
    assert result is not None
    assert result.verdict is Verdict.CONTRADICTED
    assert result.reason == (
        "Gloria Teasdale was Chancellor of Freedonia from 2010-06-15 to 2018-01-20; "
        "in 2021-11 the office was held by Otto Brannigan"
    )
    assert result.term is FREEDONIA[1]
    assert result.others == (FREEDONIA[2],)


def test_before_the_term_is_contradicted() -> None:
    result = check(person("Gloria Teasdale", "chancellor", "Freedonian"), "2001-05-05", FREEDONIA)
    assert result is not None and result.verdict is Verdict.CONTRADICTED
    assert result.reason.endswith("on 2001-05-05 the office was held by Rufus T. Firefly")


def test_on_the_handover_day_the_successor_holds_office() -> None:
    outgoing = check(person("Rufus Firefly", "chancellor", "Freedonian"), "2010-06-15", FREEDONIA)
    incoming = check(person("Teasdale", "chancellor", "Freedonian"), "2010-06-15", FREEDONIA)
    assert outgoing is not None and outgoing.verdict is Verdict.CONTRADICTED
    assert incoming is not None and incoming.verdict is Verdict.SUPPORTED


def test_a_coarse_date_overlapping_the_term_is_supported() -> None:
    for name in ("Rufus Firefly", "Gloria Teasdale"):
        result = check(person(name, "chancellor", "Freedonian"), "2010-06", FREEDONIA)
        assert result is not None and result.verdict is Verdict.SUPPORTED, name


def test_nobody_known_then_is_said() -> None:
    result = check(person("Tomas Weir", "waterworks minister", "Velmoran"), "2022-06", VELMORA)
    assert result is not None and result.verdict is Verdict.CONTRADICTED
    assert result.reason == (
        "Tomas Weir was Minister of Waterworks of Velmora from 2016-09-30 to 2022-03-01; "
        "the references do not say who held it in 2022-06"
    )
    assert result.others == ()


def test_a_second_term_counts() -> None:
    result = check(person("Ilse Akerlund", "minister of waterworks", "Velmora"), "2024", VELMORA)
    assert result is not None and result.verdict is Verdict.SUPPORTED
    assert result.term is VELMORA[2]
    between = check(person("Ilse Akerlund", "waterworks minister", "Velmora"), "2019", VELMORA)
    assert between is not None and between.verdict is Verdict.CONTRADICTED
    assert between.term is VELMORA[0] and between.others == (VELMORA[1],)


def test_someone_who_never_held_it_is_contradicted_by_the_holder() -> None:
    result = check(person("Jane Roe", "chancellor", "Freedonian"), "2021-11", FREEDONIA)
    assert result is not None
    assert result.verdict is Verdict.CONTRADICTED
    assert result.reason == "in 2021-11 Chancellor of Freedonia was Otto Brannigan, not Jane Roe"
    assert result.term is FREEDONIA[2]


def test_someone_who_never_held_it_with_no_holder_known_is_not_judged() -> None:
    assert check(person("Jane Roe", "chancellor", "Freedonian"), "1990", FREEDONIA) is None


def test_a_coarse_date_names_every_holder() -> None:
    result = check(person("Jane Roe", "chancellor", "Freedonian"), "2010", FREEDONIA)
    assert result is not None
    assert result.reason == (
        "in 2010 Chancellor of Freedonia was Rufus T. Firefly, then Gloria Teasdale, not Jane Roe"
    )


@pytest.mark.parametrize(
    "claimed",
    [
        person("Otto Brannigan", None),  # no office given
        person("Otto Brannigan", "chancellor", "Velmoran"),  # an office nobody lists
        person("Otto Brannigan", "mayor", "Freedonian"),
        person("Otto Brannigan", "incoming chancellor", "Freedonian"),  # not yet in office
    ],
)
def test_nothing_to_judge(claimed: PersonRole) -> None:
    assert check(claimed, "2020", FREEDONIA + VELMORA) is None


def test_no_date_is_not_judged() -> None:
    assert check(person("Gloria Teasdale", "chancellor", "Freedonian"), None, FREEDONIA) is None


def test_an_acting_holder_is_judged_only_on_their_own_terms() -> None:
    acting = person("Jane Roe", "acting chancellor", "Freedonian")
    assert check(acting, "2021", FREEDONIA) is None
    listed = check(person("Otto Brannigan", "acting chancellor", "Freedonian"), "2021", FREEDONIA)
    assert listed is not None and listed.verdict is Verdict.SUPPORTED


def test_a_former_holder_is_checked_for_an_ended_term() -> None:
    former = person("Gloria Teasdale", "former chancellor", "Freedonian")
    after = check(former, "2021-11", FREEDONIA)
    assert after is not None and after.verdict is Verdict.SUPPORTED
    assert after.reason.endswith("so a former holder in 2021-11")
    during = check(former, "2012", FREEDONIA)
    assert during is not None and during.verdict is Verdict.CONTRADICTED
    assert during.reason.endswith("so still in office in 2012")
    before = check(former, "2005", FREEDONIA)
    assert before is not None and before.verdict is Verdict.CONTRADICTED
    assert before.reason.endswith("so not yet in office in 2005")
    assert check(person("Jane Roe", "former chancellor", "Freedonian"), "2021", FREEDONIA) is None


def test_a_bare_role_matches_only_a_unique_office() -> None:
    bare = person("Otto Brannigan", "chancellor", None)
    result = check(bare, "2021", FREEDONIA + VELMORA)
    assert result is not None and result.verdict is Verdict.SUPPORTED
    other_chancellor = term("Ada Vance", "Chancellor of Velmora", "2020-01-01", None)
    # Person first: the one chancellorship Otto Brannigan held is the one meant.
    listed = check(bare, "2021", [*FREEDONIA, other_chancellor])
    assert listed is not None and listed.verdict is Verdict.SUPPORTED
    # Someone the terms do not list: which chancellor is meant is a guess.
    former = person("Gloria Teasdale", "former chancellor", None)
    assert check(former, "2021", [*FREEDONIA, other_chancellor]) is not None
    unlisted = person("Jane Roe", "former chancellor", None)
    assert check(unlisted, "2021", [*FREEDONIA, other_chancellor]) is None


def test_a_bare_role_never_contradicts_someone_unlisted() -> None:
    # "President Jane Roe" may be any country's president, not the one listed.
    assert check(person("Jane Roe", "chancellor", None), "2021", FREEDONIA) is None
    loose = [term("Ada Vance", "Chancellor", "2020-01-01", None)]
    assert check(person("Jane Roe", "chancellor", "Freedonian"), "2021", loose) is None
    listed = check(person("Ada Vance", "chancellor", "Freedonian"), "2021", loose)
    assert listed is not None and listed.verdict is Verdict.SUPPORTED


def test_undated_or_unreadable_terms_are_skipped() -> None:
    broken = [
        term("Ada Vance", "Chancellor of Freedonia", "sometime", None),
        term("Ada Vance", "Chancellor of Freedonia", "2020-01-01", "later"),
    ]
    assert check(person("Ada Vance", "chancellor", "Freedonian"), "2021", broken) is None


# --- the fixture offices ---------------------------------------------------------


def test_the_lithuanian_president_in_november_2021() -> None:
    (claimed,) = find_people("the Lithuanian president, Dalia Grybauskaite, said on Tuesday")
    result = check(claimed, "2021-11-16", REGISTER)
    assert result is not None
    assert result.verdict is Verdict.CONTRADICTED
    assert result.reason == (
        "Dalia Grybauskaitė was President of Lithuania from 2009-07-12 to 2019-07-12; "
        "on 2021-11-16 the office was held by Gitanas Nausėda"
    )
    assert result.term is REGISTER[0]


def test_the_american_defence_secretary_in_november_2021() -> None:
    (claimed,) = find_people("talks with the American defence secretary, Jim Mattis, and others")
    result = check(claimed, "2021-11", REGISTER)
    assert result is not None and result.verdict is Verdict.CONTRADICTED
    assert result.reason == (
        "Jim Mattis was United States Secretary of Defense from 2017-01-20 to 2019-01-01; "
        "in 2021-11 the office was held by Lloyd Austin"
    )


def test_between_two_defence_secretaries_nobody_is_listed() -> None:
    result = check(person("Jim Mattis", "defense secretary", "US"), "2020-06", REGISTER)
    assert result is not None and result.verdict is Verdict.CONTRADICTED
    assert result.reason.endswith("the references do not say who held it in 2020-06")


@pytest.mark.parametrize(
    ("sentence", "at"),
    [
        ("Lithuania's President Gitanas Nausėda said", "2021-11-15"),
        ("Polish Prime Minister Mateusz Morawiecki said", "2021-11-14"),
        ("NATO Secretary-General Jens Stoltenberg said", "2022-02-24"),
        ("US Defense Secretary Lloyd Austin said", "2021-11"),
    ],
)
def test_fixture_holders_in_office_are_supported(sentence: str, at: str) -> None:
    (claimed,) = find_people(sentence)
    result = check(claimed, at, REGISTER)
    assert result is not None and result.verdict is Verdict.SUPPORTED, sentence


def test_a_president_of_an_unnamed_country_is_not_judged() -> None:
    (claimed,) = find_people("President Vladimir Putin signalled Moscow was ready")
    lithuania_only = [t for t in REGISTER if t.office == "President of Lithuania"]
    assert check(claimed, "2021-11-16", lithuania_only) is None
    assert check(claimed, "2021-11-16", REGISTER) is None


def test_a_wrong_name_for_the_fixture_office() -> None:
    result = check(person("Jane Roe", "secretary general", "NATO"), "2025-01", REGISTER)
    assert result is not None
    assert result.reason == "in 2025-01 Secretary General of NATO was Mark Rutte, not Jane Roe"


def test_a_term_without_an_end_stops_at_the_next_holder() -> None:
    # Prose gives only "took office in 2012"; the table gives the successor.
    terms = [
        term("Ada Vance", "Chancellor of Velmora", "2012-02-01", None),
        term("Piet Lorne", "Chancellor of Velmora", "2016-05-01", "2020-05-01"),
    ]
    names = holder_names(terms, "Chancellor of Velmora", "2017")
    assert names == ["Piet Lorne"]
    result = check(person("Ada Vance", "chancellor", "Velmoran"), "2017", terms)
    assert result is not None and result.verdict is Verdict.CONTRADICTED
    assert result.reason == (
        "Ada Vance was Chancellor of Velmora from 2012-02-01; "
        "in 2017 the office was held by Piet Lorne"
    )
    former = check(person("Ada Vance", "former chancellor", "Velmoran"), "2017", terms)
    assert former is not None and former.verdict is Verdict.SUPPORTED


def test_a_term_without_a_start_begins_after_the_one_before() -> None:
    terms = [
        term("Ada Vance", "Chancellor of Velmora", "2012-02-01", "2016-05-01"),
        term("Piet Lorne", "Chancellor of Velmora", None, "2020-05-01"),
    ]
    assert holder_names(terms, "Chancellor of Velmora", "2014") == ["Ada Vance"]
    assert holder_names(terms, "Chancellor of Velmora", "2018") == ["Piet Lorne"]
    result = check(person("Piet Lorne", "chancellor", "Velmoran"), "2018-03", terms)
    assert result is not None
    assert result.reason == (
        "Piet Lorne was Chancellor of Velmora until 2020-05-01, so in office in 2018-03"
    )
