#!/usr/bin/env python3
"""An independent reader of Spillway's dirty rows: does the manifest match the files exactly?

    check_dirty_manifest.py SCHEMA.json FILES_DIR [--manifest PATH]

It knows nothing of Spillway's code: it reads the schema document (column types, primary keys,
nullFraction), the CSV files (plain or .gz, with a header, the default null: an unquoted empty
field) and spillway-dirty.jsonl, and checks, with its own parser and type rules:

  - every line the manifest lists is invalid in the stated way, and only that way: field_count
    (a field missing or extra), quote (a quoted field left open on its line), encoding (not
    UTF-8), number (not a number in a numeric column), date (not a possible date, time or
    timestamp), overflow (outside the type's range: integer sizes, numeric(p,s), varchar(n),
    char(n)), null (empty in a primary key or a column without nullFraction), duplicate (the
    primary key of an earlier row of the same file); its record number, its column (kinds of
    one column) and its text (the record as written, invalid bytes as \\xNN) agree too;
  - every other record is valid.

Records are read as PostgreSQL's COPY reads CSV (a quoted field may hold line breaks), except
that a line the manifest says has an open quote is taken as a record of its own: the claim
checked is that this very line leaves a quote open.

Exit status: 0 when the manifest and the files agree, 1 with every disagreement (up to 50
shown), 2 on bad usage or unreadable input.
"""

import argparse
import datetime
import decimal
import gzip
import json
import os
import re
import sys

INTEGER_RANGES = {"smallint": 2**15, "int2": 2**15, "integer": 2**31, "int": 2**31,
                  "int4": 2**31, "bigint": 2**63, "int8": 2**63}
FLOAT_TYPES = {"real", "float4", "double precision", "float8", "float"}
WHOLE = re.compile(r"[+-]?[0-9]+")
DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
FLOAT = re.compile(r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|NaN|-?Infinity|-?inf)",
                   re.IGNORECASE)
DATE = r"(\d{4})-(\d{2})-(\d{2})"
TIME = r"(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?"
ZONE = r"([+-]\d{2}(:?\d{2})?|Z)?"


class Column:
    def __init__(self, spec):
        self.name = spec["name"]
        self.type = re.sub(r"\s+", " ", spec.get("type", "").strip().lower())
        self.key = bool(spec.get("primaryKey"))
        self.required = self.key or not spec.get("nullFraction")

    def problem(self, value):
        """The dirty kind `value` (text, never None) is for this column, or None."""
        t = self.type
        base = re.sub(r"\(.*\)", "", t).strip()
        if base in INTEGER_RANGES:
            if not WHOLE.fullmatch(value):
                return "number"
            limit = INTEGER_RANGES[base]
            return "overflow" if not -limit <= int(value) < limit else None
        if base in ("numeric", "decimal"):
            if not DECIMAL.fullmatch(value):
                return "number"
            return self.numeric_overflow(t, value)
        if base in FLOAT_TYPES:
            return None if FLOAT.fullmatch(value) else "number"
        if base in ("varchar", "character varying", "char", "character"):
            size = re.search(r"\((\d+)\)", t)
            limit = int(size.group(1)) if size else (1 if base in ("char", "character") else 0)
            return "overflow" if limit and len(value) > limit else None
        if base == "date":
            return None if timestamp_ok(value, DATE) else "date"
        if base.startswith("timestamp"):
            zone = ZONE if "with time zone" in t or base == "timestamptz" else ""
            return None if timestamp_ok(value, DATE + " " + TIME + zone) else "date"
        if base.startswith("time"):
            return None if timestamp_ok(value, TIME + ZONE) else "date"
        return None

    @staticmethod
    def numeric_overflow(t, value):
        size = re.search(r"\((\d+)\s*(?:,\s*(\d+))?\)", t)
        if not size:
            return None
        precision, scale = int(size.group(1)), int(size.group(2) or 0)
        rounded = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-scale),
                                                  rounding=decimal.ROUND_HALF_UP)
        return "overflow" if abs(rounded) >= decimal.Decimal(10) ** (precision - scale) else None


def timestamp_ok(value, pattern):
    m = re.fullmatch(pattern, value)
    if not m:
        return False
    parts = [g for g in m.groups()]
    try:
        if pattern.startswith(DATE):
            datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
            parts = parts[3:]
        if parts and parts[0] is not None:
            datetime.time(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return False
    return True


class Record:
    def __init__(self, line, text, fields=None, quoted=None, problem=None):
        self.line, self.text, self.fields, self.quoted = line, text, fields, quoted
        self.problem = problem


def parse_fields(text):
    """(fields, quoted flags) of one record as COPY's CSV reader reads it; None if a quote is open."""
    fields, quoted, current, in_quote, was_quoted, i = [], [], [], False, False, 0
    while i < len(text):
        c = text[i]
        if in_quote and c == '"' and text[i + 1:i + 2] == '"':
            current.append('"')
            i += 1
        elif c == '"':
            in_quote, was_quoted = not in_quote, True
        elif c == "," and not in_quote:
            fields.append("".join(current))
            quoted.append(was_quoted)
            current, was_quoted = [], False
        else:
            current.append(c)
        i += 1
    if in_quote:
        return None
    fields.append("".join(current))
    quoted.append(was_quoted)
    return fields, quoted


def records(lines, quote_lines):
    """Records of a file after its header: (first line number, Record)."""
    number = 1
    while number < len(lines):
        number += 1
        raw = lines[number - 1]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Record(number, raw.decode("utf-8", "backslashreplace"), problem="encoding")
            continue
        if number in quote_lines:
            parsed = parse_fields(text)
            yield Record(number, text, problem="quote" if parsed is None else None,
                         fields=parsed and parsed[0], quoted=parsed and parsed[1])
            continue
        first = number
        parsed = parse_fields(text)
        while parsed is None and number < len(lines):
            number += 1
            text += "\n" + lines[number - 1].decode("utf-8", "backslashreplace")
            parsed = parse_fields(text)
        if parsed is None:
            yield Record(first, text, problem="quote")
        else:
            yield Record(first, text, fields=parsed[0], quoted=parsed[1])


class FileCheck:
    def __init__(self, table, columns, path, name, listed):
        self.table, self.columns, self.path, self.name = table, columns, path, name
        self.listed = listed  # line -> manifest entry
        self.errors = []
        self.clean = self.dirty = 0

    def run(self):
        opener = gzip.open if self.path.endswith(".gz") else open
        with opener(self.path, "rb") as f:
            lines = f.read().split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        lines = [line[:-1] if line.endswith(b"\r") else line for line in lines]
        header = parse_fields(lines[0].decode("utf-8"))[0] if lines else []
        if header != [c.name for c in self.columns]:
            self.errors.append(f"{self.name}: header {header} is not the table's columns")
            return
        quote_lines = {n for n, e in self.listed.items() if e.get("kind") == "quote"}
        keys = [i for i, c in enumerate(self.columns) if c.key]
        seen, found_lines = set(), set()
        for number, record in enumerate(records(lines, quote_lines), start=1):
            found_lines.add(record.line)
            problems, column = self.problems(record, keys, seen)
            self.compare(record, number, problems, column)
        for line in sorted(set(self.listed) - found_lines):
            self.errors.append(f"{self.name}:{line}: listed, but no record starts on that line")

    def problems(self, record, keys, seen):
        """Every dirty kind the record shows, and the column of the first column-level one."""
        if record.problem:
            return {record.problem}, None
        if len(record.fields) != len(self.columns):
            return {"field_count"}, None
        problems, first = set(), None
        for column, value, quoted in zip(self.columns, record.fields, record.quoted):
            kind = None
            if value == "" and not quoted:
                kind = "null" if column.required else None
            else:
                kind = column.problem(value)
            if kind:
                problems.add(kind)
                first = first or column.name
        if keys and not any(record.fields[i] == "" and not record.quoted[i] for i in keys):
            key = tuple(record.fields[i] for i in keys)
            if key in seen:
                problems.add("duplicate")
            seen.add(key)
        return problems, first

    def compare(self, record, number, problems, column):
        entry = self.listed.get(record.line)
        where = f"{self.name}:{record.line}"
        if entry is None:
            if problems:
                self.errors.append(f"{where}: not in the manifest, but {sorted(problems)}")
            else:
                self.clean += 1
            return
        self.dirty += 1
        kind = entry.get("kind")
        if problems != {kind}:
            self.errors.append(f"{where}: listed as {kind}, found {sorted(problems) or 'valid'}")
            return
        if entry.get("record") not in (None, number):
            self.errors.append(f"{where}: listed as record {entry.get('record')}, is record "
                               f"{number}")
        if column and entry.get("column") and entry["column"] != column:
            self.errors.append(f"{where}: listed {kind} in column {entry['column']}, found in "
                               f"{column}")
        if "text" in entry and entry["text"] != record.text:
            self.errors.append(f"{where}: listed text {entry['text']!r}, the file has "
                               f"{record.text!r}")


def table_files(files_dir, table):
    pattern = re.compile(re.escape(table) + r"(_\d+)?\.csv(\.gz)?")
    return sorted(n for n in os.listdir(files_dir) if pattern.fullmatch(n))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schema")
    parser.add_argument("files")
    parser.add_argument("--manifest", help="default: FILES/spillway-dirty.jsonl")
    options = parser.parse_args()
    manifest = options.manifest or os.path.join(options.files, "spillway-dirty.jsonl")
    try:
        with open(options.schema, encoding="utf-8") as f:
            schema = json.load(f)
        with open(manifest, encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print(f"check_dirty_manifest: {e}", file=sys.stderr)
        return 2
    listed = {}
    for entry in entries:
        listed.setdefault(entry["file"], {})[entry["line"]] = entry
    checks, kinds = [], {}
    for table in schema["tables"]:
        columns = [Column(c) for c in table["columns"] if not c.get("hidden")]
        for name in table_files(options.files, table["name"]):
            check = FileCheck(table["name"], columns, os.path.join(options.files, name), name,
                              listed.pop(name, {}))
            check.run()
            checks.append(check)
    errors = [e for c in checks for e in c.errors]
    errors += [f"{name}: listed in the manifest, but no such file of the schema's tables"
               for name in listed]
    for entry in entries:
        kinds[entry.get("kind")] = kinds.get(entry.get("kind"), 0) + 1
    clean = sum(c.clean for c in checks)
    print(f"{len(checks)} files: {clean} clean records valid, {len(entries)} dirty lines listed "
          f"(" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + f"); "
          f"{len(errors)} disagreements")
    for error in errors[:50]:
        print("  " + error)
    return 1 if errors or not checks else 0


if __name__ == "__main__":
    sys.exit(main())
