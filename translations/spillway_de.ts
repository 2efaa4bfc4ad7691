<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/design/schemacommands.cpp" line="+114"/>
        <source>Move Table</source>
        <translation>Tabelle verschieben</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Move Column</source>
        <translation>Spalte verschieben</translation>
    </message>
    <message>
        <location filename="../ui/history/runcharts.cpp" line="+44"/>
        <source>mean %1</source>
        <translation>Mittel %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <location line="+43"/>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+9"/>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>mean rows/s %1</source>
        <translation>Mittel Zeilen/s %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean MB/s %1</source>
        <translation>Mittel MB/s %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>p95 commit ms</source>
        <translation>p95-Commit ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Commit latency</source>
        <translation>Commit-Latenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>tuples inserted/s</source>
        <translation>eingefügte Tupel/s</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>WAL MB/s</source>
        <translation>WAL MB/s</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tuples/s</source>
        <translation>Tupel/s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Throughput, B against A</source>
        <translation>Durchsatz, B gegenüber A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A rows/s</source>
        <translation>A Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B rows/s</source>
        <translation>B Zeilen/s</translation>
    </message>
    <message>
        <location filename="../ui/shell/filecontroller.cpp" line="+23"/>
        <source>Spillway schemas (*.json);;All files (*)</source>
        <translation>Spillway-Schemas (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — %2 tables, %3 columns</source>
        <translation>%1 — %2 Tabellen, %3 Spalten</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+26"/>
        <source>Workbench for load-testing data ingestion into PostgreSQL</source>
        <translation>Werkbank für Lasttests des Datenimports in PostgreSQL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Schema file to open.</source>
        <translation>Zu öffnende Schema-Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a bundled example (ecommerce, lineitem, iot, webevents, wide).</source>
        <translation>Ein mitgeliefertes Beispiel öffnen (ecommerce, lineitem, iot, webevents, wide).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open example:ecommerce, run it twice into the embedded server, save PNGs of the designer, the dashboard and the history comparison into DIR, quit.</source>
        <translation>example:ecommerce öffnen, zweimal in den eingebetteten Server laufen lassen, PNGs des Designers, des Dashboards und des Verlaufsvergleichs in DIR speichern, beenden.</translation>
    </message>
</context>
<context>
    <name>spillway::ColumnInspector</name>
    <message>
        <location filename="../ui/design/columninspector.cpp" line="+55"/>
        <source>&amp;Unique</source>
        <translation>&amp;Eindeutig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Primary key</source>
        <translation>&amp;Primärschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hidden (used by templates only)</source>
        <translation>&amp;Versteckt (nur von Vorlagen verwendet)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Optional note, kept in the schema file</source>
        <translation>Optionale Notiz, in der Schema-Datei gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column name</source>
        <translation>Spaltenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQL type</source>
        <translation>SQL-Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Null fraction</source>
        <translation>NULL-Anteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQL &amp;type:</source>
        <translation>SQL-&amp;Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generator:</source>
        <translation>&amp;Generator:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;ull fraction:</source>
        <translation>NU&amp;LL-Anteil:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Values:</source>
        <translation>Werte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;omment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change Type</source>
        <translation>Typ ändern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change Null Fraction</source>
        <translation>NULL-Anteil ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle Unique</source>
        <translation>Eindeutig umschalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toggle Primary Key</source>
        <translation>Primärschlüssel umschalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle Hidden</source>
        <translation>Versteckt umschalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Comment</source>
        <translation>Kommentar bearbeiten</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Column %1.%2</source>
        <translation>Spalte %1.%2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Change Generator</source>
        <translation>Generator ändern</translation>
    </message>
</context>
<context>
    <name>spillway::CompareView</name>
    <message>
        <location filename="../ui/history/compareview.cpp" line="+55"/>
        <source>%1: %2 — %3, %4, %5</source>
        <translation>%1: %2 — %3, %4, %5</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Runs compared</source>
        <translation>Verglichene Läufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throughput of both runs</source>
        <translation>Durchsatz beider Läufe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary of both runs with the change</source>
        <translation>Zusammenfassung beider Läufe mit der Änderung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings that differ</source>
        <translation>Abweichende Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Summary, B against A</source>
        <translation>&amp;Zusammenfassung, B gegenüber A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings that &amp;differ</source>
        <translation>&amp;Abweichende Einstellungen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B</source>
        <translation>B</translation>
    </message>
</context>
<context>
    <name>spillway::DesignerPage</name>
    <message>
        <location filename="../ui/design/designerpage.cpp" line="+45"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Filter tables and columns</source>
        <translation>Tabellen und Spalten filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter schema</source>
        <translation>Schema filtern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Schema tree</source>
        <translation>Schemabaum</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Schema actions</source>
        <translation>Schema-Aktionen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add &amp;Table</source>
        <translation>&amp;Tabelle hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a table after the current one</source>
        <translation>Eine Tabelle nach der aktuellen hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Column</source>
        <translation>&amp;Spalte hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a column after the current one</source>
        <translation>Eine Spalte nach der aktuellen hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate the current table or column</source>
        <translation>Die aktuelle Tabelle oder Spalte duplizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the current table or column</source>
        <translation>Die aktuelle Tabelle oder Spalte löschen</translation>
    </message>
</context>
<context>
    <name>spillway::FileController</name>
    <message>
        <location filename="../ui/shell/filecontroller.cpp" line="+12"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New from &amp;Example…</source>
        <translation>Neu aus &amp;Beispiel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start a new, blank schema</source>
        <translation>Ein neues, leeres Schema beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from one of the bundled example schemas</source>
        <translation>Mit einem der mitgelieferten Beispielschemas beginnen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The schema “%1” has unsaved changes. Save them first?</source>
        <translation>Das Schema „%1“ hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Open Schema</source>
        <translation>Schema kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the file is a Spillway schema (JSON).</source>
        <translation>Prüfen Sie, ob die Datei ein Spillway-Schema (JSON) ist.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Open Example</source>
        <translation>Beispiel kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+21"/>
        <source>Cannot Save Schema</source>
        <translation>Schema kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Choose another folder with Save As.</source>
        <translation>Wählen Sie mit „Speichern unter“ einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save Schema As</source>
        <translation>Schema speichern unter</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New from Example</source>
        <translation>Neu aus Beispiel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Start from one of the bundled schemas:</source>
        <translation>Mit einem der mitgelieferten Schemas beginnen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Schema</source>
        <translation>Schema öffnen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>spillway::HistoryView</name>
    <message>
        <location filename="../ui/history/historyview.cpp" line="+46"/>
        <source>Run history</source>
        <translation>Laufverlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+202"/>
        <source>Open a run to see its charts and result; select two runs (Ctrl+click) to compare them.</source>
        <translation>Öffnen Sie einen Lauf, um seine Diagramme und sein Ergebnis zu sehen; wählen Sie zwei Läufe (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the runs folder again (%1)</source>
        <translation>Den Ordner der Läufe neu einlesen (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the selected run, or the two selected runs compared, as an HTML report (Ctrl+E)</source>
        <translation>Den ausgewählten Lauf oder den Vergleich der zwei ausgewählten Läufe als HTML-Bericht speichern (Strg+E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>Filter runs</source>
        <translation>Läufe filtern</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Filter runs (Ctrl+F): id, kind, status, schema…</source>
        <translation>Läufe filtern (Strg+F): ID, Art, Status, Schema…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recorded runs</source>
        <translation>Aufgezeichnete Läufe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Runs folder</source>
        <translation>Ordner der Läufe</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n Lauf in %1</numerusform>
            <numerusform>%n Läufe in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) could not be read: %1</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden: %1</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>%n runs selected: select one to open it, or two to compare them.</source>
        <translation>
            <numerusform>%n Lauf ausgewählt: wählen Sie einen aus, um ihn zu öffnen, oder zwei, um sie zu vergleichen.</numerusform>
            <numerusform>%n Läufe ausgewählt: wählen Sie einen aus, um ihn zu öffnen, oder zwei, um sie zu vergleichen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select one run, or two to compare, before exporting a report.</source>
        <translation>Wählen Sie vor dem Export eines Berichts einen Lauf aus, oder zwei zum Vergleichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write the report to %1: %2. Choose another folder or file name.</source>
        <translation>Der Bericht konnte nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+7"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
</context>
<context>
    <name>spillway::MainWindow</name>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="+47"/>
        <location line="+91"/>
        <source>&amp;Design</source>
        <translation>&amp;Entwurf</translation>
    </message>
    <message>
        <location line="-90"/>
        <location line="+83"/>
        <location line="+7"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+88"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Schema is valid</source>
        <translation>Schema ist gültig</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n problem(s) in the schema</source>
        <translation>
            <numerusform>%n Problem im Schema</numerusform>
            <numerusform>%n Probleme im Schema</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Schema</source>
        <translation>&amp;Schema</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Spillway</source>
        <translation>Ü&amp;ber Spillway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Spillway</source>
        <translation>Über Spillway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Spillway %1&lt;/b&gt;&lt;p&gt;A workbench for load-testing data ingestion into PostgreSQL.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Spillway %1&lt;/b&gt;&lt;p&gt;Eine Werkbank für Lasttests des Datenimports in PostgreSQL.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
</context>
<context>
    <name>spillway::ParameterForm</name>
    <message>
        <location filename="../ui/design/parameterform.cpp" line="+104"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a value</source>
        <translation>Einen Wert hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add value</source>
        <translation>Wert hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected value</source>
        <translation>Den ausgewählten Wert entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove value</source>
        <translation>Wert entfernen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Values and weights</source>
        <translation>Werte und Gewichte</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seconds, or e.g. 90s, 15 min, 2h, 3 days</source>
        <translation>Sekunden, oder z. B. 90s, 15 min, 2h, 3 days</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No parameters.</source>
        <translation>Keine Parameter.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>not valid JSON (%1 at character %2): the change is kept here only</source>
        <translation>kein gültiges JSON (%1 bei Zeichen %2): die Änderung bleibt nur hier erhalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a JSON object such as {&quot;kind&quot;: &quot;uniform&quot;, &quot;min&quot;: 1, &quot;max&quot;: 9}</source>
        <translation>muss ein JSON-Objekt sein, etwa {&quot;kind&quot;: &quot;uniform&quot;, &quot;min&quot;: 1, &quot;max&quot;: 9}</translation>
    </message>
</context>
<context>
    <name>spillway::ProblemLabel</name>
    <message>
        <location filename="../ui/design/problemlabel.cpp" line="+26"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>spillway::RunCompareModel</name>
    <message>
        <location filename="../ui/history/runcomparemodel.cpp" line="+51"/>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
</context>
<context>
    <name>spillway::RunListModel</name>
    <message>
        <location filename="../ui/history/runlistmodel.cpp" line="+61"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>violated</source>
        <translation>verletzt</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p95 commit ms</source>
        <translation>p95-Commit ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
</context>
<context>
    <name>spillway::RunPropertiesModel</name>
    <message>
        <location filename="../ui/history/runpropertiesmodel.cpp" line="+26"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %2, %n core(s), %3</source>
        <translation>
            <numerusform>%1, %2, %n Kern, %3</numerusform>
            <numerusform>%1, %2, %n Kerne, %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 rows, %3</source>
        <translation>%1 von %2 Zeilen, %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ok: %1 = %2</source>
        <translation>ok: %1 = %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FAILED: %1</source>
        <translation>NICHT ERFÜLLT: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Verify</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+24"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Section %1</source>
        <translation>Abschnitt %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>spillway::RunView</name>
    <message>
        <location filename="../ui/history/runview.cpp" line="+33"/>
        <source>Run title</source>
        <translation>Titel des Laufs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run settings and result</source>
        <translation>Einstellungen und Ergebnis des Laufs</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings and result</source>
        <translation>&amp;Einstellungen und Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run details</source>
        <translation>Details des Laufs</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run %1 — %2, %3</source>
        <translation>Lauf %1 — %2, %3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Throughput chart</source>
        <translation>Durchsatzdiagramm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commit latency chart</source>
        <translation>Commit-Latenz-Diagramm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server chart</source>
        <translation>Serverdiagramm</translation>
    </message>
</context>
<context>
    <name>spillway::SchemaDocument</name>
    <message>
        <location filename="../ui/design/schemadocument.cpp" line="+42"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+38"/>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Rename Schema</source>
        <translation>Schema umbenennen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit Description</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change Seed</source>
        <translation>Seed ändern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit Table</source>
        <translation>Tabelle bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit Column</source>
        <translation>Spalte bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Rename Table</source>
        <translation>Tabelle umbenennen</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+48"/>
        <source>Update References</source>
        <translation>Referenzen aktualisieren</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+18"/>
        <source>Rename Column</source>
        <translation>Spalte umbenennen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add Table</source>
        <translation>Tabelle hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete Table</source>
        <translation>Tabelle löschen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add Column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete Column</source>
        <translation>Spalte löschen</translation>
    </message>
</context>
<context>
    <name>spillway::SchemaTreeModel</name>
    <message>
        <location filename="../ui/design/schematreemodel.cpp" line="+23"/>
        <source>per %1</source>
        <translation>je %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 rows</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Change Type</source>
        <translation>Typ ändern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
</context>
<context>
    <name>spillway::TableInspector</name>
    <message>
        <location filename="../ui/design/tableinspector.cpp" line="+73"/>
        <source>A fixed number of rows</source>
        <translation>Eine feste Anzahl von Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows per row of a parent table</source>
        <translation>Zeilen je Zeile einer Elterntabelle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional note, kept in the schema file</source>
        <translation>Optionale Notiz, in der Schema-Datei gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table name</source>
        <translation>Tabellenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row count mode</source>
        <translation>Art der Zeilenzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent table</source>
        <translation>Elterntabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per parent distribution</source>
        <translation>Verteilung der Zeilen je Elternzeile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Rows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Parent table:</source>
        <translation>&amp;Elterntabelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per parent &amp;row:</source>
        <translation>Zeilen je Elte&amp;rnzeile:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;omment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change Rows</source>
        <translation>Zeilen ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change Parent</source>
        <translation>Elterntabelle ändern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change Distribution</source>
        <translation>Verteilung ändern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit Comment</source>
        <translation>Kommentar bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Schema name</source>
        <translation>Schemaname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every value is a pure function of the seed, table, column and row</source>
        <translation>Jeder Wert ist eine reine Funktion von Seed, Tabelle, Spalte und Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema description</source>
        <translation>Schemabeschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schema na&amp;me:</source>
        <translation>Schemana&amp;me:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;eed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Change Table Size</source>
        <translation>Tabellengröße ändern</translation>
    </message>
</context>
<context>
    <name>spillway::WeightedListModel</name>
    <message>
        <location filename="../ui/design/weightedlistmodel.cpp" line="+65"/>
        <source>%1 % of the values</source>
        <translation>%1 % der Werte</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
</context>
</TS>
