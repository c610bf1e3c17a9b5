"""Fault suite, security (issue 12): a ClaimReview export embedded in a page, as
publishers embed it, never runs script an article smuggled into a claim, or a
reviewer pasted into a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import dump_dom, requires_chromium
from faults import FIXTURES, run_verify

HOSTILE = (
    "On 3 May 2021 the mayor said 12 people left "
    "</script><script>document.title='PWNED'</script> & <b>stayed</b>.\n"
)
NOTE = "No one left: see </script><script>document.title='PWNED'</script> & the minutes."
# Counts the items the page's own script could read from the embedded JSON-LD.
PAGE = """<!doctype html><html><head>
<script type="application/ld+json">{export}</script>
<script>
var data = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
document.documentElement.setAttribute("data-items", String(data["@graph"].length));
</script></head><body><p>Fact checks</p></body></html>
"""


@pytest.fixture(scope="module")
def export_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("jsonld")
    article = tmp / "hostile.txt"
    article.write_text(HOSTILE)
    db, out = tmp / "claims.db", tmp / "export.jsonld"
    checked = run_verify(
        "check", str(article), "--ref", str(FIXTURES / "references"), "--db", str(db)
    )
    assert checked.returncode in (0, 1), checked.stderr
    # Only what a reviewer rated is published; the note pastes the markup too.
    claims = json.loads(run_verify("claims", "--db", str(db), "--json").stdout)
    [claim_id] = [c["id"] for c in claims if "PWNED" in c["text"]]
    rated = run_verify(
        "review", str(claim_id), "--rating", "false", "--note", NOTE, "--db", str(db)
    )
    assert rated.returncode == 0, rated.stderr
    done = run_verify("export", "--db", str(db), "--output", str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_the_export_escapes_markup_characters_and_means_the_same(export_text: str) -> None:
    assert not set("<>&") & set(export_text)
    data = json.loads(export_text)
    [item] = data["@graph"]
    assert (
        "</script><script>document.title='PWNED'</script> & <b>stayed</b>"
        in (item["itemReviewed"]["text"])
    )
    assert item["reviewRating"]["ratingExplanation"] == NOTE


@requires_chromium
def test_an_embedded_export_runs_no_script_of_the_article(export_text: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(export=export_text), encoding="utf-8")
    dom = dump_dom(page, tmp_path / "profile")
    assert 'data-items="1"' in dom  # the page's script read the JSON-LD
    assert "<title>PWNED</title>" not in dom


@requires_chromium
def test_the_same_export_unescaped_would_run_it(export_text: str, tmp_path: Path) -> None:
    # The check above can fail: written as json.dumps writes it, the script runs.
    plain = json.dumps(json.loads(export_text), indent=2, ensure_ascii=False)
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(export=plain), encoding="utf-8")
    assert "<title>PWNED</title>" in dump_dom(page, tmp_path / "profile")
