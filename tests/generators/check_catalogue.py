#!/usr/bin/python3
"""Checks the generator catalogue end to end with independent Python parsers: spillway-cli
generates example:wide as CSV and JSON Lines (plain, gzip and zstd), and every column of every
row is validated against the bundled dictionaries (resources/dictionaries) and the standard
library (email.utils, ipaddress, uuid, json, datetime, zoneinfo). example:iot and
example:webevents are generated too: readings are time-ordered per device, event ids are
UUIDv7 carrying the event's instant.

Usage: check_catalogue.py SPILLWAY_CLI SOURCE_DIR"""
import collections
import csv
import datetime as dt
import email.utils
import gzip
import io
import ipaddress
import json
import math
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse
import uuid
import zoneinfo
from decimal import Decimal

CLI = sys.argv[1]
ROOT = pathlib.Path(sys.argv[2])
DICTIONARIES = ROOT / "resources/dictionaries"
UTC = dt.timezone.utc

problems = collections.defaultdict(list)  # column -> messages


def fail(column, message):
    problems[column].append(message)


# --- the dictionaries, read independently of Spillway -------------------------------------------


def tsv(name):
    with open(DICTIONARIES / name, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


FIRST_NAMES = {row[0]: row[1] for row in tsv("first_names.tsv")}
LAST_NAMES = {row[0] for row in tsv("last_names.tsv")}
COMPANY_STEMS = {row[0] for row in tsv("companies.tsv")}
COMPANY_SUFFIXES = {row[0] for row in tsv("company_suffixes.tsv")}
JOB_TITLES = {row[0] for row in tsv("job_titles.tsv")}
USER_AGENTS = {row[1] for row in tsv("user_agents.tsv")}
FREE_DOMAINS = {row[0] for row in tsv("email_domains.tsv")}
TLDS = {row[0] for row in tsv("tlds.tsv")}
STREETS = collections.defaultdict(set)
for language, street, _ in tsv("streets.tsv"):
    STREETS[language].add(street)
with open(DICTIONARIES / "words.txt", encoding="utf-8") as words:
    WORDS = {line.strip() for line in words if line.strip() and not line.startswith("#")}
COUNTRIES = {}  # alpha2 -> fields
for alpha2, alpha3, numeric, name, currency, language, order, iban in tsv("countries.tsv"):
    COUNTRIES[alpha2] = dict(alpha3=alpha3, numeric=numeric, name=name, currency=currency, language=language,
                             number_first=order != "number-last", iban=None if iban == "-" else iban)
CITIES = collections.defaultdict(list)  # (city, region) -> rows
for name, region, code, country, population, lat, lon, postal, phone in tsv("cities.tsv"):
    CITIES[(name, region)].append(dict(code=code, country=country, lat=float(lat), lon=float(lon),
                                       postal=postal, phone=phone))

# --- independent parsers ------------------------------------------------------------------------

SPECIAL_FOLDS = {"Æ": "AE", "æ": "ae", "Þ": "TH", "þ": "th", "ß": "ss", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
                 "Ð": "D", "ð": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Ĳ": "IJ", "ĳ": "ij", "ĸ": "k", "Ŀ": "L",
                 "ŀ": "l", "Ł": "L", "ł": "l", "ŉ": "n", "Ŋ": "N", "ŋ": "n", "Œ": "OE", "œ": "oe", "Ŧ": "T",
                 "ŧ": "t", "ſ": "s"}


def fold(text):
    """Latin letters without their diacritics; other non-ASCII characters dropped."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        elif 0xC0 <= ord(ch) <= 0x17F and ch not in "×÷":
            base = SPECIAL_FOLDS.get(ch) or unicodedata.normalize("NFKD", ch)[0]
            out.append(base if base.isascii() else "")
    return "".join(out)


def slug(text):
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


def local_part_ok(local, first, last):
    """The local part is one of the shapes made from the names."""
    f, l = slug(first) or "user", slug(last)
    shapes = [re.escape(f) + r"(19[5-9]\d|200\d)"]
    if l:
        shapes += [re.escape(f) + r"\." + re.escape(l), re.escape(f + l), re.escape(f[0] + l),
                   re.escape(f) + "_" + re.escape(l), re.escape(f) + r"\." + re.escape(l) + r"[1-9]\d"]
    return re.fullmatch("|".join(shapes), local) is not None


EMAIL = re.compile(r"[a-z0-9._]+@[a-z0-9-]+(\.[a-z0-9-]+)+")


def check_email(column, value, first, last, domains=None):
    name, address = email.utils.parseaddr(value)
    if not EMAIL.fullmatch(value) or address != value or name:
        return fail(column, f"not a plain address: {value!r}")
    local, domain = value.split("@")
    if domains is not None and domain not in domains:
        fail(column, f"{value}: domain not one of {sorted(domains)[:5]}...")
    if not local_part_ok(local, first, last):
        fail(column, f"{value}: local part not made from {first!r} {last!r}")


def luhn(digits):
    total = 0
    for k, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if k % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


CARD_BRANDS = [(r"4", 16), (r"5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720", 16), (r"3[47]", 15),
               (r"6011|64[4-9]|65", 16)]


def check_card(column, value):
    if not re.fullmatch(r"\d{15,16}", value) or not luhn(value):
        return fail(column, f"not Luhn-valid: {value}")
    if not any(re.match(p, value) and len(value) == n for p, n in CARD_BRANDS):
        fail(column, f"no brand has this prefix and length: {value}")


def iban_mod97(value):
    moved = value[4:] + value[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97


def parse_pg_array(text):
    """A one-dimensional PostgreSQL array literal, as array_in reads it (None for NULL)."""
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("not in braces")
    body, items, i = text[1:-1], [], 0
    if not body:
        return items
    while True:
        if body[i] == '"':
            i, item = i + 1, []
            while body[i] != '"':
                if body[i] == "\\":
                    i += 1
                item.append(body[i])
                i += 1
            items.append("".join(item))
            i += 1
        else:
            end = body.find(",", i)
            end = len(body) if end < 0 else end
            item = body[i:end]
            if not item or re.search(r'["{}\\\s]', item):
                raise ValueError(f"bad unquoted element {item!r}")
            items.append(None if item.upper() == "NULL" else item)
            i = end
        if i == len(body):
            return items
        if body[i] != ",":
            raise ValueError("junk after an element")
        i += 1


# PostgreSQL's interval output: "3 days", "1 day 04:05:06", "00:00:01.5".
INTERVAL = re.compile(r"(?:(\d+) (days?))?(?:(?:^| )(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?")


def interval_seconds(text):
    m = INTERVAL.fullmatch(text)
    if not text or not m:
        raise ValueError(f"not a PostgreSQL interval: {text!r}")
    days, unit, h, mi, s, frac = m.groups()
    if days is not None and (unit == "day") != (days == "1"):
        raise ValueError(f"day/days mismatch: {text!r}")
    return int(days or 0) * 86400 + int(h or 0) * 3600 + int(mi or 0) * 60 + int(s or 0) + float("0." + (frac or "0"))


def parse_timestamptz(text):
    if not re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?", text):
        raise ValueError(f"not a timestamptz: {text!r}")
    if re.search(r"[+-]\d\d$", text):
        text += ":00"  # Python before 3.11 wants +HH:MM
    return dt.datetime.fromisoformat(text)


def zone_offsets(instant, zones):
    """The offsets the zones have at the instant (fixed offsets as given)."""
    out = set()
    for zone in zones:
        if re.fullmatch(r"[+-]\d\d(:\d\d)?", zone):
            sign = -1 if zone[0] == "-" else 1
            out.add(sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6] or 0)))
        else:
            out.add(instant.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset())
    return out


def check_timestamptz(column, text, lo, hi, zones):
    try:
        t = parse_timestamptz(text)
    except ValueError as e:
        return fail(column, str(e))
    if not lo <= t.astimezone(UTC) <= hi:
        fail(column, f"{text} outside [{lo}, {hi}]")
    if t.utcoffset() not in zone_offsets(t, zones):
        fail(column, f"{text}: offset {t.utcoffset()} is none of {zones} at that instant")
    return t


def uuid_v7_ms(column, text):
    u = uuid.UUID(text)
    if str(u) != text or u.version != 7 or u.variant != uuid.RFC_4122:
        fail(column, f"not a UUIDv7: {text}")
    return u.int >> 80


def near_city(column, lat, lon, city, km=10):
    """Within ten standard deviations of the scatter around the city."""
    limit = 10 * km / 111.32
    cos_lat = max(0.05, math.cos(math.radians(city["lat"])))
    if abs(lat - city["lat"]) > limit or abs(lon - city["lon"]) * cos_lat > limit:
        fail(column, f"({lat}, {lon}) is not near {city}")


def epoch_ms(t):
    return (t - dt.datetime(1970, 1, 1, tzinfo=UTC)) // dt.timedelta(milliseconds=1)


def run(*args):
    result = subprocess.run([CLI, *args, "--quiet", "--no-record"], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"spillway-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- example:wide ------------------------------------------------------------------------------

SEEN_AT = (dt.datetime(2025, 1, 1, tzinfo=UTC), dt.datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC),
           ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "+05:45"])
ALPS = (5.9, 45.8, 10.5, 47.8)
UUID7_START_MS = int(dt.datetime(2025, 1, 1, tzinfo=UTC).timestamp() * 1000)


def check_range(column, text, lo, hi, pattern=r"-?\d+"):
    if not re.fullmatch(pattern, text) or not lo <= Decimal(text) <= hi:
        fail(column, f"{text!r} is not a number in [{lo}, {hi}]")


def check_words(column, text, lo, hi, capitalized=False, suffix=""):
    if not text.endswith(suffix):
        return fail(column, f"{text!r} does not end with {suffix!r}")
    words = text[:len(text) - len(suffix)].split(" ")
    if not lo <= len(words) <= hi or any(w.lower() not in WORDS for w in words):
        fail(column, f"{text!r}: not {lo}-{hi} dictionary words")
    if capitalized and not words[0][0].isupper():
        fail(column, f"{text!r} is not capitalized")


def company_shape(company):
    """Stem, stem and suffix, last name and suffix, or two last names."""
    if company in COMPANY_STEMS:
        return True
    parts = company.split(" & ")
    if len(parts) == 2 and all(p in LAST_NAMES for p in parts):
        return True
    for suffix in COMPANY_SUFFIXES:
        head = company[:-len(suffix) - 1]
        if company.endswith(" " + suffix) and (head in COMPANY_STEMS or head in LAST_NAMES):
            return True
    return False


def check_company(column, company, domain):
    if not company_shape(company):
        fail(column, f"{company!r} is not stem [suffix], last suffix or last & last")
    label, _, tld = domain.partition(".")
    if not re.fullmatch(r"[a-z0-9]+", label) or tld not in TLDS or not slug(company).startswith(label):
        fail(column, f"domain {domain!r} does not belong to {company!r}")


def check_place(row):
    """The city row of the dictionary and everything that follows from it."""
    cities = CITIES.get((row["city"], row["region"]), [])
    if len(cities) != 1:
        return fail("city", f"{row['city']} / {row['region']} is not one dictionary row")
    city = cities[0]
    country = COUNTRIES[city["country"]]
    expected = dict(region_code=city["code"], country_alpha2=city["country"], country=country["name"],
                    country_alpha3=country["alpha3"], country_numeric=country["numeric"],
                    currency=country["currency"])
    for column, value in expected.items():
        if row[column] != value:
            fail(column, f"{row[column]!r} but {row['city']} gives {value!r}")
    if not re.fullmatch(city["postal"], row["postal_code"]):
        fail("postal_code", f"{row['postal_code']!r} does not match {city['postal']!r} of {row['city']}")
    if not re.fullmatch(city["phone"], row["phone"]):
        fail("phone", f"{row['phone']!r} does not match {city['phone']!r} of {row['city']}")
    check_street("street", row["street"], country)
    address = row["address"]
    if not (address.startswith(row["street"] + ", ") and address.endswith(", " + country["name"])
            and row["city"] in address and row["postal_code"] in address):
        fail("address", f"{address!r} is not street, postal code and city, country of the row")
    lat, lon = float(row["latitude"]), float(row["longitude"])
    near_city("latitude", lat, lon, city)
    return city


def check_street(column, street, country):
    if country["number_first"]:
        m = re.fullmatch(r"(?P<number>\d+) (?P<name>.+)", street)
    else:
        m = re.fullmatch(r"(?P<name>.+) (?P<number>\d+)", street)
    if not m or m["name"] not in STREETS[country["language"]] or not 1 <= int(m["number"]) <= 2048:
        fail(column, f"{street!r} is not a number and a {country['language']} street in {country['name']}'s order")


def check_geo(row):
    lat, lon = row["latitude"], row["longitude"]
    for column, pattern in [("latitude", r"-?\d{1,2}\.\d{6}"), ("longitude", r"-?\d{1,3}\.\d{6}")]:
        if not re.fullmatch(pattern, row[column]):
            fail(column, f"{row[column]!r} is not six decimals")
    m = re.fullmatch(r"POINT\((-?\d+\.\d+) (-?\d+\.\d+)\)", row["location_wkt"])
    if not m or (m.group(1), m.group(2)) != (lon, lat):
        fail("location_wkt", f"{row['location_wkt']!r} is not POINT({lon} {lat})")
    g = json.loads(row["location_geojson"]) if isinstance(row["location_geojson"], str) else row["location_geojson"]
    if set(g) != {"type", "coordinates"} or g["type"] != "Point" or g["coordinates"] != [float(lon), float(lat)]:
        fail("location_geojson", f"{g} is not the Point ({lon}, {lat})")
    if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
        fail("location_geojson", f"({lon}, {lat}) out of range")
    m = re.fullmatch(r"\((-?\d+\.\d{6}),(-?\d+\.\d{6})\)", row["location_point"])
    west, south, east, north = ALPS
    if not m or not (west <= float(m.group(1)) <= east and south <= float(m.group(2)) <= north):
        fail("location_point", f"{row['location_point']!r} is not a point in {ALPS}")


def check_iban(row):
    iban, alpha2 = row["iban"], row["country_alpha2"]
    if not re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9]+", iban) or iban_mod97(iban) != 1:
        return fail("iban", f"{iban} fails ISO 7064 mod 97")
    country = COUNTRIES.get(iban[:2])
    if not country or not country["iban"] or not re.fullmatch(country["iban"], iban[4:]):
        fail("iban", f"{iban}: BBAN does not match its country's pattern")
    if COUNTRIES[alpha2]["iban"] and iban[:2] != alpha2:
        fail("iban", f"{iban} is not of the row's country {alpha2}")


def check_net(row):
    website = row["website"]
    url = urllib.parse.urlsplit(row["landing_url"])
    if url.scheme != "https" or url.netloc not in (website, "www." + website) or not re.fullmatch(
            r"/([a-z]+([/-][a-z]+)*)?", url.path) or url.query and not re.fullmatch(r"id=\d+", url.query):
        fail("landing_url", f"{row['landing_url']!r} is not an https URL on {website}")
    a = ipaddress.ip_address(row["ipv4"])
    if a.version != 4 or not 1 <= int(str(a).split(".")[0]) <= 223 or str(a) != row["ipv4"]:
        fail("ipv4", f"{row['ipv4']!r} not a public-range IPv4 address")
    if ipaddress.ip_address(row["ipv4_private"]) not in ipaddress.ip_network("192.168.0.0/16"):
        fail("ipv4_private", f"{row['ipv4_private']} not in 192.168.0.0/16")
    a = ipaddress.ip_address(row["ipv6"])
    if a not in ipaddress.ip_network("2001:db8::/32") or str(a) != row["ipv6"]:
        fail("ipv6", f"{row['ipv6']} not in 2001:db8::/32 or not in RFC 5952 form")
    if not re.fullmatch(r"([0-9a-f]{2}:){5}[0-9a-f]{2}", row["mac"]) or int(row["mac"][:2], 16) & 3:
        fail("mac", f"{row['mac']!r} not a unicast, global MAC address")
    if row["user_agent"] not in USER_AGENTS:
        fail("user_agent", f"{row['user_agent']!r} not in user_agents.tsv")


def check_attributes(row, value):
    a = json.loads(value) if isinstance(value, str) else value
    if not isinstance(a, dict) or set(a) != {"score", "label", "verified", "owner", "since", "ratio", "tags"}:
        return fail("attributes", f"{value!r} is not the object of the schema")
    ok = (isinstance(a["score"], int) and 0 <= a["score"] <= 100 and isinstance(a["verified"], bool)
          and a["owner"] == f"{row['first_name']} {row['last_name']}"
          and dt.date.fromisoformat(a["since"]) >= dt.date(2015, 1, 1)
          and (a["ratio"] is None or (0 <= a["ratio"] <= 1 and len(str(a["ratio"]).split(".")[-1]) <= 3))
          and isinstance(a["tags"], list) and len(a["tags"]) <= 4 and set(a["tags"]) <= {"a", "b", "c"})
    if not ok:
        fail("attributes", f"{a} breaks the schema's fields (owner {row['first_name']} {row['last_name']})")
    check_words("attributes", a["label"], 1, 2)


def array_of(column, text):
    try:
        return parse_pg_array(text)
    except (ValueError, IndexError) as e:
        fail(column, f"{text!r}: {e}")
        return []


def check_arrays(row):
    scores, keywords = array_of("scores", row["scores"]), array_of("keywords", row["keywords"])
    if len(scores) > 8 or any(s is not None and not (re.fullmatch(r"\d+", s) and 0 <= int(s) <= 100) for s in scores):
        fail("scores", f"{row['scores']!r} is not 0-8 integers 0..100 or NULL")
    if not 1 <= len(keywords) <= 4 or None in keywords:
        fail("keywords", f"{row['keywords']!r} is not 1-4 texts")
    for k in keywords:
        check_words("keywords", k or "", 1, 2)


def check_person(row):
    first, last = row["first_name"], row["last_name"]
    if first not in FIRST_NAMES or last not in LAST_NAMES:
        fail("first_name", f"{first} {last} not in the dictionaries")
    if row["full_name"] != f"{first} {last}":
        fail("full_name", f"{row['full_name']!r} is not {first} {last}")
    if row["sex"] != FIRST_NAMES.get(first):
        fail("sex", f"{row['sex']} for {first}")
    words = lambda s: s.split(" ")
    check_email("email", row["email"], words(first)[0], words(last)[-1], FREE_DOMAINS)
    check_email("work_email", row["work_email"], first, last, {row["website"]})
    handle = ("@" + fold(first) + "_" + fold(last)).lower()
    if row["handle"] != handle:
        fail("handle", f"{row['handle']!r} is not {handle!r}")
    if row["job_title"] not in JOB_TITLES:
        fail("job_title", f"{row['job_title']!r}")
    check_company("company", row["company"], row["website"])


def check_scalars(row):
    check_range("uniform_int", row["uniform_int"], -1000, 1000)
    check_range("normal_int", row["normal_int"], 0, 200)
    check_range("exponential_int", row["exponential_int"], 0, 1000000)
    check_range("poisson_int", row["poisson_int"], 0, 32767)
    check_range("zipf_int", row["zipf_int"], 1, 10000)
    check_range("price", row["price"], Decimal("0.01"), Decimal("9999.99"), r"\d+\.\d\d")
    check_range("ratio", row["ratio"], 0, 1, r"\d(\.\d+)?(e-\d+)?")
    for column, allowed in [("flag", {"true", "false"}), ("status", {"new", "active", "closed"}),
                            ("source", {"spillway"})]:
        if row[column] not in allowed:
            fail(column, f"{row[column]!r} not in {allowed}")
    u = uuid.UUID(row["uuid_v4"])
    if str(u) != row["uuid_v4"] or u.version != 4 or u.variant != uuid.RFC_4122:
        fail("uuid_v4", f"{row['uuid_v4']} is not a UUIDv4")
    if uuid_v7_ms("uuid_v7", row["uuid_v7"]) != UUID7_START_MS + int(row["id"]) - 1:
        fail("uuid_v7", f"{row['uuid_v7']}: time is not 2025-01-01 + {int(row['id']) - 1} ms")
    if not dt.date(2020, 1, 1) <= dt.date.fromisoformat(row["day"]) <= dt.date(2025, 12, 31):
        fail("day", row["day"])
    check_times(row)
    if not re.fullmatch(r"[A-Z]{3}-\d{6}", row["code"]):
        fail("code", row["code"])
    check_words("tagline", row["tagline"], 2, 5)
    check_words("summary", row["summary"], 4, 12, capitalized=True, suffix=".")
    if row["body"]:
        for sentence in row["body"][:-1].split(". "):
            check_words("body", sentence, 4, 12, capitalized=True)
    if not re.fullmatch(r"\\x[0-9a-f]{32}", row["checksum"]):
        fail("checksum", f"{row['checksum']!r} is not 16 bytes of bytea hex")


def check_times(row):
    created = row["created_at"]
    if not re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,3})?", created):
        return fail("created_at", f"{created!r} is not a timestamp(3)")
    created, updated = dt.datetime.fromisoformat(created), dt.datetime.fromisoformat(row["updated_at"])
    if not dt.datetime(2024, 1, 1) <= created <= dt.datetime(2025, 12, 31, 23, 59, 59):
        fail("created_at", f"{created} out of range")
    if not dt.timedelta(minutes=1) <= updated - created.replace(microsecond=0) <= dt.timedelta(days=30):
        fail("updated_at", f"{updated} is not 1 min to 30 days after {created}")
    if not dt.time(6) <= dt.time.fromisoformat(row["opens_at"]) <= dt.time(11):
        fail("opens_at", row["opens_at"])
    check_timestamptz("seen_at", row["seen_at"], *SEEN_AT)
    try:
        if not 1 <= interval_seconds(row["session_length"]) <= 3 * 86400:
            fail("session_length", f"{row['session_length']} not in [1s, 3 days]")
    except ValueError as e:
        fail("session_length", str(e))


CHECKED = {"id", "account_id", "line_no", "other_account_id", "uniform_int", "normal_int", "exponential_int",
           "poisson_int", "zipf_int", "price", "ratio", "flag", "status", "source", "uuid_v4", "uuid_v7", "day",
           "created_at", "updated_at", "opens_at", "seen_at", "session_length", "code", "tagline", "summary",
           "body", "first_name", "last_name", "full_name", "sex", "email", "work_email", "handle", "company",
           "job_title", "street", "city", "region", "region_code", "postal_code", "country", "country_alpha2",
           "country_alpha3", "country_numeric", "address", "phone", "currency", "iban", "card_number", "latitude",
           "longitude", "location_wkt", "location_geojson", "location_point", "website", "landing_url", "ipv4",
           "ipv4_private", "ipv6", "mac", "user_agent", "attributes", "scores", "keywords", "checksum"}


def check_wide(accounts, wide):
    if set(wide[0]) != CHECKED:
        fail("(columns)", f"unchecked {set(wide[0]) - CHECKED}, missing {CHECKED - set(wide[0])}")
    ids = set()
    for n, a in enumerate(accounts, 1):
        if a["id"] != str(n):
            fail("accounts.id", f"{a['id']} at row {n}")
        ids.add(a["id"])
        check_company("accounts.company", a["company"], a["domain"])
    lines = collections.Counter()
    for n, row in enumerate(wide, 1):
        if row["id"] != str(n) or row["account_id"] not in ids or row["other_account_id"] not in ids:
            fail("id", f"row {n}: id {row['id']}, account {row['account_id']}, other {row['other_account_id']}")
        lines[row["account_id"]] += 1
        if row["line_no"] != str(lines[row["account_id"]]):
            fail("line_no", f"row {n}: line {row['line_no']} is not {lines[row['account_id']]} of its account")
        check_scalars(row)
        check_person(row)
        check_place(row)
        check_geo(row)
        check_iban(row)
        check_card("card_number", row["card_number"])
        check_net(row)
        check_attributes(row, row["attributes"])
        check_arrays(row)
    if len({row["code"] for row in wide}) != len(wide):
        fail("code", "not unique")
    if not all(1 <= k <= 99 for k in lines.values()):
        fail("account_id", f"children per account outside 1..99: {sorted(lines.values())[-3:]}")
    check_frequencies(wide)


def check_frequencies(wide):
    """Loose: each value of a weighted column occurs at least once in a sample, and weights rank them."""
    sex = collections.Counter(row["sex"] for row in wide)
    status = collections.Counter(row["status"] for row in wide)
    if not status["active"] > status["new"] > status["closed"] > 0:
        fail("status", f"frequencies do not follow the weights 7:2:1: {status}")
    if not 0.4 < sex["F"] / len(wide) < 0.6:
        fail("sex", f"{sex}")
    flags = sum(row["flag"] == "true" for row in wide) / len(wide)
    if not 0.25 < flags < 0.35:
        fail("flag", f"true in {flags:.3f} of rows, not about 0.3")
    nulls = sum(row["body"] == "" for row in wide) / len(wide)
    if not 0.45 < nulls < 0.55:
        fail("body", f"null in {nulls:.3f} of rows, not about 0.5")


def same_value(csv_text, value):
    """A JSON Lines value against the CSV text of the same column."""
    if value is None:
        return csv_text == ""
    if isinstance(value, bool):
        return csv_text == ("true" if value else "false")
    if isinstance(value, (int, float, Decimal)):
        return Decimal(csv_text) == Decimal(str(value))
    if isinstance(value, (dict, list)):
        return json.loads(csv_text, parse_float=Decimal) == value
    return csv_text == value


def check_jsonl(csv_rows, lines, table):
    if len(lines) != len(csv_rows):
        return fail(f"{table}.jsonl", f"{len(lines)} lines for {len(csv_rows)} CSV rows")
    for n, (line, row) in enumerate(zip(lines, csv_rows), 1):
        obj = json.loads(line, parse_float=Decimal)
        if list(obj) != list(row):
            return fail(f"{table}.jsonl", f"line {n}: keys {list(obj)} differ from the CSV header")
        for column, value in obj.items():
            if not same_value(row[column], value):
                fail(f"{table}.jsonl:{column}", f"line {n}: {value!r} vs CSV {row[column]!r}")
        for column in ("attributes", "location_geojson"):
            if column in obj and not isinstance(obj[column], dict):
                fail(f"{table}.jsonl:{column}", f"line {n}: a {type(obj[column]).__name__}, not a JSON object")


def decompress(path):
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as f:
            return f.read()
    if path.suffix == ".zst":
        return subprocess.run(["zstd", "-dc", str(path)], check=True, capture_output=True).stdout
    return path.read_bytes()


def generate_wide(out):
    plain = {}
    for fmt in ("csv", "jsonl"):
        for compress in (None, "gzip", "zstd"):
            folder = out / f"wide-{fmt}-{compress or 'plain'}"
            run("generate", "example:wide", "--out", str(folder), "--scale", "0.05", "--format", fmt,
                *(["--compress", compress] if compress else []))
            for table in ("accounts", "wide"):
                files = list(folder.glob(f"{table}.{fmt}*"))
                if len(files) != 1:
                    sys.exit(f"{folder}: expected one {table} file, found {files}")
                data = decompress(files[0])
                if compress is None:
                    plain[(fmt, table)] = data
                elif data != plain[(fmt, table)]:
                    fail(f"{table}.{fmt}", f"{compress} output differs from the plain file once decompressed")
    return plain


def check_iot(out):
    run("generate", "example:iot", "--out", str(out / "iot"), "--scale", "0.01")
    devices = read_csv(out / "iot/devices.csv")
    readings = read_csv(out / "iot/readings.csv")
    allowed = {"US", "CA", "DE", "FR", "GB", "NL", "JP", "AU"}
    zones = ["America/New_York", "America/Los_Angeles", "Europe/Berlin", "Europe/London", "Asia/Tokyo",
             "Australia/Sydney"]
    for d in devices:
        cities = [c for (name, _), cs in CITIES.items() if name == d["city"]
                  for c in cs if c["country"] == d["country"]]
        if d["country"] not in allowed or not cities:
            fail("iot.devices.city", f"{d['city']}, {d['country']} not a city of the listed countries")
        elif not any(abs(float(d["latitude"]) - c["lat"]) < 1 for c in cities):
            fail("iot.devices.latitude", f"{d['latitude']} not near {d['city']}")
        if d["location"] != f"POINT({d['longitude']} {d['latitude']})":
            fail("iot.devices.location", f"{d['location']} is not the row's latitude/longitude")
        if ipaddress.ip_address(d["ip"]) not in ipaddress.ip_network("10.64.0.0/10"):
            fail("iot.devices.ip", d["ip"])
        check_timestamptz("iot.devices.installed_at", d["installed_at"], dt.datetime(2022, 1, 1, tzinfo=UTC),
                          dt.datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC), zones)
        tags = array_of("iot.devices.tags", d["tags"])
        if len(tags) > 4 or not set(tags) <= {"indoor", "outdoor", "battery", "mains", "pilot", "rooftop", "basement"}:
            fail("iot.devices.tags", d["tags"])
    by_device = collections.defaultdict(list)
    for r in readings:
        by_device[r["device_id"]].append(r)
    if set(by_device) != {d["id"] for d in devices}:
        fail("iot.readings.device_id", "readings' devices are not the devices")
    for device, rs in by_device.items():
        if not 50 <= len(rs) <= 150 or [r["seq"] for r in rs] != [str(k) for k in range(1, len(rs) + 1)]:
            fail("iot.readings.seq", f"device {device}: {len(rs)} readings, seq not 1..n in order")
        times = [parse_timestamptz(r["recorded_at"]) for r in rs]
        if any(b <= a for a, b in zip(times, times[1:])):
            fail("iot.readings.recorded_at", f"device {device}: readings not strictly time-ordered")
        for r, t in zip(rs, times):
            if uuid_v7_ms("iot.readings.id", r["id"]) != epoch_ms(t):
                fail("iot.readings.id", f"{r['id']}: time is not recorded_at {r['recorded_at']}")
            if r["battery_pct"] and not 0 <= int(r["battery_pct"]) <= 100:
                fail("iot.readings.battery_pct", r["battery_pct"])
            interval_seconds(r["uptime"])
    if len({r["id"] for r in readings}) != len(readings):
        fail("iot.readings.id", "not unique")


def check_webevents(out):
    run("generate", "example:webevents", "--out", str(out / "web"), "--scale", "0.01")
    users = read_csv(out / "web/users.csv")
    events = read_csv(out / "web/events.csv")
    for u in users:
        check_email("web.users.email", u["email"], u["first_name"], u["last_name"], FREE_DOMAINS)
    ids = {u["id"] for u in users}
    last = None
    for e in events:
        t = parse_timestamptz(e["occurred_at"])
        if uuid_v7_ms("web.events.id", e["id"]) != epoch_ms(t):
            fail("web.events.id", f"{e['id']}: time is not occurred_at {e['occurred_at']}")
        if last is not None and t < last:
            fail("web.events.occurred_at", f"{e['occurred_at']} before the previous event")
        last = t
        if e["user_id"] and e["user_id"] not in ids:
            fail("web.events.user_id", e["user_id"])
        p = json.loads(e["payload"])
        if not isinstance(p, dict) or not isinstance(p.get("experiment"), dict) or not isinstance(p.get("tags"), list):
            fail("web.events.payload", e["payload"])
    ordered = [uuid.UUID(e["id"]).int >> 80 for e in events]
    if ordered != sorted(ordered) or len({e["id"] for e in events}) != len(events):
        fail("web.events.id", "ids not unique and time-ordered")


def main():
    with tempfile.TemporaryDirectory(prefix="spillway-catalogue-") as tmp:
        out = pathlib.Path(tmp)
        plain = generate_wide(out)
        accounts = list(csv.DictReader(io.StringIO(plain[("csv", "accounts")].decode("utf-8"), newline="")))
        wide = list(csv.DictReader(io.StringIO(plain[("csv", "wide")].decode("utf-8"), newline="")))
        if len(accounts) != 100 or len(wide) < len(accounts):
            fail("(rows)", f"{len(accounts)} accounts, {len(wide)} wide rows")
        check_wide(accounts, wide)
        check_jsonl(accounts, plain[("jsonl", "accounts")].decode("utf-8").splitlines(), "accounts")
        check_jsonl(wide, plain[("jsonl", "wide")].decode("utf-8").splitlines(), "wide")
        check_iot(out)
        check_webevents(out)
    for column, messages in sorted(problems.items()):
        print(f"{column}: {len(messages)} problems, e.g.")
        for m in messages[:3]:
            print(f"    {m}")
    print(f"checked {len(wide)} wide rows" if not problems else f"{len(problems)} columns with problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
