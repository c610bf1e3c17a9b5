"""Counts and values as of a date, which list a count is about, and dating an undated
article from the events its claims report.

Every list, country and date here is invented (the Orvand Compact, Freedonia,
Velmora, Tarsia), so nothing passes by knowing the fixtures.
"""

from __future__ import annotations

import pytest

from verify.claims import find_quantities
from verify.facts import (
    check_count,
    choose_group,
    count_events,
    count_filter,
    days,
    mentions,
)
from verify.records import Fact, Quantity, Verdict

INVOCATIONS = "Invocations of the Orvand Compact's Article 3"
SUMMITS = "Orvand Compact summits"


def event(day: str, text: str, group: str = INVOCATIONS, document: int = 1) -> Fact:
    return Fact("event", f"{day} – {text}", date=day, group=group, document_id=document)


REQUESTS = [
    event("2001-05-14", "Freedonia requested consultations after shelling near Port Alba."),
    event("2006-09-02", "Freedonia requested consultations over a downed patrol aircraft."),
    event("2011-03-20", "Velmora requested consultations after a cyberattack on its grid."),
    event("2015-07-08", "Freedonia requested consultations following bombings in Åvesta."),
    event("2019-11-30", "Freedonia and Velmora jointly requested consultations."),
    event("2023-06-12", "Velmora requested consultations after drones crossed its airspace."),
]
SUMMIT_LIST = [
    event("2005-04-01", "Leaders of the compact met in Port Alba to approve a budget.", SUMMITS),
    event("2012-10-10", "Leaders met in Kessenburg and admitted Tarsia.", SUMMITS),
    event("2019-11-30", "Leaders met in Ostrava to renew the shared air patrols.", SUMMITS),
]
EVENTS = REQUESTS + SUMMIT_LIST
CONTEXT = "Article 3 of the Orvand Compact obliges members to consult when one feels threatened."


def quantity(text: str, which: int = 0) -> Quantity:
    return find_quantities(text)[which]


def count(text: str, at: str, which: int = 0, events: list[Fact] = EVENTS):
    return check_count(quantity(text, which), text, at, events, context=CONTEXT)


# --- dates and counts ------------------------------------------------------------------------


def test_days_reads_each_precision_and_refuses_nonsense():
    assert days("2021-11") == days("2021-11-01")[:1] + days("2021-11-30")[1:]
    assert days("2020")[1].isoformat() == "2021-01-01"
    assert days("2021-13") is None and days("soon") is None and days(None) is None


def test_a_count_differs_at_two_dates():
    assert count_events(REQUESTS, "2012-01-01") == (3, 3)
    assert count_events(REQUESTS, "2024-01-01") == (6, 6)


def test_an_entry_on_the_day_itself_counts_only_inclusively():
    assert count_events(REQUESTS, "2015-07-08") == (3, 4)
    # A coarse date is read as its whole period: July 2015 may or may not include the 8th.
    assert count_events(REQUESTS, "2015-07") == (3, 4)
    assert count_events(REQUESTS, "2015") == (3, 4)


def test_a_coarse_entry_overlapping_the_date_counts_only_inclusively():
    entries = [event("2012-06", "Freedonia requested consultations.")]
    assert count_events(entries, "2012-06-24") == (0, 1)
    assert count_events(entries, "2012-07-01") == (1, 1)


def test_counts_only_entries_naming_everything_asked():
    assert count_events(REQUESTS, "2020-01-01", ["Freedonia"]) == (4, 4)
    assert count_events(REQUESTS, "2020-01-01", ["Velmora"]) == (2, 2)
    assert count_events(REQUESTS, "2020-01-01", ["Freedonia", "Velmora"]) == (1, 1)
    assert count_events(REQUESTS, "2020-01-01", ["Port Alba"]) == (1, 1)


def test_names_match_without_diacritics_or_case_but_as_whole_words():
    assert count_events(REQUESTS, "2020-01-01", ["avesta"]) == (1, 1)
    assert mentions("bombings in Åvesta", "Avesta")
    assert not mentions("Freedonian ministers", "Freedonia")
    assert not mentions("a freedonia-style deal", "Freedonia", cased=True)


def test_counts_only_entries_on_or_after_since():
    assert count_events(REQUESTS, "2024-01-01", since="2011") == (4, 4)
    assert count_events(REQUESTS, "2024-01-01", ["Freedonia"], since="2011-03") == (2, 2)


def test_events_without_a_readable_date_are_not_counted():
    broken = [*REQUESTS, Fact("event", "Some day – Tarsia requested it.", date=None)]
    assert count_events(broken, "2024-01-01") == (6, 6)


# --- which list, and which sub-count ------------------------------------------------------------

MAIN = "The clause has been invoked six times since the compact was signed in 1998."
SUBCOUNT = "It has been invoked five times, with Freedonia responsible for four occasions."


def test_choose_group_picks_the_list_the_claim_is_about():
    assert choose_group(quantity(MAIN), MAIN, EVENTS, CONTEXT) == REQUESTS
    summit = "Leaders of the compact have met three times in Port Alba and Kessenburg."
    assert choose_group(quantity(summit), summit, EVENTS) == SUMMIT_LIST


def test_choose_group_reads_the_sentence_before_only_when_the_claim_names_no_list():
    summit = "Leaders of the compact have met three times in Port Alba and Kessenburg."
    # The sentence before talks about requests: it must not pull a claim that
    # names its own subject (summits) away from it, nor into a tie.
    requests = "Freedonia and Velmora have requested consultations after attacks."
    assert choose_group(quantity(summit), summit, EVENTS, requests) == SUMMIT_LIST
    pronoun = "It happened three times."
    assert choose_group(quantity(pronoun), pronoun, EVENTS) == []
    assert choose_group(quantity(pronoun), pronoun, EVENTS, summit) == SUMMIT_LIST


def test_choose_group_skips_a_list_of_what_did_not_happen():
    # The heading shares "clause" and "invoked" with the claim, but its entries are
    # what was NOT invoked: only "clause" may count for it.
    heading = "Clause considered but never invoked"
    considered = [
        event("2021-11-12", "Freedonia said consultations were being weighed.", heading),
        event("2021-11-14", "Velmora said it would wait.", heading),
    ]
    claim = "Members have invoked the clause and requested consultations twice."
    assert choose_group(quantity(claim), claim, REQUESTS + considered) == REQUESTS


def test_choose_group_returns_nothing_when_no_list_fits():
    claim = "The harvest took six weeks longer than planned."
    assert choose_group(quantity(claim), claim, EVENTS) == []


def test_choose_group_prefers_the_longest_copy_of_one_list():
    older = [Fact(**{**fact.__dict__, "document_id": 2}) for fact in REQUESTS[:4]]
    assert choose_group(quantity(MAIN), MAIN, older + REQUESTS, CONTEXT) == REQUESTS


def test_count_filter_finds_the_name_a_sub_count_is_about():
    assert count_filter(quantity(SUBCOUNT, 1), SUBCOUNT, REQUESTS) == ["Freedonia"]
    assert count_filter(quantity(SUBCOUNT, 0), SUBCOUNT, REQUESTS) == []
    other = "Consultations were requested six times, two requests by Velmora."
    assert count_filter(quantity(other, 1), other, REQUESTS) == ["Velmora"]
    # "two of them": the number finder reads no counted noun, the filter still holds.
    bare = "Consultations were requested six times, two of them by Velmora."
    start = bare.index("two")
    two = Quantity(2.0, "", "two", start, start + 3)
    assert count_filter(two, bare, REQUESTS) == ["Velmora"]
    assert count_filter(quantity(MAIN), MAIN, REQUESTS) == []


def test_count_filter_ignores_names_every_entry_or_the_heading_has():
    claim = "Orvand members asked for consultations six times, Compact records show."
    assert count_filter(quantity(claim), claim, REQUESTS) == []


# --- verdicts on counts ------------------------------------------------------------------------


def test_check_count_supports_a_count_as_of_its_date_and_not_later():
    claim = "The clause has been invoked five times since the compact was signed in 1998."
    supported = count(claim, "2020-01-01")
    assert supported.verdict is Verdict.SUPPORTED
    assert supported.facts == tuple(REQUESTS[:5])
    later = count(claim, "2024-01-01")
    assert later.verdict is Verdict.CONTRADICTED
    assert "as of 2024-01-01" in later.reason
    assert "6 entries" in later.reason and later.reason.endswith("not 5")


def test_check_count_accepts_either_count_on_the_day_of_an_entry():
    for number in ("four", "five"):
        claim = f"The clause has been invoked {number} times."
        assert count(claim, "2019-11-30").verdict is Verdict.SUPPORTED
    wrong = count("The clause has been invoked six times.", "2019-11-30")
    assert wrong.verdict is Verdict.CONTRADICTED
    assert wrong.reason == (
        "the claim says six times; as of 2019-11-30, the references list 4 entries under "
        f"'{INVOCATIONS}' before 2019-11-30 (5 including that day), not 6"
    )


def test_check_count_counts_a_filtered_sub_count():
    result = count(SUBCOUNT, "2020-01-01", which=1)
    assert result.verdict is Verdict.SUPPORTED
    assert all("Freedonia" in fact.text for fact in result.facts) and len(result.facts) == 4
    wrong = "It has been invoked five times, with Velmora responsible for four occasions."
    contradicted = count(wrong, "2020-01-01", which=1)
    assert contradicted.verdict is Verdict.CONTRADICTED
    assert "2 entries naming Velmora" in contradicted.reason


def test_check_count_narrows_to_a_year_the_clause_names():
    claim = "Freedonia invoked the clause once in 2015."
    result = count(claim, "2024-01-01")
    assert result.verdict is Verdict.SUPPORTED
    assert result.facts == (REQUESTS[3],)


def test_check_count_says_nothing_about_an_agent_no_entry_names():
    claim = "It has been invoked five times, with Tarsia responsible for two occasions."
    assert count(claim, "2020-01-01", which=1) is None


def test_check_count_says_nothing_about_another_provisions_count():
    claim = "Article 7 of the compact has been invoked only once."
    assert count(claim, "2020-01-01") is None
    # Named only in the context, the provision still decides.
    other = "It has been invoked only once."
    quantity_ = quantity(other)
    assert check_count(quantity_, other, "2020-01-01", EVENTS, context="Article 7 ...") is None
    assert check_count(quantity_, other, "2002-01-01", EVENTS, context=CONTEXT).verdict is (
        Verdict.SUPPORTED
    )


def test_check_count_says_nothing_about_counts_of_other_things():
    claim = "Consultation under Article 3 can lead to action among the 30 member states."
    assert count(claim, "2020-01-01") is None


@pytest.mark.parametrize("at", ["", "2021-02-30", "yesterday"])
def test_unreadable_dates_give_no_verdict(at):
    assert count(MAIN, at) is None
    assert count_events(REQUESTS, at) == (0, 0)


def test_a_partitive_count_is_checked_with_its_filter_and_never_as_a_total():
    text = "Members requested consultations four times, three of them by Freedonia."
    result = check_count(quantity(text, 1), text, "2016-01-01", EVENTS, context=CONTEXT)
    assert result is not None and result.verdict is Verdict.SUPPORTED
    unnamed = "Members requested consultations four times, two of them after attacks."
    assert check_count(quantity(unnamed, 1), unnamed, "2016-01-01", EVENTS, CONTEXT) is None
