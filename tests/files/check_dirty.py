#!/usr/bin/python3
"""Checks Spillway's dirty rows independently of its encoders (Python's standard library only).

For each format (csv, tsv, pgcopy, jsonl; csv also split and gzip-compressed) it runs
`spillway-cli generate SCHEMA --dirty F` and reads the column types from `spillway-cli ddl`
(type, NOT NULL, primary key). Then, file by file, it checks that
  - every manifest line (spillway-dirty.jsonl) points at a record that is there, with the text,
    line, record and row numbers stated, and that is invalid in the stated way, and only that way
    (the other columns are valid);
  - every other record is valid for the declared types and constraints (field count, UTF-8,
    numbers and their ranges, numeric(p,s) digits, dates and times, varchar(n)/char(n) lengths,
    NOT NULL, a primary key unique in its file);
  - the share of dirty rows is near F and every kind that applies appears.

With --pg it starts Spillway's private server in a temporary folder and checks what PostgreSQL
makes of them: `psql \\copy` of the clean records loads, and each dirty kind alone fails (CSV and
COPY text), printing which kinds PostgreSQL rejected.

Exit codes: 0 all good, 1 a check failed (each problem on stderr), 2 bad arguments or tools.
"""

import argparse
import datetime
import decimal
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

KINDS = ["field_count", "quote", "encoding", "number", "date", "overflow", "null", "duplicate"]
MANIFEST = "spillway-dirty.jsonl"


class Column:
    def __init__(self, name, sqltype, not_null):
        self.name = name
        self.type = sqltype.lower()
        self.not_null = not_null
        self.primary = False
        m = re.match(r"^([a-z ]+?)\s*(?:\((\d+)(?:\s*,\s*(\d+))?\))?$", self.type)
        base = m.group(1) if m else self.type
        self.base = base
        self.p = int(m.group(2)) if m and m.group(2) else 0
        self.s = int(m.group(3)) if m and m.group(3) else 0
        if base in ("char", "character") and not (m and m.group(2)):
            self.p = 1


def read_ddl(cli, schema):
    """{table: [Column]} from the CREATE TABLE statements `spillway-cli ddl` prints."""
    ddl = subprocess.run([cli, "ddl", schema], check=True, capture_output=True, text=True).stdout
    tables = {}
    for name, body in re.findall(r'CREATE TABLE "([^"]+)" \((.*?)\n\);', ddl, re.S):
        columns = []
        for line in body.strip().split(",\n"):
            line = line.strip()
            key = re.match(r'PRIMARY KEY \((.*)\)', line)
            if key:
                names = re.findall(r'"([^"]+)"', key.group(1))
                for c in columns:
                    c.primary = c.name in names
                continue
            m = re.match(r'"([^"]+)" (.+?)( NOT NULL)?$', line)
            columns.append(Column(m.group(1), m.group(2), bool(m.group(3))))
        tables[name] = columns
    return ddl, tables


# ---- values --------------------------------------------------------------------------------

INTEGER_BITS = {"smallint": 16, "int2": 16, "integer": 32, "int": 32, "int4": 32,
                "bigint": 64, "int8": 64}
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)(\.\d+)?$")


def valid_date(text):
    if not re.match(r"^\d{4}-\d\d-\d\d$", text):
        return False
    try:
        datetime.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def valid_time(text):
    m = TIME.match(text)
    if not m:
        return False
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return (h < 24 and mi < 60 and s < 60) or (h, mi, s) == (24, 0, 0)


def problem(column, value):
    """Why value (text, None for NULL) does not fit column, or None when it does."""
    if value is None:
        return "null in a NOT NULL column" if column.not_null else None
    base = column.base
    if base in INTEGER_BITS:
        if not re.match(r"^[+-]?\d+$", value):
            return "not an integer"
        bits = INTEGER_BITS[base]
        if not -(1 << (bits - 1)) <= int(value) < (1 << (bits - 1)):
            return "out of range"
        return None
    if base in ("numeric", "decimal"):
        if not NUMBER.match(value):
            return "not a number"
        if column.p:
            d = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-column.s),
                                                rounding=decimal.ROUND_HALF_UP)
            if abs(d) >= decimal.Decimal(10) ** (column.p - column.s):
                return "out of range"
        return None
    if base in ("real", "float4", "float8", "float", "double precision"):
        return None if NUMBER.match(value) else "not a number"
    if base == "date":
        return None if valid_date(value) else "not a date"
    if base.startswith("time") and not base.startswith("timestamp"):
        return None if valid_time(value) else "not a time"
    if base.startswith("timestamp"):
        day, _, time = value.partition(" ")
        time = re.sub(r"[+-]\d\d(:\d\d)?$", "", time)
        return None if valid_date(day) and valid_time(time) else "not a timestamp"
    if base in ("varchar", "character varying", "char", "character") and column.p:
        return "too long" if len(value) > column.p else None
    return None


# ---- records -------------------------------------------------------------------------------

def split_csv(raw):
    """RFC 4180 fields of one record (bytes, without its line end) as (text, quoted) pairs;
    None when a quote is left open."""
    fields, field, quoted, in_quotes, i = [], bytearray(), False, False, 0
    while i < len(raw):
        c = raw[i:i + 1]
        if in_quotes:
            if c == b'"':
                if raw[i + 1:i + 2] == b'"':
                    field += b'"'
                    i += 1
                else:
                    in_quotes = False
            else:
                field += c
        elif c == b'"':
            in_quotes = quoted = True
        elif c == b",":
            fields.append((bytes(field), quoted))
            field, quoted = bytearray(), False
        else:
            field += c
        i += 1
    if in_quotes:
        return None
    fields.append((bytes(field), quoted))
    return fields


def unescape_text(field):
    out, i = bytearray(), 0
    table = {b"t": b"\t", b"n": b"\n", b"r": b"\r", b"\\": b"\\"}
    while i < len(field):
        if field[i:i + 1] == b"\\" and i + 1 < len(field):
            out += table.get(field[i + 1:i + 2], field[i + 1:i + 2])
            i += 2
        else:
            out += field[i:i + 1]
            i += 1
    return bytes(out)


class Record:
    """One record: its raw bytes and its fields as bytes (None for NULL), or why it does not
    even split into fields."""

    def __init__(self, fmt, raw, columns):
        self.raw = raw
        self.fields = None
        self.broken = None
        self.keys = None
        if fmt == "csv":
            parts = split_csv(raw)
            if parts is None:
                self.broken = "open quote"
            else:
                self.fields = [None if (not q and v == b"") else v for v, q in parts]
        elif fmt in ("tsv", "pgcopy"):
            null = b"\\N" if fmt == "pgcopy" else b""
            self.fields = [None if f == null else unescape_text(f) for f in raw.split(b"\t")]
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:  # kept as surrogates, found again per field below
                text = raw.decode("utf-8", "surrogateescape")
            try:
                obj = json.loads(text, parse_float=decimal.Decimal)
            except ValueError as e:
                self.broken = "not JSON: %s" % e
                return
            self.keys = list(obj)
            self.fields = [json_text(obj.get(c.name)) for c in columns]
            if self.keys != [c.name for c in columns]:
                self.fields = self.fields + [b"extra"] * (len(self.keys) > len(columns))
                if len(self.keys) < len(columns):
                    self.fields = self.fields[:len(self.keys)]

    def field_count_ok(self, columns):
        return self.fields is not None and len(self.fields) == len(columns) and (
            self.keys is None or self.keys == [c.name for c in columns])


def json_text(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return b"true" if v else b"false"
    if isinstance(v, (int, decimal.Decimal)):
        return str(v).encode()
    if isinstance(v, str):
        return v.encode("utf-8", "surrogateescape")
    return json.dumps(v).encode()


def column_problems(record, columns):
    """{column index: why} for the fields of a record that split correctly."""
    out = {}
    for k, (c, f) in enumerate(zip(columns, record.fields)):
        if f is None:
            why = problem(c, None)
        else:
            try:
                why = problem(c, f.decode("utf-8"))
            except UnicodeDecodeError:
                why = "invalid UTF-8"
        if why:
            out[k] = why
    return out


def physical_lines(data):
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


# ---- one file ------------------------------------------------------------------------------

class Checker:
    def __init__(self):
        self.problems = []
        self.kinds = {}
        self.rows = 0
        self.dirty = 0

    def fail(self, where, message):
        self.problems.append("%s: %s" % (where, message))

    def check_file(self, fmt, path, table, columns, entries, first_row, header):
        """Checks one data file; returns its record count."""
        name = os.path.basename(path)
        data = open(path, "rb").read()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        elif path.endswith(".zst"):
            data = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
        lines = physical_lines(data)
        at = 0
        if header:
            sep = b"," if fmt == "csv" else b"\t"
            if lines[0] != sep.join(c.name.encode() for c in columns):
                self.fail(name, "header %r" % lines[0])
            at = 1
        by_line = {e["line"]: e for e in entries}
        if len(by_line) != len(entries):
            self.fail(name, "two manifest entries on one line")
        keys, record_no, seen = {}, 0, 0
        names = [c.name for c in columns]
        while at < len(lines):
            record_no += 1
            entry = by_line.get(at + 1)
            span = entry.get("lines", 1) if entry else 1
            if not entry and fmt == "csv":  # a clean CSV record may hold quoted line breaks
                while split_csv(b"\n".join(lines[at:at + span])) is None and at + span < len(lines):
                    span += 1
            raw = b"\n".join(lines[at:at + span])
            where = "%s line %d" % (name, at + 1)
            record = Record(fmt, raw, columns)
            row = first_row + record_no - 1
            if entry:
                seen += 1
                self.check_entry(where, entry, raw, record_no, row, table, names)
                self.check_dirty(where, fmt, entry, record, columns, keys)
            else:
                self.check_clean(where, record, columns, keys)
            if record.fields is not None and (not entry or entry["kind"] == "duplicate"):
                key = tuple(record.fields[k] for k, c in enumerate(columns) if c.primary)
                if key and not entry:
                    keys.setdefault(key, at + 1)
            at += span
        if seen != len(entries):
            self.fail(name, "%d manifest entries point at no record start" % (len(entries) - seen))
        self.rows += record_no
        return record_no

    def check_entry(self, where, entry, raw, record_no, row, table, names):
        text = raw.decode("utf-8", "backslashreplace")
        if entry["text"] != text:
            self.fail(where, "manifest text %r differs from the record %r" % (entry["text"], text))
        if entry["record"] != record_no:
            self.fail(where, "manifest record %d, but it is record %d" % (entry["record"], record_no))
        if entry["row"] != row or entry["table"] != table:
            self.fail(where, "manifest says %s row %d, the file has %s row %d"
                      % (entry["table"], entry["row"], table, row))
        if entry["kind"] not in KINDS:
            self.fail(where, "unknown kind %r" % entry["kind"])
        if entry["column"] is not None and entry["column"] not in names:
            self.fail(where, "unknown column %r" % entry["column"])

    def check_clean(self, where, record, columns, keys):
        if not record.field_count_ok(columns):
            self.fail(where, "clean record is broken: %s" % (record.broken or "field count"))
            return
        bad = column_problems(record, columns)
        if bad:
            self.fail(where, "clean record has %s" % ", ".join(
                "%s: %s" % (columns[k].name, why) for k, why in bad.items()))
        key = tuple(record.fields[k] for k, c in enumerate(columns) if c.primary)
        if key and key in keys:
            self.fail(where, "clean record repeats the key of line %d" % keys[key])

    def check_dirty(self, where, fmt, entry, record, columns, keys):
        kind = entry["kind"]
        self.dirty += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        names = [c.name for c in columns]
        k = names.index(entry["column"]) if entry["column"] in names else -1
        if kind == "field_count":
            if record.field_count_ok(columns) or record.broken:
                self.fail(where, "field_count record has the right fields (or does not split)")
            return
        if kind == "quote":
            ok = (fmt == "csv" and record.raw.count(b'"') % 2 == 1) or (
                fmt == "jsonl" and record.broken and record.broken.startswith("not JSON"))
            if not ok:
                self.fail(where, "quote record has no open quote")
            return
        if not record.field_count_ok(columns):
            self.fail(where, "%s record is broken: %s" % (kind, record.broken or "field count"))
            return
        bad = column_problems(record, columns)
        expected = {
            "encoding": lambda why: why == "invalid UTF-8",
            "number": lambda why: why.startswith("not a"),
            "date": lambda why: why.startswith("not a"),
            "overflow": lambda why: why in ("out of range", "too long"),
            "null": lambda why: why.startswith("null"),
        }
        if kind == "duplicate":
            key = tuple(record.fields[i] for i, c in enumerate(columns) if c.primary)
            if bad or not key or key not in keys:
                self.fail(where, "duplicate record does not repeat an earlier key of its file "
                          "(or has other problems: %s)" % bad)
            return
        if k < 0 or set(bad) != {k} or not expected[kind](bad[k]):
            self.fail(where, "%s in %s expected, found %s" % (kind, entry["column"], bad or "none"))
        if kind == "number" and columns[k].base not in INTEGER_BITS and columns[k].base not in (
                "numeric", "decimal", "real", "float4", "float8", "float", "double precision"):
            self.fail(where, "number in a column of type %s" % columns[k].type)


# ---- runs ----------------------------------------------------------------------------------

def generate(cli, schema, out, fmt, fraction, extra):
    shutil.rmtree(out, ignore_errors=True)
    args = [cli, "generate", schema, "--out", out, "--format", fmt, "--dirty", str(fraction),
            "--quiet"] + extra
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("generate failed (%d): %s" % (run.returncode, run.stderr))
    return run.stderr


def check_run(cli, schema, tables, work, fmt, fraction, rows, extra):
    out = os.path.join(work, fmt + ("-" + "-".join(a.strip("-") for a in extra) if extra else ""))
    warnings = generate(cli, schema, out, fmt, fraction, rows + extra)
    entries = [json.loads(line) for line in open(os.path.join(out, MANIFEST), encoding="utf-8")]
    checker = Checker()
    files = sorted(f for f in os.listdir(out) if f != MANIFEST)
    for table, columns in tables.items():
        first_row = 0
        for f in [f for f in files if re.match(re.escape(table) + r"(_\d{5})?\.", f)]:
            mine = [e for e in entries if e["file"] == f]
            lines = [e["line"] for e in mine]
            if lines != sorted(lines):
                checker.fail(f, "manifest lines out of order")
            first_row += checker.check_file(fmt, os.path.join(out, f), table, columns, mine,
                                            first_row, fmt in ("csv", "tsv"))
    known = set(files)
    for e in entries:
        if e["file"] not in known:
            checker.fail(e["file"], "manifest names a file that is not there")
    share = checker.dirty / max(1, checker.rows)
    if abs(share - fraction) > max(0.004, fraction * 0.3):
        checker.fail(out, "%.4f of the rows are dirty, %.4f asked for" % (share, fraction))
    expected = set(KINDS) - ({"quote"} if fmt in ("tsv", "pgcopy") else set())
    if set(checker.kinds) != expected:
        checker.fail(out, "kinds written %s, expected %s" % (sorted(checker.kinds),
                                                              sorted(expected)))
    print("%-28s %6d records, %4d dirty: %s%s" % (
        os.path.basename(out), checker.rows, checker.dirty,
        ", ".join("%s %d" % kv for kv in sorted(checker.kinds.items())),
        ("; " + warnings.strip().replace("\n", "; ")) if warnings.strip() else ""))
    return out, entries, checker.problems


# ---- PostgreSQL ----------------------------------------------------------------------------

class Server:
    def __init__(self, cli, folder):
        self.cli, self.folder = cli, folder
        shutil.rmtree(folder, ignore_errors=True)  # a fresh cluster: no tables from before
        run = subprocess.run([cli, "server", "start", "--server-dir", folder, "--json"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit("server start failed: %s %s" % (run.stdout, run.stderr))
        state = json.loads(run.stdout.strip().splitlines()[-1])
        self.env = dict(os.environ, PGHOST=state["socketDir"], PGPORT=str(state["port"]),
                        PGUSER=state["user"], PGDATABASE=state["database"])

    def psql(self, *commands):
        args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        for c in commands:
            args += ["-c", c]
        return subprocess.run(args, capture_output=True, text=True, env=self.env)

    def load(self, table, path, fmt):
        return self.psql('TRUNCATE "%s"' % table,
                         '\\copy "%s" from \'%s\' %s' % (table, path, copy_options(fmt)))

    def stop(self):
        subprocess.run([self.cli, "server", "stop", "--server-dir", self.folder],
                       capture_output=True)


def copy_options(fmt):
    return "(format csv, header true)" if fmt == "csv" else "(format text)"


def check_pg(cli, ddl, tables, runs, work):
    problems = []
    # The server's folder lives under the temporary folder, not the build tree: as root (a clone
    # under /root) the 'postgres' user the server runs as could not reach the build tree.
    server = Server(cli, tempfile.mkdtemp(prefix="spillway-dirty-pg-"))
    try:
        creates = ddl.split("-- Constraints")[0]
        made = server.psql(creates)
        if made.returncode:
            return ["CREATE TABLE failed: " + made.stderr]
        rejected = {}
        for fmt, out, entries in runs:
            problems += pg_format(server, fmt, out, entries, tables, work, rejected)
        for fmt in sorted(rejected):
            print("PostgreSQL (%s) rejects: %s" % (fmt, ", ".join(sorted(rejected[fmt]))))
            for kind, reason in sorted(rejected[fmt].items()):
                print("    %-12s %s" % (kind, reason[:110]))
        for fmt, _, _ in runs:
            missing = set(KINDS) - set(rejected.get(fmt, {})) - (
                {"quote"} if fmt == "pgcopy" else set())
            if missing:
                problems.append("%s: no record of the kinds %s was tried in PostgreSQL"
                                % (fmt, ", ".join(sorted(missing))))
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)
    return problems


def pg_format(server, fmt, out, entries, tables, work, rejected):
    """Loads the clean records of every table, then each first dirty record of a kind after the
    records before it (so a duplicate's original is loaded first)."""
    problems = []
    for table in tables:
        path = os.path.join(out, "%s.%s" % (table, "copy" if fmt == "pgcopy" else fmt))
        lines = physical_lines(open(path, "rb").read())
        dirty = {}
        for e in entries:
            if e["file"] == os.path.basename(path):
                for n in range(e["line"], e["line"] + e.get("lines", 1)):
                    dirty[n] = e
        clean = [l for n, l in enumerate(lines, 1) if n not in dirty]
        target = os.path.join(work, "load." + fmt)
        open(target, "wb").write(b"\n".join(clean) + b"\n")
        load = server.load(table, target, fmt)
        if load.returncode:
            problems.append("%s %s: clean records did not load: %s" % (fmt, table, load.stderr))
        firsts = {}
        for e in entries:
            if e["file"] == os.path.basename(path):
                firsts.setdefault(e["kind"], e)
        for kind, e in firsts.items():
            before = [l for n, l in enumerate(lines[:e["line"] - 1], 1) if n not in dirty]
            record = lines[e["line"] - 1:e["line"] - 1 + e.get("lines", 1)]
            open(target, "wb").write(b"\n".join(before + record) + b"\n")
            load = server.load(table, target, fmt)
            if load.returncode == 0:
                problems.append("%s %s: PostgreSQL loaded a %s record (line %d)"
                                % (fmt, table, kind, e["line"]))
            else:
                reason = load.stderr.strip().splitlines()[0] if load.stderr.strip() else ""
                rejected.setdefault(fmt, {}).setdefault(kind, reason)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--fraction", type=float, default=0.01)
    parser.add_argument("--rows", default="customers=20000,notes=5000")
    parser.add_argument("--pg", action="store_true", help="also load into a private server")
    a = parser.parse_args()
    os.makedirs(a.work, exist_ok=True)
    ddl, tables = read_ddl(a.cli, a.schema)
    rows = sum((["--rows", r] for r in a.rows.split(",")), [])
    problems, runs = [], []
    for fmt, extra in [("csv", []), ("tsv", []), ("pgcopy", []), ("jsonl", []),
                       ("csv", ["--split-rows", "997", "--compress", "gzip"])]:
        out, entries, found = check_run(a.cli, a.schema, tables, a.work, fmt, a.fraction, rows,
                                        extra)
        problems += found
        if not extra and fmt in ("csv", "pgcopy"):
            runs.append((fmt, out, entries))
    if a.pg:
        problems += check_pg(a.cli, ddl, tables, runs, a.work)
    for p in problems[:200]:
        print("problem: " + p, file=sys.stderr)
    if problems:
        print("%d problem(s)" % len(problems), file=sys.stderr)
        return 1
    print("every manifest line is a record invalid as stated; every other record is valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
