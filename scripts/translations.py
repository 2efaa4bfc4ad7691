#!/usr/bin/env python3
"""Checks and fills Qt Linguist .ts files (translations/spillway_<language>.ts).

  translations.py check  FILE.ts            lists entries not translated yet (or whose %1, %n
                                            or accelerators do not match the source); exit 1 if any
  translations.py export FILE.ts [--all]    writes the entries still to translate (or all) as
                                            JSON to standard output
  translations.py fill   FILE.ts ENTRIES.json  writes the JSON's translations into the .ts
  translations.py schema-strings JSON OUT   writes the JSON Schema's descriptions (the designer's
                                            tooltips) as QT_TRANSLATE_NOOP("JsonSchema", ...)
                                            lines for lupdate to read

The JSON is a list of {"context", "source", "comment", "numerus", "translation"}; for a numerus
entry (a tr() with %n) "translation" is a list with one text per plural form of the language
(German: [one, other]). Entries with an empty translation are left as they are. Run
scripts/update-translations.sh after a fill: lupdate writes the file back in its own layout.
"""

import json
import re
import sys
import xml.etree.ElementTree as ET

# Plural forms per language, as lrelease expects them (Qt's numerus rules).
PLURAL_FORMS = {"de": 2, "en": 2, "fr": 2, "es": 2, "it": 2, "nl": 2, "pt": 2, "sv": 2}
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def messages(root):
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def key(context, message):
    return (context, message.findtext("source", ""), message.findtext("comment", ""))


def is_live(message):
    t = message.find("translation")
    return t is None or t.get("type") not in ("vanished", "obsolete")


def texts(message):
    t = message.find("translation")
    if t is None:
        return []
    if message.get("numerus") == "yes":
        return [f.text or "" for f in t.findall("numerusform")]
    return [t.text or ""]


def problems(message, forms):
    """What is wrong with one live entry, or an empty list."""
    t = message.find("translation")
    found = texts(message)
    if t is None or t.get("type") == "unfinished" or not found or not all(found):
        return ["not translated"]
    wanted = forms if message.get("numerus") == "yes" else 1
    if len(found) != wanted:
        return [f"{len(found)} plural forms, the language has {wanted}"]
    out = []
    source = message.findtext("source", "")
    expected = sorted(set(PLACEHOLDER.findall(source)))
    for text in found:
        have = sorted(set(PLACEHOLDER.findall(text)))
        if have != expected and not (message.get("numerus") == "yes" and
                                     set(have) == set(expected) - {"%n"}):
            out.append(f"placeholders {have} differ from the source's {expected}")
        if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            out.append("accelerator (&) in only one of source and translation")
    return out


def language_of(root):
    return (root.get("language") or "de").split("_")[0]


def cmd_check(path):
    _, root = load(path)
    forms = PLURAL_FORMS.get(language_of(root), 2)
    bad = 0
    total = 0
    for context, message in messages(root):
        if not is_live(message):
            continue
        total += 1
        for problem in problems(message, forms):
            bad += 1
            print(f"{path}: {context}: {message.findtext('source', '')!r}: {problem}")
    print(f"{path}: {total - bad} of {total} entries translated, {bad} to do")
    return 1 if bad else 0


def cmd_export(path, everything):
    _, root = load(path)
    forms = PLURAL_FORMS.get(language_of(root), 2)
    out = []
    for context, message in messages(root):
        if not is_live(message) or (not everything and not problems(message, forms)):
            continue
        numerus = message.get("numerus") == "yes"
        current = texts(message)
        out.append({
            "context": context,
            "source": message.findtext("source", ""),
            "comment": message.findtext("comment", ""),
            "numerus": numerus,
            "translation": (current + [""] * forms)[:forms] if numerus else
                           (current[0] if current else ""),
        })
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_fill(path, todo_path):
    tree, root = load(path)
    with open(todo_path, encoding="utf-8") as f:
        todo = {(e["context"], e["source"], e.get("comment", "")): e["translation"]
                for e in json.load(f)}
    filled = 0
    for context, message in messages(root):
        translation = todo.get(key(context, message))
        if not translation or not is_live(message):
            continue
        if isinstance(translation, list) and not all(translation):
            continue
        t = message.find("translation")
        if t is None:
            t = ET.SubElement(message, "translation")
        t.attrib.pop("type", None)
        for child in list(t):
            t.remove(child)
        if isinstance(translation, list):
            t.text = None
            for form in translation:
                ET.SubElement(t, "numerusform").text = form
        else:
            t.text = translation
        filled += 1
    body = ET.tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    print(f"{path}: {filled} entries filled", file=sys.stderr)
    return 0


def walk_descriptions(value, out):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "description" and isinstance(v, str):
                if v not in out:
                    out.append(v)
            else:
                walk_descriptions(v, out)
    elif isinstance(value, list):
        for v in value:
            walk_descriptions(v, out)


def cmd_schema_strings(schema_path, out_path):
    with open(schema_path, encoding="utf-8") as f:
        descriptions = []
        walk_descriptions(json.load(f), descriptions)
    lines = [
        "// Generated by scripts/update-translations.sh from " + schema_path + ": the",
        "// descriptions of the JSON Schema, which the designer shows as tooltips through",
        '// QCoreApplication::translate("JsonSchema", ...). Read by lupdate only, never compiled.',
        "",
        "static const char *const kJsonSchemaDescriptions[] = {",
    ]
    for d in descriptions:
        lines.append('    QT_TRANSLATE_NOOP("JsonSchema", '
                     + json.dumps(d, ensure_ascii=False) + "),")
    lines.append("};")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "check":
        return max(cmd_check(p) for p in argv[2:])
    if len(argv) in (3, 4) and argv[1] == "export":
        return cmd_export(argv[2], argv[3:] == ["--all"])
    if len(argv) == 4 and argv[1] == "schema-strings":
        return cmd_schema_strings(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "fill":
        return cmd_fill(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
