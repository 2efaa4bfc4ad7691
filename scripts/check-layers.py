#!/usr/bin/env python3
"""Fails when an include points against Spillway's layering (docs/ARCHITECTURE.md):
core's stage folders include only themselves and the stages before them; core never includes Qt
Gui/Widgets/Charts or ui/; only core/pg includes libpqxx or libpq; the CLI never includes widgets.
Prints each offending line as file:line so an editor can jump to it."""
import pathlib
import re
import sys

STAGES = ['base', 'schema', 'generators', 'encode', 'run', 'files', 'verify', 'history', 'pipeline',
          'pg']
GUI = re.compile(r'#\s*include\s*<(Qt(Gui|Widgets|Charts|Svg)/|Q(Widget|Application|Painter|Chart))')
PQ = re.compile(r'#\s*include\s*<(pqxx/|libpq-fe\.h)')
LOCAL = re.compile(r'#\s*include\s*"([^"/]+)/')
UI_PAGES = {'shell', 'design', 'run', 'history'}

root = pathlib.Path(__file__).resolve().parent.parent
problems = []


def check(path: pathlib.Path, rel: str):
    parts = rel.split('/')
    for n, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        where = f'{rel}:{n}: {line.strip()}'
        if parts[0] == 'core':
            stage = parts[1] if len(parts) > 2 else ''
            if GUI.search(line):
                problems.append(f'{where}: core must not include Qt Gui or Widgets')
            if PQ.search(line) and stage != 'pg':
                problems.append(f'{where}: only core/pg may include libpqxx/libpq')
            m = LOCAL.search(line)
            if m and stage in STAGES and m.group(1) in STAGES:
                if STAGES.index(m.group(1)) > STAGES.index(stage):
                    problems.append(f'{where}: core/{stage} may not include a later stage')
            elif m and m.group(1) in UI_PAGES - set(STAGES):
                problems.append(f'{where}: core must not include ui/')
        elif rel.startswith('app/cli/') and GUI.search(line):
            problems.append(f'{where}: the CLI must not include Qt Gui or Widgets')


for path in sorted(root.glob('**/*')):
    rel = path.relative_to(root).as_posix()
    if path.suffix in ('.h', '.cpp') and rel.split('/')[0] in ('core', 'app'):
        check(path, rel)
    if path.suffix in ('.h', '.cpp') and rel.startswith('core/') and len(rel.split('/')) == 2:
        problems.append(f'{rel}: core files live in a stage folder ({", ".join(STAGES)})')
for p in problems:
    print(p)
if problems:
    print(f'check-layers: {len(problems)} include(s) against the layering', file=sys.stderr)
    sys.exit(1)
print('check-layers: every include follows the layering')
