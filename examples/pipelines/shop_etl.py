#!/usr/bin/env python3
"""shop_etl.py: a small, real ETL for Spillway's pipeline example.

It loads a shop's CSV exports (customers*.csv and orders*.csv, optionally gzip-compressed, as
`spillway-cli generate examples/pipelines/shop.json` writes them) into PostgreSQL the way many
production pipelines do, with Python's standard library and psql only:

  1. extract: each file is read line by line; a line that is not valid UTF-8, leaves a quoted
     field open or has the wrong number of fields is rejected here, and so is a line whose key
     an earlier line of the file already had;
  2. stage: the other lines are copied (psql \\copy) into a staging table of text columns;
  3. check: SQL type-checks every value against the target's types (whole numbers, numeric
     precision, timestamps, varchar lengths, required columns) and rejects failing rows;
  4. load: good rows go into the target tables in batches, each batch in one transaction with its
     row in the load ledger (shop_etl.ledger), with columns renamed (id -> customer_id,
     name -> full_name, id -> order_id) and the free-text note dropped.

Rejected lines go to a reject file, JSON Lines {"file", "line", "reason"} with the line number
of the input file (the header is line 1). A restart skips the batches the ledger lists for the
same file content, so running it again after a crash loads every row exactly once.

The connection comes from psql's PG* variables (spillway-cli pipeline sets them) or --db.
Exit status: 0 loaded (rejected lines are not a failure), 1 error, 75 --crash-after stopped it.

Variants, for showing what Spillway's verify catches:
  --broken  restarts wrongly: resumes from a checkpoint instead of the ledger's batches, one
            batch too early for orders (a batch loaded twice) and one too late for customers
            (a batch never loaded). Only visible after a restart (--crash-after N, then again).
  --lax     does not check: reads broken lines leniently, turns bad values into NULL or a
            default, cuts long text, and loads duplicate keys (dirty rows get in).
"""

import argparse
import csv
import datetime
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CRASH_STATUS = 75  # EX_TEMPFAIL: what a scheduler retries


class Column:
    def __init__(self, source, target, kind, n=0, s=0, required=True):
        self.source, self.target, self.kind, self.n, self.s = source, target, kind, n, s
        self.required = required

    def sql_type(self):
        if self.kind in ("varchar", "char"):
            return f"{self.kind}({self.n})"
        if self.kind == "numeric":
            return f"numeric({self.n},{self.s})"
        return self.kind


class Table:
    def __init__(self, name, target, key, conflict, columns):
        self.name, self.target, self.key, self.conflict = name, target, key, conflict
        self.columns = columns


# What the ETL knows about its input and where each column goes (target None: dropped).
TABLES = [
    Table("customers", "shop.customer", "id", "customer_id", [
        Column("id", "customer_id", "bigint"),
        Column("name", "full_name", "varchar", 40),
        Column("email", "email", "varchar", 80),
        Column("country", "country", "char", 2),
        Column("signed_up_at", "signed_up_at", "timestamp"),
        Column("credit_limit", "credit_limit", "numeric", 12, 2),
        Column("note", None, "text", required=False),
    ]),
    Table("orders", "shop.orders_clean", "id", None, [
        Column("id", "order_id", "bigint"),
        Column("customer_id", "customer_id", "bigint"),
        Column("ordered_at", "ordered_at", "timestamp"),
        Column("quantity", "quantity", "integer"),
        Column("total", "total", "numeric", 12, 2),
        Column("status", "status", "varchar", 12),
        Column("note", None, "text", required=False),
    ]),
]
FILE_NAME = re.compile(r"^(?P<table>[a-z_]+?)(_\d+)?\.csv(\.gz)?$")

# Type checks in SQL: NULL when v fits the column, else why not. The strict shapes come first
# (PostgreSQL also accepts 'NaN', 'infinity', ' 12 ' or 'yesterday', which no export writes);
# the casts then catch what only PostgreSQL knows (2025-02-30, integer ranges).
CHECK_FUNCTION = r"""
CREATE FUNCTION pg_temp.shop_check(v text, kind text, n integer, s integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF v IS NULL THEN
        RETURN NULL;
    ELSIF kind IN ('bigint', 'integer') THEN
        IF v !~ '^[+-]?[0-9]+$' THEN
            RETURN format('%L is not a whole number', v);
        END IF;
    ELSIF kind = 'numeric' THEN
        IF v !~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$' THEN
            RETURN format('%L is not a number', v);
        ELSIF abs(round(v::numeric, s)) >= 10::numeric ^ (n - s) THEN
            RETURN format('%s does not fit numeric(%s,%s)', v, n, s);
        END IF;
        RETURN NULL;
    ELSIF kind = 'timestamp' THEN
        IF v !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?$' THEN
            RETURN format('%L is not a timestamp YYYY-MM-DD HH:MM:SS', v);
        END IF;
    ELSIF kind IN ('varchar', 'char') THEN
        IF char_length(v) > n THEN
            RETURN format('%s characters, more than %s', char_length(v), n);
        END IF;
        RETURN NULL;
    ELSE
        RETURN NULL;
    END IF;
    BEGIN
        IF kind = 'bigint' THEN
            PERFORM v::bigint;
        ELSIF kind = 'integer' THEN
            PERFORM v::integer;
        ELSE
            PERFORM v::timestamp;
        END IF;
    EXCEPTION WHEN data_exception THEN
        RETURN SQLERRM;
    END;
    RETURN NULL;
END $$;
"""

# What --lax puts into a required column instead of a value it could not use.
LAX_DEFAULTS = {"bigint": "0", "integer": "0", "numeric": "0", "timestamp": "'1970-01-01'",
                "varchar": "''", "char": "''", "text": "''"}


class EtlError(Exception):
    pass


class Crash(Exception):
    pass


def log(message, error=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    print(f"{stamp} shop_etl: {message}", file=sys.stderr if error else sys.stdout, flush=True)


def ident(name):
    return '"' + name.replace('"', '""') + '"'


def literal(text):
    return "'" + text.replace("'", "''") + "'"


class Psql:
    """Runs a one-off SQL script through psql; the connection is psql's (PG* variables) or --db."""

    def __init__(self, db):
        self.base = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
        if db:
            self.base += ["-d", db]

    def run(self, script):
        done = subprocess.run(self.base + ["-f", "-"], input=script, capture_output=True,
                              text=True)
        if done.returncode != 0:
            raise EtlError("psql failed: " + done.stderr.strip())
        return done.stdout

    def session(self):
        return Session(self.base)


class Session:
    """One psql process kept open for a file: its temporary staging table lives as long."""

    MARK = "--shop-etl-done--"

    def __init__(self, base):
        self.errors = tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(base, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.errors, text=True, bufsize=1)
        self.query("SET client_min_messages = warning;")

    def query(self, script):
        """What psql prints for `script` (ended by an \\echo of a mark psql flushes)."""
        try:
            self.process.stdin.write(script.rstrip("\n") + f"\n\\echo {self.MARK}\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            raise self.failure() from None
        lines = []
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise self.failure()
            if line.rstrip("\n") == self.MARK:
                return "".join(lines)
            lines.append(line)

    def failure(self):
        self.process.wait()
        self.errors.seek(0)
        return EtlError("psql failed: " + self.errors.read().strip())

    def close(self, crashed=False):
        if crashed:
            self.process.kill()  # as a crash does: the open transaction is lost
        else:
            self.process.stdin.close()
        self.process.wait()
        self.errors.close()


def split_line(text):
    """Fields of one CSV line as PostgreSQL's COPY reads them; None when a quote stays open."""
    if '"' not in text:
        return text.split(",")
    fields, current, quoted, i = [], [], False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == '"' and text[i + 1:i + 2] == '"':
            current.append('"')
            i += 1
        elif c == '"':
            quoted = not quoted
        elif c == "," and not quoted:
            fields.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    if quoted:
        return None
    fields.append("".join(current))
    return fields


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return hashlib.sha1(data).hexdigest()[:16], [line.rstrip(b"\r") for line in lines]


class Extract:
    """Step 1: the lines of one file that can be staged, and the rejected ones."""

    def __init__(self, table, lax):
        self.table, self.lax = table, lax
        self.rejects = []  # (line, category, reason)
        self.staged = io.StringIO()
        self.header = []
        self.lines = 0

    def run(self, lines):
        if not lines:
            raise EtlError("the file is empty: it has no header line")
        self.header = split_line(lines[0].decode("utf-8", "replace")) or []
        missing = [c.source for c in self.table.columns if c.source not in self.header]
        if missing:
            raise EtlError(f"the header lacks {', '.join(missing)}: is it a {self.table.name} file?")
        key_at = self.header.index(self.table.key)
        seen = {}
        writer = csv.writer(self.staged, lineterminator="\n")
        for number, raw in enumerate(lines[1:], start=2):
            self.lines += 1
            fields = self.fields(number, raw, writer)
            if fields is None:
                continue
            key = fields[key_at].strip()
            if key and key in seen and not self.lax:
                self.reject(number, "duplicate",
                            f"duplicate key {self.table.key}={key} (first on line {seen[key]})")
                continue
            seen.setdefault(key, number)
            if self.lax:
                writer.writerow([number] + fields)
            else:
                self.staged.write(f"{number},{raw.decode('utf-8')}\n")

    def fields(self, number, raw, writer):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            if not self.lax:
                self.reject(number, "encoding",
                            f"not UTF-8: byte 0x{raw[e.start]:02x} at byte {e.start + 1}")
                return None
            text = raw.decode("utf-8", "replace")
        fields = split_line(text)
        if self.lax:
            if fields is None:
                fields = next(csv.reader([text]))
            width = len(self.header)
            return (fields + [""] * width)[:width]
        if fields is None:
            self.reject(number, "quote", "a quoted field is not closed on its line")
            return None
        if len(fields) != len(self.header):
            self.reject(number, "field count",
                        f"{len(fields)} fields where the header has {len(self.header)}")
            return None
        return fields

    def reject(self, line, category, reason):
        self.rejects.append((line, category, reason))


class FileLoad:
    """Steps 2 to 4 for one file: stage, check, load in batches with the ledger."""

    def __init__(self, options, psql, table, path):
        self.options, self.psql, self.table, self.path = options, psql, table, path
        self.file = os.path.relpath(path, options.files)
        self.stage = "stage"  # a temporary table: each file's session has its own
        self.session = None

    def run(self, state):
        digest, lines = read_lines(self.path)
        extract = Extract(self.table, self.options.lax)
        extract.run(lines)
        log(f"{self.file}: read {extract.lines} lines, {len(extract.rejects)} rejected on "
            f"reading; staging the rest")
        self.session = self.psql.session()
        crashed = False
        try:
            self.load(digest, extract, state)
        except Crash:
            crashed = True
            raise
        finally:
            self.session.close(crashed)

    def load(self, digest, extract, state):
        rejects, batches, staged = self.stage_and_check(extract)
        rejects = sorted(extract.rejects + rejects)
        state.write_rejects(self.file, rejects)
        if rejects:
            counts = Counter(category for _, category, _ in rejects)
            log(f"{self.file}: {len(rejects)} lines rejected ("
                + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")", error=True)
        log(f"{self.file}: {staged} rows pass the checks: {batches} batches of at most "
            f"{self.options.batch_rows}")
        self.load_batches(digest, batches, state)

    def stage_and_check(self, extract):
        columns = ", ".join(ident(name) + " text" for name in extract.header)
        with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8") as staged:
            staged.write(extract.staged.getvalue())
            staged.flush()
            script = (f"CREATE TEMPORARY TABLE {self.stage} (line integer, {columns}, "
                      f"reason text, batch integer);\n"
                      f"\\copy {self.stage} (line, "
                      + ", ".join(ident(name) for name in extract.header)
                      + f") from {literal(staged.name)} (format csv)\n"
                      + CHECK_FUNCTION + self.check_sql() + self.report_sql())
            out = self.session.query(script)
        rejects, batches, staged_rows = [], 0, 0
        for row in csv.reader(io.StringIO(out)):
            if row[0] == "reject":
                column = row[2].split(":", 1)[0]
                rejects.append((int(row[1]), column, row[2]))
            else:
                batches, staged_rows = int(row[1]), int(row[2])
        return rejects, batches, staged_rows

    def check_sql(self):
        if self.options.lax:
            return self.coerce_sql()
        checks = []
        for c in self.table.columns:
            if c.required:
                checks.append(f"CASE WHEN {ident(c.source)} IS NULL THEN "
                              f"{literal(c.source + ': empty in a required column')} END")
            if c.kind != "text":
                checks.append(f"{literal(c.source + ': ')} || pg_temp.shop_check("
                              f"{ident(c.source)}, {literal(c.kind)}, {c.n}, {c.s})")
        return f"UPDATE {self.stage} SET reason = COALESCE({', '.join(checks)});\n"

    def coerce_sql(self):
        # --lax: what a pipeline without checks ends up doing.
        sets = []
        for c in self.table.columns:
            name = ident(c.source)
            if c.kind in ("varchar", "char"):
                sets.append(f"{name} = left({name}, {c.n})")
            elif c.kind != "text":
                sets.append(f"{name} = CASE WHEN pg_temp.shop_check({name}, {literal(c.kind)}, "
                            f"{c.n}, {c.s}) IS NULL THEN {name} END")
        key = ident(self.table.key)
        return (f"UPDATE {self.stage} SET {', '.join(sets)};\n"
                f"UPDATE {self.stage} SET reason = {literal(self.table.key + ': no key')} "
                f"WHERE {key} IS NULL;\n")

    def report_sql(self):
        size = self.options.batch_rows
        return (f"UPDATE {self.stage} s SET batch = n.b FROM (SELECT line, (row_number() OVER "
                f"(ORDER BY line) - 1) / {size} AS b FROM {self.stage} WHERE reason IS NULL) n "
                f"WHERE s.line = n.line;\n"
                f"CREATE INDEX ON {self.stage} (batch);\n"
                f"\\copy (SELECT 'reject', line, reason FROM {self.stage} WHERE reason IS NOT "
                f"NULL UNION ALL SELECT 'batches', coalesce(max(batch) + 1, 0), count(batch)::text "
                f"FROM {self.stage}) to stdout (format csv)\n")

    def load_batches(self, digest, batches, state):
        done = self.committed(digest)
        todo = [b for b in range(batches) if b not in done]
        if self.options.broken and done:
            # The bug: resume from a checkpoint, trusting it more than the ledger.
            resume = max(done) + (2 if self.table.name == "customers" else 0)
            todo = list(range(resume, batches))
        if done:
            log(f"{self.file}: restart: the ledger lists {len(done)} of {batches} batches as "
                f"loaded; loading batches {self.ranges(todo) or 'none'}", error=True)
        for batch in todo:
            state.before_batch()
            rows = self.session.query(self.batch_sql(digest, batch)).strip()
            log(f"{self.file}: batch {batch + 1}/{batches}: {rows or 0} rows into "
                f"{self.table.target}")
            state.after_batch(int(rows or 0))

    def committed(self, digest):
        out = self.session.query(f"SELECT batch FROM shop_etl.ledger WHERE file = "
                            f"{literal(self.file)} AND digest = {literal(digest)};")
        return {int(v) for v in out.split()}

    @staticmethod
    def ranges(batches):
        return ", ".join(str(b + 1) for b in batches[:8]) + (" ..." if len(batches) > 8 else "")

    def batch_sql(self, digest, batch):
        targets, values = [], []
        for c in self.table.columns:
            if c.target is None:
                continue
            targets.append(ident(c.target))
            value = f"{ident(c.source)}::{c.sql_type()}"
            if self.options.lax and c.required:
                value = f"COALESCE({value}, {LAX_DEFAULTS[c.kind]})"
            values.append(value)
        conflict = ""
        if self.table.conflict and not self.options.broken:
            conflict = f" ON CONFLICT ({ident(self.table.conflict)}) DO NOTHING"
        return (f"WITH ins AS (INSERT INTO {self.table.target} ({', '.join(targets)}) "
                f"SELECT {', '.join(values)} FROM {self.stage} WHERE batch = {batch} "
                f"ORDER BY line{conflict} RETURNING 1) "
                f"INSERT INTO shop_etl.ledger (file, digest, batch, rows) "
                f"SELECT {literal(self.file)}, {literal(digest)}, {batch}, count(*) FROM ins "
                f"ON CONFLICT DO NOTHING RETURNING rows;")


class State:
    """What the whole run shares: the reject file and the batch count for --crash-after."""

    def __init__(self, options):
        self.options = options
        self.batches = 0
        self.rows = 0
        self.started = time.monotonic()
        self.rejected = 0
        self.rejects = open(options.rejects, "w", encoding="utf-8")

    def write_rejects(self, file, rejects):
        for line, _, reason in rejects:
            self.rejects.write(json.dumps({"file": file, "line": line, "reason": reason},
                                          ensure_ascii=False) + "\n")
        self.rejects.flush()
        self.rejected += len(rejects)

    def before_batch(self):
        if self.options.crash_after is not None and self.batches >= self.options.crash_after:
            raise Crash()

    def after_batch(self, rows):
        self.batches += 1
        self.rows += rows
        if self.options.rate:
            # --rate: no faster than this, as a pipeline sharing a busy database is held back.
            ahead = self.rows / self.options.rate - (time.monotonic() - self.started)
            if ahead > 0:
                time.sleep(ahead)


def input_files(options):
    wanted = {t.name: t for t in TABLES if not options.only or t.name in options.only}
    found = []
    for name in sorted(os.listdir(options.files)):
        match = FILE_NAME.match(name)
        if match and match.group("table") in wanted:
            table = wanted[match.group("table")]
            found.append((TABLES.index(table), name, table))
    return [(table, os.path.join(options.files, name)) for _, name, table in sorted(found)]


def prepare(psql):
    # Concurrent runs may all find an empty database: the advisory lock lets one create.
    psql.run("SELECT pg_advisory_lock(1313);\n"
             f"\\i {literal(os.path.join(HERE, 'target.sql'))}\n"
             "SELECT pg_advisory_unlock(1313);\n")


def reset(psql):
    prepare(psql)
    psql.run("TRUNCATE shop.customer, shop.orders_clean, shop_etl.ledger;\n")
    log("reset: shop.customer, shop.orders_clean and the load ledger are empty")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", default=os.environ.get("SPILLWAY_FILES"),
                        help="folder of the CSV files (default: $SPILLWAY_FILES)")
    parser.add_argument("--db", help="psql connection (default: the PG* variables)")
    parser.add_argument("--only", action="append", choices=[t.name for t in TABLES],
                        help="load only this table's files (repeatable)")
    parser.add_argument("--rejects", help="the reject file (default: $SHOP_REJECTS, else "
                        "shop-rejects.jsonl in the files folder, or shop-rejects-TABLE.jsonl "
                        "with one --only)")
    parser.add_argument("--batch-rows", type=int, default=500, help="rows per batch (500)")
    parser.add_argument("--rate", type=float, metavar="ROWS_PER_S",
                        help="load at most this many rows per second (default: no limit)")
    parser.add_argument("--crash-after", type=int, metavar="N",
                        help="stop with status 75 after committing N batches (a crash)")
    parser.add_argument("--broken", action="store_true", help="restart wrongly (see above)")
    parser.add_argument("--lax", action="store_true", help="load without checks (see above)")
    parser.add_argument("--reset", action="store_true",
                        help="empty the target tables and the ledger, then stop")
    options = parser.parse_args()
    if not options.files and not options.reset:
        parser.error("no input: set SPILLWAY_FILES or give --files")
    if not options.rejects:
        options.rejects = os.environ.get("SHOP_REJECTS") or os.path.join(
            options.files or ".", "shop-rejects-%s.jsonl" % options.only[0]
            if options.only and len(options.only) == 1 else "shop-rejects.jsonl")
    return options


def main():
    options = parse_arguments()
    psql = Psql(options.db)
    try:
        if options.reset:
            reset(psql)
            return 0
        prepare(psql)
        files = input_files(options)
        if not files:
            raise EtlError(f"no customers*.csv or orders*.csv in {options.files}")
        variant = " (broken restart)" if options.broken else " (lax: no checks)" if options.lax else ""
        log(f"loading {len(files)} files from {options.files}{variant}; rejects go to "
            f"{options.rejects}")
        state = State(options)
        for table, path in files:
            FileLoad(options, psql, table, path).run(state)
        log(f"done: {state.batches} batches committed, {state.rejected} lines rejected")
        return 0
    except Crash:
        log(f"simulated crash after {options.crash_after} committed batches", error=True)
        return CRASH_STATUS
    except (EtlError, OSError) as e:
        log(f"error: {e}", error=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
