#!/usr/bin/python3
"""Checks resources/schema/spillway-schema.json with an independent validator (python3-jsonschema):
the JSON Schema itself is valid draft 2020-12, every bundled example passes it, and documents
with known mistakes fail it."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "resources/schema/spillway-schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = 0
for example in sorted((root / "resources/examples").glob("*.json")):
    errors = list(validator.iter_errors(json.loads(example.read_text())))
    for e in errors:
        print(f"{example.name}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    failures += len(errors)

bad_documents = [
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "nosuch"}}]}]},
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "uniform", "min": 1}}]}]},
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "uniform", "min": 1, "max": 2, "maxx": 3}}]}]},
    {"tables": [{"name": "t", "columns": [{"name": "a", "generator": {"kind": "sequence"}}]}]},
    {"tables": [{"name": "t", "rows": 1, "dirty": {"fraction": 0.9},
                 "columns": [{"name": "a", "generator": {"kind": "sequence"}}]}]},
    {"tables": [{"name": "t", "rows": 1, "dirty": {"fraction": 0.1, "kinds": ["typo"]},
                 "columns": [{"name": "a", "generator": {"kind": "sequence"}}]}]},
    # Table-level keys: two or more columns; a foreign key names its target's columns.
    {"tables": [{"name": "t", "rows": 1, "primaryKey": ["a"], "columns": [{"name": "a", "generator": {"kind": "sequence"}}]}]},
    {"tables": [{"name": "t", "rows": 1, "unique": ["a", "b"], "columns": [{"name": "a", "generator": {"kind": "sequence"}}]}]},
    {"tables": [{"name": "t", "rows": 1, "foreignKeys": [{"columns": ["a", "b"], "references": {"table": "u"}}], "columns": [{"name": "a", "generator": {"kind": "sequence"}}]}]},
    # A reference reading another reference's row draws nothing of its own.
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "reference", "table": "u", "column": "x", "row": "b", "distribution": "zipf"}}]}]},
]
# Import (issue 12): the histogram generator's parameters, and why a column was guessed.
bad_documents += [
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "histogram", "bounds": [1]}}]}]},
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "histogram", "bounds": [1, 2], "weights": [1]}}]}]},
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "generator": {"kind": "histogram", "values": [1], "frequencies": [2]}}]}]},
    {"tables": [{"name": "t", "rows": 1, "columns": [{"name": "a", "guessed": True, "generator": {"kind": "sequence"}}]}]},
]
good_documents = [
    {"tables": [{"name": "t", "rows": 1, "columns": [
        {"name": "a", "type": "integer", "guessed": "the name says a quantity",
         "generator": {"kind": "histogram", "values": [5, 7], "frequencies": [0.5, 0.2], "bounds": [0, 10, 100]}},
        {"name": "b", "type": "text", "generator": {"kind": "histogram", "values": ["x"], "frequencies": [1]}}]}]},
]
for doc in good_documents:
    for e in validator.iter_errors(doc):
        print(f"refused a good document: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        failures += 1

for doc in bad_documents:
    if validator.is_valid(doc):
        print(f"accepted a bad document: {json.dumps(doc)}")
        failures += 1

print(f"{1 if failures == 0 else 0} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
