"""A measure's values over time from a table of changes keyed by date (newest
first): its level at a date, since when it held, and the rises and cuts between
rows, judged end to end on an invented port's levy table."""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, verdict

from verify.facts.periods import period
from verify.facts.series import (
    changes_within,
    consecutive_run,
    last_before,
    series_of,
)
from verify.records import Fact

LEVY = JUDGING / "kelsing-harbour-levy.html"


def _row(date: str, value: float) -> Fact:
    text = f"Date changed: {date}; Toll (%): {value:.2f}"
    return Fact("value", text, date=date, measure="toll", value=value, group="Tolls")


ROWS = [  # newest first, as such tables are written
    _row("2021-05-01", 4.0),
    _row("2020-03-01", 3.0),
    _row("2019-06-01", 2.0),
    _row("2019-01-01", 2.5),
    _row("2018-01-01", 2.0),
]


def test_a_table_of_changes_is_a_series_in_date_order_with_its_unit():
    (series,) = series_of(ROWS)
    assert [p.date for p in series.points][:2] == ["2018-01-01", "2019-01-01"]
    assert series.unit == "percent" and series.measure == "toll"
    assert [c.direction for c in series.changes()] == [1, -1, 1, 1]


def test_a_column_of_prose_figures_or_too_few_rows_is_no_series():
    dated = [Fact("value", "t", date="2019", measure="toll", value=2, dated_by="text")] * 4
    assert series_of(dated) == [] and series_of(ROWS[:2]) == []


def test_changes_of_one_direction_in_a_period_and_in_a_row():
    (series,) = series_of(ROWS)
    rises = changes_within(series, 1, period("2019"), period("2021"))
    assert [c.date for c in rises] == ["2019-01-01", "2020-03-01", "2021-05-01"]
    last = last_before(series, -1, period("2021-06"))
    assert last is not None and last.date == "2019-06-01"
    latest = series.changes()[-1]
    assert consecutive_run(series, latest) == 2
    # The first rise reaches back to the first row: the run may have begun before it.
    assert consecutive_run(series, series.changes()[0]) is None


def test_since_when_a_value_held_is_known_only_after_a_change():
    (series,) = series_of(ROWS)
    first, second = series.points[0], series.points[2]
    assert series.run_start(first) is None
    assert series.run_start(second) == second


CASES = [
    # a level reached by a change, at the article's date or its own
    (
        "The Kelsing Port Authority raised the harbour levy to 3 per cent on 9 May 2019.",
        "2019-06-01",
        "supported",
        "3 from 2019-05-09",
    ),
    (
        "The Kelsing Port Authority raised the harbour levy to 3.5 per cent on 9 May 2019.",
        "2019-06-01",
        "contradicted",
        "harbour levy 3 from 2019-05-09",
    ),
    # the change of one day: the level before it and after it
    (
        "The harbour levy was cut from 2.5% to 2% on 2 March 2017.",
        "2017-06-01",
        "supported",
        "went from 2.5 to 2",
    ),
    (
        "The harbour levy was cut from 2.5% to 1.75% on 2 March 2017.",
        "2017-06-01",
        "contradicted",
        "went from 2.5 to 2",
    ),
    # held at a level since a date: the value then, and when it began
    (
        "The harbour levy had stayed at 1.5 per cent since 2017.",
        "2018-05-03",
        "contradicted",
        "harbour levy 1.5 from 2018-01-11",
    ),
    (
        "The harbour levy had been kept at 1.5 per cent since January 2018.",
        "2018-05-03",
        "supported",
        "harbour levy 1.5 from 2018-01-11",
    ),
    # the latest rise before the article's date
    (
        "The port authority last raised the harbour levy in March 2017.",
        "2017-06-01",
        "contradicted",
        "last rise before 2017-06-01 on 2016-02-04",
    ),
    (
        "The port authority last raised the harbour levy in February 2016.",
        "2017-06-01",
        "supported",
        "on 2016-02-04",
    ),
    # the cut before this one
    (
        "On Thursday the authority cut the harbour levy for the first time since March 2017.",
        "2017-10-05",
        "supported",
        "the cut before 2017-10-05 on 2017-03-02",
    ),
    (
        "On Thursday the authority cut the harbour levy for the first time since 2016.",
        "2017-10-05",
        "contradicted",
        "the cut before 2017-10-05 on 2017-03-02",
    ),
    # cuts counted over a period
    (
        "Between July 2016 and March 2017 the authority cut the harbour levy three times.",
        "2018-01-01",
        "supported",
        "3 cuts",
    ),
    (
        "Between July 2016 and March 2017 the authority cut the harbour levy five times.",
        "2018-01-01",
        "contradicted",
        "3 cuts",
    ),
    # a run of rises ending with this one
    (
        "On Thursday the authority raised the harbour levy for the fourth time in a row.",
        "2019-05-09",
        "supported",
        "4 rises in a row to 2019-05-09",
    ),
    (
        "On Thursday the authority raised the harbour levy for the fifth straight time.",
        "2019-05-09",
        "contradicted",
        "4 rises in a row to 2019-05-09",
    ),
    # no change of a direction since a date
    (
        "The harbour levy has not gone up since 2016.",
        "2018-03-01",
        "supported",
        "no rise after 2016",
    ),
    (
        "The harbour levy has not been raised since 2016.",
        "2019-06-01",
        "contradicted",
        "2018-05-03",
    ),
]


@pytest.mark.parametrize(("sentence", "date", "expected", "reason"), CASES)
def test_claims_about_a_series_are_judged_at_their_date(
    tmp_path: Path, sentence: str, date: str, expected: str, reason: str
):
    claim = verdict(tmp_path, sentence, [LEVY], date)
    assert claim["verdict"] == expected, claim["reasons"]
    assert any(reason in r for r in claim["reasons"]), claim["reasons"]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # another kind of levy, though the page is about this one
        ("The pilotage levy was raised to 3.5 per cent on 9 May 2019.", "2019-06-01"),
        # a level at another time than the claim's ("before the cuts")
        ("The harbour levy stood at 3 per cent for months before the cuts.", "2017-06-01"),
        # before the table's first row nothing is known of the changes
        ("The harbour levy has not gone up since 2012.", "2014-06-01"),
        # a run that reaches back to the first row may be longer than the rows show
        (
            "On Thursday the authority raised the harbour levy for the second time in a row.",
            "2016-02-04",
        ),
    ],
)
def test_what_the_rows_cannot_settle_stays_unverified(tmp_path: Path, sentence: str, date: str):
    claim = verdict(tmp_path, sentence, [LEVY], date)
    assert claim["verdict"] == "unverified", claim["reasons"]
