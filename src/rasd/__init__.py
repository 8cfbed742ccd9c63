"""rasd (رصد): Arabic news to structured political event data.

    >>> import rasd
    >>> doc = rasd.analyze("استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.", date="2019-01-10")
    >>> [s.start for s in doc.sentences]
    [0]

``analyze`` returns one :class:`~rasd.model.Document`; ``analyze_many`` streams documents for an
iterable of texts or mappings (``{"text", "title", "date", "source", "url", "id"}``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from rasd.errors import RasdError
from rasd.model import Document
from rasd.options import Options

__version__ = "0.1.0"
__all__ = [
    "Document",
    "Options",
    "RasdError",
    "__version__",
    "analyze",
    "analyze_many",
    "analyzer",
    "compiled",
]


def compiled() -> bool:
    """Whether this installation runs the pipeline's mypyc-compiled modules (see setup.py); a
    pure-Python installation gives the same results, slower."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec

    spec = find_spec("rasd.pipeline")  # found, not imported
    origin = (spec.origin or "") if spec is not None else ""
    return origin.endswith(tuple(EXTENSION_SUFFIXES))


@lru_cache(maxsize=4)
def analyzer(options: Options | None = None) -> Any:
    """The :class:`~rasd.pipeline.Analyzer` for ``options`` (built once per options value)."""
    from rasd.pipeline import Analyzer

    return Analyzer(options)


def analyze(
    text: str,
    title: str | None = None,
    date: str | None = None,
    *,
    source: str = "",
    url: str = "",
    id: str | None = None,
    options: Options | None = None,
) -> Document:
    """Analyze one article. ``title=None`` takes a short first line as the title."""
    result: Document = analyzer(options).analyze_text(
        text, title=title, date=date, source=source, url=url, id=id
    )
    return result


def analyze_many(
    items: Iterable[str | Mapping[str, Any]], *, options: Options | None = None
) -> Iterator[Document]:
    """Stream documents for texts or mappings with the reader's field names and aliases.

    Raises :class:`RasdError` (with the item's position) for an item that cannot be analyzed.
    """
    from rasd.model import Origin
    from rasd.readers.records import record_from_mapping

    engine = analyzer(options)
    for index, item in enumerate(items):
        if isinstance(item, str):
            yield engine.analyze_text(item)
        else:
            record = record_from_mapping(
                dict(item), Origin("<items>", record=index), engine.options.input
            )
            yield engine.analyze_record(record)
