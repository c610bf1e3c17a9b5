"""Stage 3, claims: ``Extracted`` text in, ``Claim`` records with typed slots out.

Sentences are segmented, then each is read for checkable details (dates,
quantities, people in roles, provisions, quotations, attributions). The word
folding and stems that every later stage compares text with live here too.
"""

from verify.claims.clauses import clause_bounds
from verify.claims.folding import STOPWORDS, content_words, fold
from verify.claims.lexicon import (
    CLASS_NOUNS,
    EVENT_KINDS,
    NEGATORS,
    TIME_UNITS,
    content_stems,
    event_stems,
    is_negated,
    is_time_unit,
    same_counted,
    stem,
    window,
    words,
)
from verify.claims.names import Name, find_names, mentions_name
from verify.claims.segment import split_sentences
from verify.claims.sentences import claims_from_sentences, find_slots, parse_published
from verify.claims.slots.attributions import find_attributions
from verify.claims.slots.dates import FIRST_YEAR, LAST_YEAR, date_spans, find_dates
from verify.claims.slots.holder_numbers import HOLDING_VERBS, counts_women, role_ordinal
from verify.claims.slots.numbers import find_quantities, is_partitive
from verify.claims.slots.ordinals import find_ordinals, ordinal_value
from verify.claims.slots.people import NAME, find_people
from verify.claims.slots.provisions import after_title, find_provisions, provision_statement
from verify.claims.slots.quotes import find_quotations
from verify.claims.slots.roles import (
    COUNTRIES,
    DEMONYMS,
    NAME_STOPWORDS,
    PORTFOLIOS,
    ROLE,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    UPPER,
    is_plausible_name,
    normalise_role,
    trie_alternation,
)
from verify.claims.slots.succession import (
    Succession,
    TenureLength,
    find_successions,
    find_tenure_lengths,
)
from verify.claims.slots.tallies import is_tally_count
from verify.claims.stem_overlap import plain_stems, shared_stems, similar_stems

__all__ = [
    "after_title",
    "provision_statement",
    "Succession",
    "TenureLength",
    "find_successions",
    "find_tenure_lengths",
    "clause_bounds",
    "TIME_UNITS",
    "is_time_unit",
    "CLASS_NOUNS",
    "EVENT_KINDS",
    "find_ordinals",
    "ordinal_value",
    "Name",
    "event_stems",
    "find_names",
    "mentions_name",
    "claims_from_sentences",
    "content_stems",
    "content_words",
    "COUNTRIES",
    "date_spans",
    "DEMONYMS",
    "find_attributions",
    "find_dates",
    "find_people",
    "find_provisions",
    "find_quantities",
    "find_quotations",
    "find_slots",
    "FIRST_YEAR",
    "fold",
    "is_negated",
    "is_partitive",
    "is_tally_count",
    "is_plausible_name",
    "LAST_YEAR",
    "NAME",
    "NAME_STOPWORDS",
    "NEGATORS",
    "normalise_role",
    "parse_published",
    "plain_stems",
    "PORTFOLIOS",
    "ROLE",
    "ROLE_HEADS",
    "ROLE_MODIFIERS",
    "role_ordinal",
    "counts_women",
    "HOLDING_VERBS",
    "same_counted",
    "shared_stems",
    "similar_stems",
    "split_sentences",
    "stem",
    "STOPWORDS",
    "trie_alternation",
    "UPPER",
    "window",
    "words",
]
