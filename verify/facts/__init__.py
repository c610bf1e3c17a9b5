"""Stage 4, facts: a reference's ``Extracted`` passages in, dated ``Fact`` records out,
and the questions later stages ask of them.

Rows, prose, terms of office, timelines and counted lists become facts at ingest;
at judging time this stage answers who held an office on a date, how many
entries a dated list had by a date, and what a value was then.
"""

from verify.facts.counted_list import choose_group, count_filter, mentions
from verify.facts.dates import is_page_date_line, whole_date
from verify.facts.document import (
    document_facts,
    event_series,
    extract_facts,
    nearest_headings,
    page_date,
)
from verify.facts.last_built import LastBuilt
from verify.facts.measures import Measure, actions, fact_clause, measure_of, same_measure
from verify.facts.office_bodies import short_forms
from verify.facts.office_keys import (
    OfficeKey,
    normalise_organisation,
    office_key,
    office_key_from_title,
    offices_match,
)
from verify.facts.office_match import OfficeChoice, choose_office, one_office
from verify.facts.offices import (
    OfficeResult,
    check_person,
    has_seats,
    holders_at,
    office_terms,
)
from verify.facts.periods import Days, by_date, days, period
from verify.facts.person_names import same_person
from verify.facts.prose import term_refs
from verify.facts.row_terms import singular
from verify.facts.rows import NO_HEADING, event_status, row_cells
from verify.facts.series import (
    Change,
    Point,
    Series,
    change_on,
    changes_within,
    consecutive_run,
    last_before,
    series_of,
)
from verify.facts.succession import (
    SuccessionResult,
    check_length,
    check_succession,
    shared_office,
)
from verify.facts.tenure import TenureResult, check_ordinal, check_tenure, held_terms_of
from verify.facts.term_index import term_index
from verify.facts.timeline import CountResult, check_count, count_events
from verify.facts.values import Figure, FigureIndex, figures_of, first, in_force, value_text

__all__ = [
    "Change",
    "Days",
    "Point",
    "Series",
    "change_on",
    "changes_within",
    "consecutive_run",
    "last_before",
    "series_of",
    "one_office",
    "OfficeKey",
    "SuccessionResult",
    "check_length",
    "check_succession",
    "shared_office",
    "term_index",
    "event_status",
    "whole_date",
    "FigureIndex",
    "actions",
    "Figure",
    "figures_of",
    "first",
    "in_force",
    "value_text",
    "Measure",
    "fact_clause",
    "measure_of",
    "same_measure",
    "is_page_date_line",
    "by_date",
    "check_count",
    "check_ordinal",
    "check_person",
    "check_tenure",
    "choose_office",
    "choose_group",
    "count_events",
    "count_filter",
    "CountResult",
    "days",
    "document_facts",
    "event_series",
    "extract_facts",
    "held_terms_of",
    "has_seats",
    "holders_at",
    "LastBuilt",
    "mentions",
    "nearest_headings",
    "NO_HEADING",
    "normalise_organisation",
    "office_key",
    "office_key_from_title",
    "office_terms",
    "OfficeChoice",
    "OfficeResult",
    "offices_match",
    "page_date",
    "period",
    "row_cells",
    "same_person",
    "singular",
    "short_forms",
    "TenureResult",
    "term_refs",
]
