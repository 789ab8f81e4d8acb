"""Ingest: reading reports (plain text, header text, HTML, JSONL, folders, stdin) into Documents.

Readers never raise on bad input in a batch: :func:`read_paths` yields an :class:`InputError` for a
file or line that cannot be read and goes on with the rest. Heavy parsers (trafilatura) load lazily.
"""

from __future__ import annotations

from .readers import SUPPORTED_SUFFIXES, iter_files, read_file, read_paths, read_text

__all__ = ["SUPPORTED_SUFFIXES", "iter_files", "read_file", "read_paths", "read_text"]
