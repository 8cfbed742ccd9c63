"""HTML pages: main-text extraction with trafilatura, metadata from the page."""

from __future__ import annotations

from typing import Any

from rasd.errors import EmptyInputError
from rasd.model import Origin
from rasd.options import InputOptions
from rasd.readers.records import Record, normalize_date, split_title, stable_id


def html_record(html: str, origin: Origin, encoding: str, options: InputOptions) -> Record:
    """The page's main text (headline and body, without navigation, widgets and footer)."""
    import trafilatura  # imported here: loading it takes a noticeable fraction of a second

    doc: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise EmptyInputError("no main text found in the HTML page", where=str(origin))
    title = (getattr(doc, "title", None) or "").strip()
    in_text = bool(title) and text.startswith(title)  # the page's headline opens the main text
    if not title:
        title, in_text = split_title(text)
    date = normalize_date(getattr(doc, "date", None) or "") or options.default_date
    return Record(
        text=text,
        origin=origin,
        id=stable_id(text),
        title=title,
        title_in_text=in_text,
        date=date,
        source=(getattr(doc, "sitename", None) or "").strip(),
        url=(getattr(doc, "url", None) or "").strip(),
        encoding=encoding,
    )
