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
]
for doc in bad_documents:
    if validator.is_valid(doc):
        print(f"accepted a bad document: {json.dumps(doc)}")
        failures += 1

print(f"{1 if failures == 0 else 0} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
