"""An article checked against itself alone is never contradicted.

Every sentence of a reference that is the article itself agrees with the
article: a contradiction there is the tool reading a different event, another
clause's negation or a provision named in passing as the claim's own. Run on
every fixture article and, where the development set sits beside the project
(../shared/devset), on its articles too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "articles"
ARTICLES = sorted((ROOT / "fixtures" / "articles").iterdir())
ARTICLES += sorted((ROOT / "fixtures" / "pages").glob("*.html"))
ARTICLES += sorted(DEVSET.glob("*.html")) if DEVSET.is_dir() else []


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.name)
def test_an_article_against_itself_has_no_contradiction(tmp_path: Path, source: Path) -> None:
    args = ["check", str(source), "--ref", str(source), "--format", "json"]
    result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "self.db")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    contradicted = [
        (c["text"], c["reasons"])
        for d in report["documents"]
        for c in d["claims"]
        if c["verdict"] == "contradicted"
    ]
    assert contradicted == []


PASSING_MENTION = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>The Velmora Fisheries Accord</title></head><body><main>
<h1>The Velmora Fisheries Accord</h1>
<h2>Article 3</h2>
<p>Article 3 guarantees coastal villages the right to fish within six miles of the shore,
as recognised by Article 12 of the Lake Convention.</p>
<h2>Article 7</h2>
<p>Article 7 sets up a joint commission to count the fish stocks every spring.</p>
</main></body></html>"""


def test_a_provision_named_in_passing_is_not_what_the_passage_describes(tmp_path: Path) -> None:
    reference = tmp_path / "accord.html"
    reference.write_text(PASSING_MENTION, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(
        "Fishing rights\n\nArticle 3 of the accord guarantees villages the right to fish "
        "near the shore.\n",
        encoding="utf-8",
    )
    args = ["check", str(article), "--ref", str(reference), "--format", "json"]
    result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "c.db")])
    [claim] = [c for d in json.loads(result.stdout)["documents"] for c in d["claims"]]
    assert claim["verdict"] == "supported", claim["reasons"]
