"""Time-aware checking end to end, on invented references and articles.

Every name here is made up (the Orvand Compact, Veldoria, Chancellor Ilse
Marrow...), so the rules at work are general: counts of a dated list at two
dates, an office holder before, during and after a term, an undated article
whose date is inferred, one with no dated evidence, a counted group that
contradicts the article's own list, and two articles that disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_docs import keys, readme_json_contract

from verify.cli import cli

TIMELINE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Orvand Compact consultations – Treaty Tracker</title></head><body><main>
<h1>Orvand Compact consultations</h1>
<p>Clause 3 of the Orvand Compact lets any member request consultations with the others.</p>
<h2>Growth of the compact</h2>
<table><thead><tr><th>Date</th><th>Countries joined</th><th>Members</th></tr></thead><tbody>
<tr><td>1 June 1990</td><td>Freedonia, Velmora, Tarsia</td><td>3</td></tr>
<tr><td>2 February 2005</td><td>Ostrevia, Kessenland</td><td>5</td></tr>
<tr><td>9 May 2012</td><td>Halvia</td><td>6</td></tr>
</tbody></table>
<h2>Timeline of requests</h2>
<ul>
<li>4 May 2001 – Freedonia requested consultations after shelling near Port Alba.</li>
<li>9 September 2006 – Freedonia requested consultations over a downed patrol aircraft.</li>
<li>20 March 2011 – Velmora requested consultations after a cyberattack on its power grid.</li>
<li>8 July 2015 – Freedonia requested consultations following bombings in Avesta.</li>
<li>17 October 2019 – Tarsia requested consultations after the Kessen dam was sabotaged.</li>
</ul>
</main></body></html>
"""

OFFICES = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Office holders of Veldoria – Civic Index</title></head><body><main>
<h1>Office holders of Veldoria</h1>
<table><thead><tr><th>Office</th><th>Holder</th><th>Took office</th><th>Left office</th></tr>
</thead><tbody>
<tr><td>Chancellor of Veldoria</td><td>Ilse Marrow</td><td>3 March 2008</td>
<td>3 March 2016</td></tr>
<tr><td>Chancellor of Veldoria</td><td>Tomas Quell</td><td>3 March 2016</td>
<td>Incumbent</td></tr>
</tbody></table>
</main></body></html>
"""

GROUPS = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>The Marsh states – Regional Notes</title></head><body><main>
<h1>The Marsh states</h1>
<p>The term “Marsh states” means three countries: Velmora, Tarsia and Ostrevia.
Freedonia borders the marshes but is not counted among the Marsh states.</p>
</main></body></html>
"""


def article(path: Path, title: str, body: str, date: str | None = None) -> Path:
    dated = f"<p><time datetime='{date}'>{date}</time></p>" if date else ""
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<meta name='author' content='Ada Finch'></head>"
        f"<body><article><h1>{title}</h1>{dated}<p>{body}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def references(tmp_path: Path) -> Path:
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "timeline.html").write_text(TIMELINE, encoding="utf-8")
    (folder / "offices.html").write_text(OFFICES, encoding="utf-8")
    (folder / "groups.html").write_text(GROUPS, encoding="utf-8")
    return folder


def check(tmp_path: Path, references: Path, *sources: Path, as_of: str | None = None) -> dict:
    args = ["check", *map(str, sources), "--ref", str(references), "--format", "json"]
    args += ["--db", str(tmp_path / "claims.db")]
    args += ["--as-of", as_of] if as_of else []
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def only_claim(report: dict, words: str) -> dict:
    claims = [c for d in report["documents"] for c in d["claims"] if words in c["text"]]
    assert len(claims) == 1, [c["text"] for d in report["documents"] for c in d["claims"]]
    return claims[0]


COUNT = "Members have requested consultations under Clause 3 four times since 2001."


def test_a_count_of_a_dated_list_holds_at_one_date_and_not_at_another(tmp_path, references):
    early = article(tmp_path / "early.html", "Compact talks", COUNT, "2016-01-10")
    claim = only_claim(check(tmp_path, references, early), "four times")
    assert claim["verdict"] == "supported"
    assert "as of 2016-01-10" in claim["reasons"][0]
    late = article(tmp_path / "late.html", "Compact talks again", COUNT, "2020-01-10")
    claim = only_claim(check(tmp_path, references, late), "four times")
    assert claim["verdict"] == "contradicted"
    assert "as of 2020-01-10" in claim["reasons"][0] and "5 entries" in claim["reasons"][0]


def test_as_of_option_overrides_the_publication_date(tmp_path, references):
    late = article(tmp_path / "late.html", "Compact talks", COUNT, "2020-01-10")
    report = check(tmp_path, references, late, as_of="2016-01-10")
    assert report["documents"][0]["as_of"] == "2016-01-10"
    assert report["documents"][0]["as_of_source"] == "option"
    assert only_claim(report, "four times")["verdict"] == "supported"


MEMBERS = "The Orvand Compact, now with six member states, met in Port Alba."


def test_a_value_false_at_its_date_is_contradicted_though_it_is_true_now(tmp_path, references):
    source = article(tmp_path / "old.html", "Compact meets", MEMBERS, "2008-04-01")
    claim = only_claim(check(tmp_path, references, source), "six member states")
    assert claim["verdict"] == "contradicted"
    assert "5 members as of 2008-04-01" in claim["reasons"][0]
    assert "6 since 2012-05-09" in claim["reasons"][0]
    later = article(tmp_path / "new.html", "Compact meets", MEMBERS, "2013-04-01")
    claim = only_claim(check(tmp_path, references, later), "six member states")
    assert claim["verdict"] == "supported"


HOLDER = "The Veldorian chancellor, Ilse Marrow, opened the new parliament building."


@pytest.mark.parametrize(
    ("date", "verdict", "named"),
    [
        ("2005-06-01", "contradicted", "from 2008-03-03"),
        ("2012-06-01", "supported", "so in office on 2012-06-01"),
        ("2019-06-01", "contradicted", "Tomas Quell"),
    ],
)
def test_an_office_holder_before_during_and_after_the_term(
    tmp_path, references, date, verdict, named
):
    source = article(tmp_path / f"a{date}.html", "Parliament opens", HOLDER, date)
    report = check(tmp_path, references, source)
    claim = only_claim(report, "Ilse Marrow")
    assert claim["verdict"] == verdict
    assert any(named in reason and date in reason for reason in claim["reasons"])
    if verdict == "contradicted":
        assert any("out of their term" in r for r in report["documents"][0]["assessment_reasons"])


def test_an_undated_article_is_dated_by_the_events_it_reports(tmp_path, references):
    body = (
        "On Tuesday Tarsia requested consultations after saboteurs struck the Kessen dam. "
        "The Veldorian chancellor, Ilse Marrow, called the attack cowardly."
    )
    source = article(tmp_path / "undated.html", "Dam attack", body)
    document = check(tmp_path, references, source)["documents"][0]
    assert document["published"] is None
    assert document["as_of_source"] == "inferred"
    assert document["inferred_date"]["date"] == "2019-10"
    assert "Kessen dam" in document["inferred_date"]["evidence"][0]["matched"]
    assert "the article gives no publication date" in document["assessment_reasons"]
    claim = only_claim({"documents": [document]}, "Ilse Marrow")
    assert claim["verdict"] == "contradicted" and "Tomas Quell" in claim["reasons"][0]
    assert document["assessment"] == "dubious"


def test_with_no_dated_evidence_time_bound_claims_stay_unverified(tmp_path, references):
    source = article(tmp_path / "vague.html", "Parliament opens", HOLDER)
    document = check(tmp_path, references, source)["documents"][0]
    assert document["as_of"] is None and document["inferred_date"] is None
    claim = only_claim({"documents": [document]}, "Ilse Marrow")
    assert claim["verdict"] == "unverified"
    assert "no date" in claim["reasons"][0]
    assert document["assessment"] == "unverified"
    assert any("no date could be inferred" in r for r in document["assessment_reasons"])


def test_counts_and_values_of_an_undated_article_stay_unverified(tmp_path, references):
    body = "Members have requested consultations under Clause 3 five times since 2001."
    body += " The Orvand Compact, with six member states, meets in May."
    document = check(tmp_path, references, article(tmp_path / "u.html", "Talks", body))
    assert document["documents"][0]["as_of"] is None
    count = only_claim(document, "five times")
    assert count["verdict"] == "unverified"
    assert "five times is a count of dated entries" in count["reasons"][0]
    value = only_claim(document, "six member states")
    assert value["verdict"] == "unverified"
    assert "no date to check it at" in value["reasons"][0]


def test_a_counted_group_that_contradicts_the_articles_own_list(tmp_path, references):
    body = (
        "Freedonia, Velmora and Tarsia met on Monday. "
        "Three Marsh states agreed to share flood warnings."
    )
    source = article(tmp_path / "marsh.html", "Flood talks", body, "2021-05-05")
    document = check(tmp_path, references, source)["documents"][0]
    assert document["assessment"] == "dubious"
    found = [r for r in document["assessment_reasons"] if "Marsh states" in r]
    assert found and "Freedonia is not one of the Marsh states" in found[0]


def test_a_correct_list_of_the_group_is_not_flagged(tmp_path, references):
    body = "Ostrevia, Velmora and Tarsia met. Three Marsh states agreed to share flood warnings."
    source = article(tmp_path / "marsh.html", "Flood talks", body, "2021-05-05")
    document = check(tmp_path, references, source)["documents"][0]
    assert not [r for r in document["assessment_reasons"] if "Marsh states" in r]


def test_articles_of_the_same_date_that_disagree_are_a_conflict(tmp_path, references):
    one = article(tmp_path / "one.html", "Talks", COUNT, "2016-01-10")
    other_count = COUNT.replace("four", "seven")
    two = article(tmp_path / "two.html", "More talks", other_count, "2016-01-10")
    report = check(tmp_path, references, one, two)
    assert len(report["conflicts"]) == 1
    conflict = report["conflicts"][0]
    assert keys(conflict, "conflicts.") == {
        k for k in keys(readme_json_contract()) if k.startswith("conflicts.")
    }
    assert "four times" in conflict["reason"] and "seven times" in conflict["reason"]
    assert {c["source"] for c in conflict["claims"]} == {str(one), str(two)}
    assert all(
        any("cross-article conflict" in r for r in d["assessment_reasons"])
        for d in report["documents"]
    )


def test_two_copies_of_one_article_do_not_conflict(tmp_path, references):
    text = COUNT.replace("since 2001.", "since 2001, three of them by Freedonia.")
    one = article(tmp_path / "one.html", "Talks", text, "2016-01-10")
    two = article(tmp_path / "two.html", "Talks, again", text, "2016-01-10")
    assert check(tmp_path, references, one, two)["conflicts"] == []


def test_articles_of_different_dates_may_differ(tmp_path, references):
    one = article(tmp_path / "one.html", "Talks", COUNT, "2016-01-10")
    two = article(tmp_path / "two.html", "More", COUNT.replace("four", "five"), "2020-01-10")
    assert check(tmp_path, references, one, two)["conflicts"] == []
