"""Stage 6, judge: stored claims, references and a date in, ``Judgement`` records out.

The checks compare each detail of a claim with evidence about the same thing
at the date the article is judged as of (``dating``); ``run_check`` runs a whole
check and records it; the assessment and conflicts weigh whole articles.
"""

from verify.judge.assessment import assess, contradiction_reasons, date_notes, sourcing_notes
from verify.judge.checks.membership import enumerations, group_name
from verify.judge.checks.quotes import quote_words, word_diff
from verify.judge.claim import find_evidence, judge
from verify.judge.conflicts import find_conflicts
from verify.judge.date_inference import date_from_sentences, infer_date, sentence_matches
from verify.judge.run import CheckResult, DocumentResult, run_check

__all__ = [
    "assess",
    "CheckResult",
    "contradiction_reasons",
    "date_from_sentences",
    "date_notes",
    "DocumentResult",
    "enumerations",
    "find_conflicts",
    "find_evidence",
    "group_name",
    "infer_date",
    "judge",
    "sentence_matches",
    "quote_words",
    "run_check",
    "sourcing_notes",
    "word_diff",
]
