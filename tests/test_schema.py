"""Output validates against the published JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import rasd

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        resources.files("rasd")
        .joinpath("data/schemas/document.schema.json")
        .read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_documents_validate(validator: jsonschema.Draft202012Validator) -> None:
    from rasd.options import Options
    from rasd.pipeline import Analyzer
    from rasd.readers.records import iter_records

    options = Options.load().replace("output", tokens=True)
    analyzer = Analyzer(options)
    for item in iter_records([str(EXAMPLES)], options.input):
        doc = analyzer.analyze_record(item).to_json()  # type: ignore[arg-type]
        validator.validate(doc)
        for span in doc["sentences"] + doc["removed"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_schema_rejects_a_broken_document(validator: jsonschema.Draft202012Validator) -> None:
    doc = rasd.analyze("نص قصير").to_json()
    doc["date"] = "21/07/2015"
    assert not validator.is_valid(doc)
