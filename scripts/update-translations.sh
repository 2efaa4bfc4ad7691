#!/usr/bin/env bash
# Brings every translations/spillway_<language>.ts up to date with the strings in the code
# (lupdate over ui/ and app/gui; core's messages are shared with the CLI and stay English, but for
# the few that core marks with QT_TRANSLATE_NOOP for the desktop: generator categories and
# summaries in core/generators, metric descriptions in core/history/runsummary.cpp, worker
# states in core/run/metrics.h, run events in core/run/runevents.cpp, ingest phases in
# core/pg/ingestjob.cpp, dirty-row kinds in core/base/dirtykind.cpp) and
# with the JSON Schema's descriptions that the designer shows as tooltips (written first into
# translations/jsonschema-strings.cpp, lupdate's input only), then lists what is left to translate. The build compiles the .ts files (qt_add_translations in
# ui/CMakeLists.txt), so nothing else needs running.
# Usage: scripts/update-translations.sh            all languages
#        scripts/update-translations.sh de         one language (a new one starts its file)
# Translating: edit the .ts in Qt Linguist, or
#   python3 scripts/translations.py export translations/spillway_de.ts > todo.json
#   (fill each "translation"), python3 scripts/translations.py fill translations/spillway_de.ts todo.json
set -euo pipefail
cd "$(dirname "$0")/.."
bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)
lupdate=${LUPDATE:-$bins/lupdate}
if [ ! -x "$lupdate" ]; then
    echo "error: lupdate not found at $lupdate: install qt6-l10n-tools (scripts/install-deps.sh)" >&2
    exit 1
fi
if [ $# -gt 0 ]; then
    files=()
    for language in "$@"; do files+=("translations/spillway_$language.ts"); done
else
    files=(translations/spillway_*.ts)
fi
python3 scripts/translations.py schema-strings resources/schema/spillway-schema.json \
    translations/jsonschema-strings.cpp
clang-format-15 -i translations/jsonschema-strings.cpp
for ts in "${files[@]}"; do
    language=$(basename "$ts" .ts)
    language=${language#spillway_}
    "$lupdate" -silent -locations relative -no-obsolete -extensions cpp,h \
        -source-language en -target-language "$language" ui app/gui core/base/dirtykind.cpp core/generators core/history/runsummary.cpp core/run/metrics.h core/run/runevents.cpp core/pg/ingestjob.cpp translations/jsonschema-strings.cpp -ts "$ts"
    python3 scripts/translations.py check "$ts" || true
done
