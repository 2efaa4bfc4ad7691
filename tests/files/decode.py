#!/usr/bin/python3
"""Decodes a file Spillway wrote, independently of its encoders, and prints it as JSON:
{"header": [names] or null, "rows": [[text or null, ...], ...]}.

CSV is read with Python's csv module (RFC 4180). The csv module does not tell a quoted field
from an unquoted one, which is what separates NULL (the null string, unquoted) from a text equal
to it, so a small tokenizer written from RFC 4180 records that; both must agree on every value.

TSV and PostgreSQL COPY text are decoded as PostgreSQL's COPY FROM reads text format: rows end
at a newline, fields at a tab, a field equal to the null string (compared before de-escaping)
is NULL, and backslash sequences are de-escaped.

JSON Lines is read with Python's json module, one object per line; the header is the first
object's keys (every object must have the same keys in the same order) and each cell says what
JSON gave: null, {"s": string}, {"n": number as written} or {"b": true/false}.

Exit codes: 0 decoded, 3 the file is malformed (the reason on stderr), 2 bad arguments.
"""

import argparse
import csv
import io
import json
import sys


class Malformed(Exception):
    pass


def tokenize_csv(text, delimiter, quote):
    """RFC 4180 records as lists of (value, quoted)."""
    records, record, field = [], [], []
    quoted = in_quotes = after_quote = started = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if in_quotes:
            if c != quote:
                field.append(c)
            elif i + 1 < n and text[i + 1] == quote:
                field.append(quote)
                i += 1
            else:
                in_quotes, after_quote = False, True
        elif c == delimiter:
            record.append(("".join(field), quoted))
            field, quoted, after_quote, started = [], False, False, False
        elif c == "\n" or (c == "\r" and text[i + 1:i + 2] == "\n"):
            if c == "\r":
                i += 1
            record.append(("".join(field), quoted))
            records.append(record)
            record, field, quoted, after_quote, started = [], [], False, False, False
        elif c == quote and not started:
            in_quotes = quoted = started = True
        elif after_quote or c == quote or c == "\r":
            raise Malformed(f"unexpected {c!r} at character {i} outside quotes")
        else:
            field.append(c)
            started = True
        i += 1
    if in_quotes:
        raise Malformed("a quoted field is not closed at the end of the file")
    if started or record:
        raise Malformed("the last record does not end with a newline")
    return records


def decode_csv(data, delimiter, quote, null, header):
    text = data.decode("utf-8")
    tokens = tokenize_csv(text, delimiter, quote)
    # PostgreSQL's COPY FROM stops at a line holding only \. unless that \. is quoted.
    for number, record in enumerate(tokens, 1):
        if record == [("\\.", False)]:
            raise Malformed(f"record {number} is a bare \\. that COPY reads as the end of data")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=quote,
                        doublequote=True, strict=True, skipinitialspace=False)
    parsed = [row if row else [""] for row in reader]  # csv gives [] for a blank line
    if [[v for v, _ in r] for r in tokens] != parsed:
        raise Malformed("the csv module and the RFC 4180 tokenizer disagree")
    rows = [[None if (not q and v == null) else v for v, q in r] for r in tokens]
    names = None
    if header:
        if not rows:
            raise Malformed("no header line")
        names = [v for v, _ in tokens[0]]
        rows = rows[1:]
    return names, rows


ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def unescape_text(field):
    out = bytearray()
    i, n = 0, len(field)
    while i < n:
        c = field[i]
        if c != 0x5C:  # backslash
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise Malformed("a field ends with a lone backslash")
        e = chr(field[i + 1])
        i += 2
        if e in ESCAPES:
            out += ESCAPES[e].encode()
        elif e in "01234567":
            digits = e
            while len(digits) < 3 and i < n and chr(field[i]) in "01234567":
                digits += chr(field[i])
                i += 1
            out.append(int(digits, 8) & 0xFF)
        elif e == "x" and i < n and chr(field[i]) in "0123456789abcdefABCDEF":
            digits = chr(field[i])
            i += 1
            if i < n and chr(field[i]) in "0123456789abcdefABCDEF":
                digits += chr(field[i])
                i += 1
            out.append(int(digits, 16))
        else:
            out += e.encode("latin-1")  # any other character stands for itself
    return out.decode("utf-8")


def decode_text(data, null, header):
    if data and not data.endswith(b"\n"):
        raise Malformed("the last row does not end with a newline")
    null_bytes = null.encode("utf-8")
    rows = []
    for number, line in enumerate(data.split(b"\n")[:-1], 1):
        if b"\r" in line:
            raise Malformed(f"line {number} holds a raw carriage return, an end of line to COPY")
        if line == b"\\.":
            raise Malformed(f"line {number} is the end-of-data marker \\.")
        rows.append([None if f == null_bytes else unescape_text(f) for f in line.split(b"\t")])
    names = None
    if header:
        if not rows:
            raise Malformed("no header line")
        names, rows = rows[0], rows[1:]
    return names, rows


class Number(str):
    """A JSON number, kept as written (12.30 stays 12.30)."""


def not_json(constant):
    raise Malformed(f"{constant} is not JSON")


def decode_jsonl(data):
    if data and not data.endswith(b"\n"):
        raise Malformed("the last row does not end with a newline")
    names, rows = None, []
    for number, line in enumerate(data.split(b"\n")[:-1], 1):
        try:
            pairs = json.loads(line.decode("utf-8"), parse_int=Number, parse_float=Number,
                               parse_constant=not_json,
                               object_pairs_hook=lambda p: p)
        except json.JSONDecodeError as e:
            raise Malformed(f"line {number}: {e}")
        if not isinstance(pairs, list):
            raise Malformed(f"line {number} is not a JSON object")
        keys = [k for k, _ in pairs]
        if names is None:
            names = keys
        elif keys != names:
            raise Malformed(f"line {number} has keys {keys}, not {names}")
        rows.append([cell(v, number) for _, v in pairs])
    return names, rows


def cell(v, number):
    if v is None:
        return None
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, Number):
        return {"n": str(v)}
    if isinstance(v, str):
        return {"s": v}
    raise Malformed(f"line {number} holds a nested value: {v!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--format", choices=["csv", "tsv", "pgcopy", "jsonl"], required=True)
    parser.add_argument("--delimiter", default=",")
    parser.add_argument("--quote", default='"')
    parser.add_argument("--null", default=None)
    parser.add_argument("--header", action="store_true")
    parser.add_argument("file")
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        data = f.read()
    try:
        if args.format == "jsonl":
            names, rows = decode_jsonl(data)
        elif args.format == "csv":
            names, rows = decode_csv(data, args.delimiter, args.quote,
                                     "" if args.null is None else args.null, args.header)
        else:
            null = args.null if args.null is not None else ("\\N" if args.format == "pgcopy" else "")
            names, rows = decode_text(data, null, args.header)
    except (Malformed, csv.Error, UnicodeDecodeError) as e:
        print(f"{args.file}: {e}", file=sys.stderr)
        return 3
    json.dump({"header": names, "rows": rows}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
