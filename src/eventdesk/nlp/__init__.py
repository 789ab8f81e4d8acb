"""Rule-based language tools the coder builds on: sentences, dates and numbers.

Everything here works on character offsets into the original text, so evidence can point back at
the exact span a value came from.
"""

from __future__ import annotations

from .dates import DateMention, find_dates, resolve_reference_date
from .numbers import Quantity, find_quantities, parse_number
from .sentences import Sentence, split_sentences

__all__ = [
    "DateMention",
    "Quantity",
    "Sentence",
    "find_dates",
    "find_quantities",
    "parse_number",
    "resolve_reference_date",
    "split_sentences",
]
