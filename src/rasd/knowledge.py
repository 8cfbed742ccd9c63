"""Lazily loaded linguistic knowledge: every data table rasd uses, packaged and user-supplied.

A :class:`Knowledge` object belongs to one configuration (its :class:`~rasd.options.Options`): it
reads a kind's TSV files the first time a stage asks for them, merges the user's dictionary folders
(``dictionaries.dirs``) after the packaged files, and keeps the parsed tables. Nothing is read at
import time and nothing is shared between configurations.
"""

from __future__ import annotations

from typing import Any

from rasd.dicts.tsv import KINDS, Table, load_kind
from rasd.errors import DictionaryError
from rasd.options import Options


class Knowledge:
    def __init__(self, options: Options) -> None:
        self.options = options
        self._tables: dict[str, list[Table]] = {}
        self._built: dict[str, Any] = {}

    def tables(self, kind: str) -> list[Table]:
        """All tables of ``kind`` (packaged, then user folders)."""
        if kind not in KINDS:
            raise DictionaryError(f"unknown data kind {kind!r}")
        if kind not in self._tables:
            self._tables[kind] = load_kind(kind, self.options.dictionaries.dirs)
        return self._tables[kind]

    def rows(self, kind: str) -> list[dict[str, str]]:
        return [row for table in self.tables(kind) for row in table.rows]

    def cached(self, key: str, build: Any) -> Any:
        """A derived structure built once per Knowledge (e.g. a compiled matcher)."""
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]
