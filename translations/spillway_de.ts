<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ConnectionProfile</name>
    <message>
        <location filename="../ui/run/connectionprofile.cpp" line="+37"/>
        <source>Connection: name a service of pg_service.conf, or choose another kind of connection.</source>
        <translation>Verbindung: Geben Sie einen Dienst aus pg_service.conf an oder wählen Sie eine andere Verbindungsart.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection: the connection string contains a password. Remove it: Spillway never saves passwords. Let the password be asked each time or remembered in the system keyring below, or put it in ~/.pgpass.</source>
        <translation>Verbindung: Die Verbindungszeichenkette enthält ein Passwort. Entfernen Sie es: Spillway speichert nie Passwörter. Lassen Sie das Passwort jedes Mal abfragen, im Schlüsselbund des Systems (unten) speichern oder legen Sie es in ~/.pgpass ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection: %1. Write key=value pairs such as &quot;host=db1 dbname=shop&quot; or a URI such as postgresql://etl@db1/shop.</source>
        <translation>Verbindung: %1. Schreiben Sie key=value-Paare wie „host=db1 dbname=shop“ oder eine URI wie postgresql://etl@db1/shop.</translation>
    </message>
</context>
<context>
    <name>DirtyKind</name>
    <message>
        <location filename="../core/base/dirtykind.cpp" line="+19"/>
        <source>A field missing or one too many</source>
        <translation>Ein Feld fehlt oder eines zu viel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A quote left open (CSV and JSON Lines)</source>
        <translation>Ein nicht geschlossenes Anführungszeichen (CSV und JSON Lines)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes that are not UTF-8 inside a field</source>
        <translation>Bytes in einem Feld, die kein UTF-8 sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text such as 12a4 in a numeric column</source>
        <translation>Text wie 12a4 in einer numerischen Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An impossible date or time, or a word, in a date column</source>
        <translation>Ein unmögliches Datum, eine unmögliche Uhrzeit oder ein Wort in einer Datumsspalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A value beyond its type: integer range, numeric digits, text length</source>
        <translation>Ein Wert jenseits seines Typs: Ganzzahlbereich, numeric-Stellen, Textlänge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No value in a NOT NULL column (the primary key)</source>
        <translation>Kein Wert in einer NOT-NULL-Spalte (dem Primärschlüssel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The primary key of an earlier row of the same file</source>
        <translation>Der Primärschlüssel einer früheren Zeile derselben Datei</translation>
    </message>
</context>
<context>
    <name>GeneratorRegistry</name>
    <message>
        <location filename="../core/generators/aggregategenerator.cpp" line="+461"/>
        <location filename="../core/generators/compositegenerators.cpp" line="+329"/>
        <location filename="../core/generators/expressiongenerator.cpp" line="+214"/>
        <source>composite</source>
        <translation>Zusammengesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A value over the row&apos;s child rows: sum(quantity * unit_price) of an order&apos;s lines</source>
        <translation>Ein Wert über die Kindzeilen der Zeile: sum(quantity * unit_price) der Positionen einer Bestellung</translation>
    </message>
    <message>
        <location filename="../core/generators/compositegenerators.cpp" line="+2"/>
        <source>JSON objects whose fields are any generators (nested too)</source>
        <translation>JSON-Objekte, deren Felder beliebige Generatoren sind (auch verschachtelt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arrays of any generator&apos;s values, with a length distribution</source>
        <translation>Arrays der Werte eines beliebigen Generators, mit einer Längenverteilung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random bytes (bytea, hex form)</source>
        <translation>Zufällige Bytes (bytea, Hex-Form)</translation>
    </message>
    <message>
        <location filename="../core/generators/internetgenerators.cpp" line="+153"/>
        <source>internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Web domains of the group&apos;s company</source>
        <translation>Web-Domains der Firma der Gruppe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>https URLs on the company&apos;s domain</source>
        <translation>https-URLs auf der Domain der Firma</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IPv4 addresses, optionally in a CIDR block</source>
        <translation>IPv4-Adressen, wahlweise in einem CIDR-Block</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IPv6 addresses, optionally in a CIDR block</source>
        <translation>IPv6-Adressen, wahlweise in einem CIDR-Block</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MAC addresses (unicast)</source>
        <translation>MAC-Adressen (Unicast)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browser and bot user agents by real share</source>
        <translation>User-Agents von Browsern und Bots nach echtem Anteil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Luhn-valid test card numbers by brand</source>
        <translation>Luhn-gültige Testkartennummern nach Marke</translation>
    </message>
    <message>
        <location filename="../core/generators/histogramgenerator.cpp" line="+247"/>
        <location filename="../core/generators/numericgenerators.cpp" line="+495"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values shaped like pg_stats: common values with their shares, the rest from equal-frequency buckets</source>
        <translation>Werte wie in pg_stats: häufige Werte mit ihren Anteilen, der Rest aus Klassen gleicher Häufigkeit</translation>
    </message>
    <message>
        <location filename="../core/generators/numericgenerators.cpp" line="+4"/>
        <source>Integers spread evenly over [min, max]</source>
        <translation>Ganze Zahlen, gleichmäßig über [min, max] verteilt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Integers in a bell curve around mean (stddev), optionally clamped</source>
        <translation>Ganze Zahlen in einer Glockenkurve um mean (stddev), wahlweise begrenzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Integers from min, mostly small, with the given mean above min</source>
        <translation>Ganze Zahlen ab min, meist klein, mit dem angegebenen Mittelwert über min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counts of events with mean lambda (0, 1, 2, ...)</source>
        <translation>Ereignisanzahlen mit dem Mittelwert lambda (0, 1, 2, ...)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Power law over [min, max]: min is most frequent (exponent s)</source>
        <translation>Potenzgesetz über [min, max]: min ist am häufigsten (Exponent s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>start, start + step, ...: unique row numbers</source>
        <translation>start, start + step, ...: eindeutige Zeilennummern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exact decimals in [min, max] with a fixed scale and a distribution</source>
        <translation>Exakte Dezimalzahlen in [min, max] mit fester Nachkommastellenzahl und einer Verteilung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Floating-point numbers in [min, max] with a distribution</source>
        <translation>Gleitkommazahlen in [min, max] mit einer Verteilung</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/generators/textgenerators.cpp" line="+674"/>
        <source>choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true with the given probability</source>
        <translation>true mit der angegebenen Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UUIDs, random (v4) or time-ordered (v7), unique by construction</source>
        <translation>UUIDs, zufällig (v4) oder zeitlich geordnet (v7), eindeutig durch ihre Konstruktion</translation>
    </message>
    <message>
        <location filename="../core/generators/peoplegenerators.cpp" line="+204"/>
        <source>people</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Given names by real frequency; agrees with its group&apos;s other columns</source>
        <translation>Vornamen nach echter Häufigkeit; passend zu den anderen Spalten ihrer Gruppe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Family names by real frequency</source>
        <translation>Nachnamen nach echter Häufigkeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;First Last&quot; or &quot;Last, First&quot; of the group&apos;s person</source>
        <translation>„Vorname Nachname“ oder „Nachname, Vorname“ der Person der Gruppe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sex the group&apos;s first name goes with, as two labels</source>
        <translation>Das Geschlecht, zu dem der Vorname der Gruppe passt, als zwei Bezeichnungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email made from the row&apos;s own name (its group, or named columns)</source>
        <translation>E-Mail aus dem Namen der Zeile (ihre Gruppe oder benannte Spalten)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Company names (&quot;Northwind Labs&quot;)</source>
        <translation>Firmennamen („Northwind Labs“)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job titles by real frequency</source>
        <translation>Berufsbezeichnungen nach echter Häufigkeit</translation>
    </message>
    <message>
        <location filename="../core/generators/placegenerators.cpp" line="+235"/>
        <source>places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cities weighted by population</source>
        <translation>Städte nach Einwohnerzahl gewichtet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The city&apos;s state or region, as a name or ISO 3166-2 code</source>
        <translation>Bundesland oder Region der Stadt, als Name oder Code nach ISO 3166-2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The city&apos;s country: name, alpha-2, alpha-3 or numeric code</source>
        <translation>Das Land der Stadt: Name, Alpha-2-, Alpha-3- oder numerischer Code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A postal code of the city, in its country&apos;s format</source>
        <translation>Eine Postleitzahl der Stadt im Format ihres Landes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>House number and street, in the country&apos;s order and language</source>
        <translation>Hausnummer und Straße in Reihenfolge und Sprache des Landes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One-line postal address: street, postal code, city, country</source>
        <translation>Einzeilige Postanschrift: Straße, Postleitzahl, Stadt, Land</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>International phone number with the city&apos;s area code</source>
        <translation>Internationale Telefonnummer mit der Vorwahl der Stadt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ISO 4217 currency code of the place&apos;s country</source>
        <translation>Währungscode nach ISO 4217 des Landes des Orts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IBAN-shaped account numbers with valid check digits</source>
        <translation>Kontonummern in IBAN-Form mit gültigen Prüfziffern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latitude near the place&apos;s city, or in a bounding box</source>
        <translation>Breitengrad nahe der Stadt des Orts oder in einem Begrenzungsrechteck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Longitude near the place&apos;s city, or in a bounding box</source>
        <translation>Längengrad nahe der Stadt des Orts oder in einem Begrenzungsrechteck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A point as WKT, GeoJSON, PostgreSQL point or &quot;lat,lon&quot;</source>
        <translation>Ein Punkt als WKT, GeoJSON, PostgreSQL-point oder &quot;lat,lon&quot;</translation>
    </message>
    <message>
        <location filename="../core/generators/referencegenerators.cpp" line="+579"/>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A key of another table; the row picked uniformly or by zipf</source>
        <translation>Ein Schlüssel einer anderen Tabelle; die Zeile gleichverteilt oder nach zipf gewählt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of this row&apos;s parent (child tables)</source>
        <translation>Der Schlüssel der Elternzeile dieser Zeile (Kindtabellen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Position under the parent: start, start + 1, ... per parent</source>
        <translation>Position unter der Elternzeile: start, start + 1, ... je Elternzeile</translation>
    </message>
    <message>
        <location filename="../core/generators/temporalgenerators.cpp" line="+350"/>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates in [min, max], or after another column by an interval</source>
        <translation>Datumswerte in [min, max] oder um ein Intervall nach einer anderen Spalte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Timestamps in [min, max], or after another column by an interval</source>
        <translation>Zeitstempel in [min, max] oder um ein Intervall nach einer anderen Spalte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Times of day in [min, max]</source>
        <translation>Tageszeiten in [min, max]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instants in [min, max] (UTC), shown in weighted time zones</source>
        <translation>Zeitpunkte in [min, max] (UTC), in gewichteten Zeitzonen dargestellt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Durations in [min, max], PostgreSQL or ISO 8601 style</source>
        <translation>Dauern in [min, max], im Stil von PostgreSQL oder ISO 8601</translation>
    </message>
    <message>
        <location filename="../core/generators/textgenerators.cpp" line="-1"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text matching a regular expression, e.g. [A-Z]{3}-\d{4}</source>
        <translation>Text, der einem regulären Ausdruck entspricht, z. B. [A-Z]{3}-\d{4}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Random dictionary words, by word count or by text length</source>
        <translation>Zufällige Wörter aus dem Wörterbuch, nach Wortanzahl oder Textlänge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A capitalised sentence of random words ending with a full stop</source>
        <translation>Ein Satz aus zufälligen Wörtern mit großem Anfangsbuchstaben und Punkt am Ende</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Several sentences of random words</source>
        <translation>Mehrere Sätze aus zufälligen Wörtern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text built from other columns of the row, e.g. {first}.{last}@example.com</source>
        <translation>Text aus anderen Spalten der Zeile, z. B. {first}.{last}@example.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One value from a list, optionally weighted</source>
        <translation>Ein Wert aus einer Liste, wahlweise gewichtet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The same value on every row</source>
        <translation>Derselbe Wert in jeder Zeile</translation>
    </message>
    <message>
        <location filename="../core/generators/expressiongenerator.cpp" line="+1"/>
        <source>A value computed from other columns of the row: price * quantity</source>
        <translation>Ein aus anderen Spalten der Zeile berechneter Wert: price * quantity</translation>
    </message>
    <message>
        <location filename="../core/generators/geogenerators.cpp" line="+470"/>
        <source>geometry</source>
        <translation>Geometrie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PostGIS points near the place&apos;s city or in a box</source>
        <translation>PostGIS-Punkte nahe der Stadt des Orts oder in einem Rechteck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random-walk line strings of N vertices with a step length</source>
        <translation>Linienzüge als Zufallspfad aus N Stützpunkten mit einer Schrittlänge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A time for each vertex of a track column</source>
        <translation>Eine Zeit für jeden Stützpunkt einer Track-Spalte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simple polygons around a centre, with a radius and vertices</source>
        <translation>Einfache Polygone um einen Mittelpunkt, mit einem Radius und Stützpunkten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Multipolygons of separate simple polygons</source>
        <translation>Multipolygone aus getrennten einfachen Polygonen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parcels: the cells of a grid, one per row, never overlapping</source>
        <translation>Parzellen: die Zellen eines Rasters, eine je Zeile, ohne Überlappung</translation>
    </message>
</context>
<context>
    <name>JsonSchema</name>
    <message>
        <location filename="jsonschema-strings.cpp" line="+6"/>
        <source>A Spillway data schema: tables, typed columns, a generator per column, references and a seed.</source>
        <translation>Ein Spillway-Datenschema: Tabellen, typisierte Spalten, ein Generator je Spalte, Referenzen und ein Seed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format version</source>
        <translation>Formatversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated bytes only change when this changes</source>
        <translation>Die erzeugten Bytes ändern sich nur, wenn sich dieser Wert ändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Composite primary key: two or more columns whose values together are unique by construction (a unique column among them, the parent column with an ordinal, or the parent column with a distinct reference)</source>
        <translation>Zusammengesetzter Primärschlüssel: zwei oder mehr Spalten, deren Werte zusammen konstruktionsbedingt eindeutig sind (eine eindeutige Spalte darunter, die Elternspalte mit einer Ordnungszahl oder die Elternspalte mit einer Referenz ohne Zurücklegen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Composite unique constraints, each guaranteed like &apos;primaryKey&apos;</source>
        <translation>Zusammengesetzte Eindeutigkeitsbedingungen, jede wie &apos;primaryKey&apos; garantiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Composite foreign keys: the columns are references to the named table&apos;s columns that share one row (&quot;row&quot;)</source>
        <translation>Zusammengesetzte Fremdschlüssel: die Spalten sind Referenzen auf die Spalten der genannten Tabelle, die sich eine Zeile teilen (&quot;row&quot;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PostgreSQL type; default depends on the generator</source>
        <translation>PostgreSQL-Typ; der Standard hängt vom Generator ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated for templates, not written</source>
        <translation>Für Vorlagen erzeugt, nicht geschrieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Integers spread evenly over [min, max]</source>
        <translation>Ganze Zahlen, gleichmäßig über [min, max] verteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integers in a bell curve around mean</source>
        <translation>Ganze Zahlen in einer Glockenkurve um mean</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integers from min with the given mean above min</source>
        <translation>Ganze Zahlen ab min mit dem angegebenen Mittelwert über min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event counts with mean lambda</source>
        <translation>Ereignisanzahlen mit dem Mittelwert lambda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power law over [min, max]; min most frequent</source>
        <translation>Potenzgesetz über [min, max]; min am häufigsten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same count for every parent</source>
        <translation>Dieselbe Anzahl für jede Elternzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clamp below</source>
        <translation>Nach unten begrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clamp above</source>
        <translation>Nach oben begrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values start here</source>
        <translation>Die Werte beginnen hier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mean count</source>
        <translation>Die mittlere Anzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most frequent value</source>
        <translation>Der häufigste Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponent: 1 is classic Zipf, larger is more skewed</source>
        <translation>Exponent: 1 ist klassisches Zipf, größer ist schiefer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start, start + step, ...</source>
        <translation>start, start + step, ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exact decimals in [min, max]</source>
        <translation>Exakte Dezimalzahlen in [min, max]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits after the point; default from the column type numeric(p,s), else 2</source>
        <translation>Nachkommastellen; Standard aus dem Spaltentyp numeric(p,s), sonst 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shape of values within [min, max]</source>
        <translation>Form der Werte innerhalb von [min, max]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>normal: centre (default the middle); exponential: mean distance from the end in &apos;from&apos; (default a fifth of the range)</source>
        <translation>normal: Mitte (Standard: die Mitte des Bereichs); exponential: mittlerer Abstand vom Ende in &apos;from&apos; (Standard: ein Fünftel des Bereichs)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>normal: standard deviation (default a sixth of the range)</source>
        <translation>normal: Standardabweichung (Standard: ein Sechstel des Bereichs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exponential: the end most values cluster at</source>
        <translation>exponential: das Ende, an dem sich die meisten Werte häufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floating-point numbers in [min, max]</source>
        <translation>Gleitkommazahlen in [min, max]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits after the point; default the shortest form that reads back exactly</source>
        <translation>Nachkommastellen; Standard: die kürzeste Form, die exakt zurückgelesen wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true with the given probability</source>
        <translation>true mit der angegebenen Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of true</source>
        <translation>Anteil von true</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UUIDs, random (version 4) or time-ordered (version 7), unique by construction</source>
        <translation>UUIDs, zufällig (Version 4) oder zeitlich geordnet (Version 7), eindeutig durch ihre Konstruktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>4 (random) or 7 (time-ordered, RFC 9562)</source>
        <translation>4 (zufällig) oder 7 (zeitlich geordnet, RFC 9562)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version 7: the time of the first row</source>
        <translation>Version 7: die Zeit der ersten Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version 7: time added per row, at most 1 day</source>
        <translation>Version 7: die je Zeile hinzugefügte Zeit, höchstens 1 Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version 7: take the time from this timestamp or date column of the row instead (NULL where it is NULL)</source>
        <translation>Version 7: die Zeit stattdessen aus dieser timestamp- oder date-Spalte der Zeile nehmen (NULL, wo sie NULL ist)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates in [min, max], after another column, or a time series</source>
        <translation>Datumswerte in [min, max], nach einer anderen Spalte oder als Zeitreihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earliest value</source>
        <translation>Frühester Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest value</source>
        <translation>Spätester Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape of values within [min, max]; normal is centred in the range</source>
        <translation>Form der Werte innerhalb von [min, max]; normal liegt mittig im Bereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exponential: mean distance from the end in &apos;from&apos; (default a fifth of the range); not for normal, which is centred</source>
        <translation>exponential: mittlerer Abstand vom Ende in &apos;from&apos; (Standard: ein Fünftel des Bereichs); nicht für normal, das mittig liegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value = another column of the row + an interval drawn from [min, max] (whole days)</source>
        <translation>Wert = eine andere Spalte der Zeile + ein Intervall aus [min, max] (ganze Tage)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shortest interval (negative allowed)</source>
        <translation>Kürzestes Intervall (negativ erlaubt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest interval</source>
        <translation>Längstes Intervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time series: row n (or the n-th child of its parent) is min + n * every; max is then no bound. At least 1 day</source>
        <translation>Zeitreihe: Zeile n (oder das n-te Kind ihrer Elternzeile) ist min + n * every; max ist dann keine Grenze. Mindestens 1 Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time series: adds a uniform offset in [0, jitter) to each value (needs &apos;every&apos;)</source>
        <translation>Zeitreihe: addiert zu jedem Wert einen gleichverteilten Versatz in [0, jitter) (braucht &apos;every&apos;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timestamps in [min, max], after another column, or a time series</source>
        <translation>Zeitstempel in [min, max], nach einer anderen Spalte oder als Zeitreihe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fractional second digits</source>
        <translation>Nachkommastellen der Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value = another column of the row + an interval drawn from [min, max]</source>
        <translation>Wert = eine andere Spalte der Zeile + ein Intervall aus [min, max]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time series: row n (or the n-th child of its parent) is min + n * every; max is then no bound. At least one unit of the precision (1s by default)</source>
        <translation>Zeitreihe: Zeile n (oder das n-te Kind ihrer Elternzeile) ist min + n * every; max ist dann keine Grenze. Mindestens eine Einheit der Genauigkeit (standardmäßig 1s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Times of day (whole seconds) in [min, max], after another column, or a time series</source>
        <translation>Tageszeiten (ganze Sekunden) in [min, max], nach einer anderen Spalte oder als Zeitreihe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value = another column of the row + an interval drawn from [min, max] (whole seconds)</source>
        <translation>Wert = eine andere Spalte der Zeile + ein Intervall aus [min, max] (ganze Sekunden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time series: row n (or the n-th child of its parent) is min + n * every; max is then no bound. At least 1s</source>
        <translation>Zeitreihe: Zeile n (oder das n-te Kind ihrer Elternzeile) ist min + n * every; max ist dann keine Grenze. Mindestens 1s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instants in [min, max] (UTC), each shown in a time zone picked per row, with that zone&apos;s offset at that instant</source>
        <translation>Zeitpunkte in [min, max] (UTC), jeweils in einer je Zeile gewählten Zeitzone mit deren Versatz zu diesem Zeitpunkt dargestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IANA names from the system tzdata (&quot;Europe/Berlin&quot;), &quot;UTC&quot;, or fixed offsets (&quot;+05:30&quot;, &quot;-03&quot;)</source>
        <translation>IANA-Namen aus der tzdata des Systems (&quot;Europe/Berlin&quot;), &quot;UTC&quot; oder feste Versätze (&quot;+05:30&quot;, &quot;-03&quot;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One weight per zone; default equal</source>
        <translation>Ein Gewicht je Zone; Standard: gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durations in [min, max] in whole seconds, PostgreSQL or ISO 8601 style</source>
        <translation>Dauern in [min, max] in ganzen Sekunden, im Stil von PostgreSQL oder ISO 8601</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest duration</source>
        <translation>Kürzeste Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest duration</source>
        <translation>Längste Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postgres: &quot;3 days 04:05:06&quot;; iso: &quot;P3DT4H5M6S&quot;</source>
        <translation>postgres: &quot;3 days 04:05:06&quot;; iso: &quot;P3DT4H5M6S&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A key of another table</source>
        <translation>Ein Schlüssel einer anderen Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often each key is picked</source>
        <translation>Wie oft jeder Schlüssel gewählt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zipf: exponent</source>
        <translation>zipf: Exponent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zipf: spread the most popular parents over the table</source>
        <translation>zipf: die beliebtesten Elternzeilen über die Tabelle verteilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw without replacement within each parent: the children of one parent get distinct rows</source>
        <translation>Ohne Zurücklegen je Elternzeile ziehen: die Kinder einer Elternzeile erhalten verschiedene Zeilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read this column from the row that the named reference column of this table picked (composite foreign keys)</source>
        <translation>Diese Spalte aus der Zeile lesen, die die genannte Referenzspalte dieser Tabelle gewählt hat (zusammengesetzte Fremdschlüssel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw this column and the named reference column (which names this one back) as a pair of rows that never repeats in the table</source>
        <translation>Diese Spalte und die genannte Referenzspalte (die diese zurück nennt) als Zeilenpaar ziehen, das sich in der Tabelle nie wiederholt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key of this row&apos;s parent (child tables)</source>
        <translation>Der Schlüssel der Elternzeile dieser Zeile (Kindtabellen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position under the parent: start, start + 1, ...</source>
        <translation>Position unter der Elternzeile: start, start + 1, ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text matching a regular-expression subset</source>
        <translation>Text, der einer Teilmenge regulärer Ausdrücke entspricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap for *, + and {n,}</source>
        <translation>Obergrenze für *, + und {n,}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words from the bundled list</source>
        <translation>Wörter aus der mitgelieferten Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest words</source>
        <translation>Wenigste Wörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most words</source>
        <translation>Meiste Wörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest text in characters (instead of min/max words; more than the suffix)</source>
        <translation>Kürzester Text in Zeichen (statt min/max Wörter; länger als das Suffix)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest text in characters; the last word is cut to fit</source>
        <translation>Längster Text in Zeichen; das letzte Wort wird passend gekürzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appended to every value</source>
        <translation>An jeden Wert angehängt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A capitalised sentence ending with &apos;.&apos;</source>
        <translation>Ein Satz mit großem Anfangsbuchstaben, der mit &apos;.&apos; endet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several sentences</source>
        <translation>Mehrere Sätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest sentences</source>
        <translation>Wenigste Sätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most sentences</source>
        <translation>Meiste Sätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest words per sentence</source>
        <translation>Wenigste Wörter je Satz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most words per sentence</source>
        <translation>Meiste Wörter je Satz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text composed of other columns of the row: {first}.{last}@example.com; a placeholder with parentheses is an expression: {format(&apos;%05d&apos;, id)}</source>
        <oldsource>Text composed of other columns of the row: {first}.{last}@example.com</oldsource>
        <translation>Text aus anderen Spalten der Zeile: {first}.{last}@example.com; ein Platzhalter mit Klammern ist ein Ausdruck: {format(&apos;%05d&apos;, id)}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fold to ASCII: é→e, ß→ss</source>
        <translation>In ASCII umwandeln: é→e, ß→ss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A value computed from other columns of the row by a typed, SQL-like expression: price * quantity, case when … end, format(&apos;Customer#%09d&apos;, id)</source>
        <translation>Ein Wert, aus anderen Spalten der Zeile durch einen typisierten, SQL-ähnlichen Ausdruck berechnet: price * quantity, case when … end, format(&apos;Customer#%09d&apos;, id)</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Why an import guessed this column&apos;s generator; remove it once reviewed</source>
        <translation>Warum ein Import den Generator dieser Spalte erraten hat; nach der Überprüfung entfernen</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>keep &apos;rows&apos; under --rows N and --scale (a table whose size is part of its meaning, like TPC-H&apos;s 25 nations); only --rows TABLE=N changes it</source>
        <translation>&apos;rows&apos; unter --rows N und --scale beibehalten (eine Tabelle, deren Größe Teil ihrer Bedeutung ist, wie die 25 Nationen von TPC-H); nur --rows TABLE=N ändert sie</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>take this many values, then leave out &apos;skip&apos; values (sparse keys: run 8, skip 24 keeps the first 8 of every 32); 0: no gaps</source>
        <translation>so viele Werte nehmen, dann &apos;skip&apos; Werte auslassen (dünn besetzte Schlüssel: run 8, skip 24 behält die ersten 8 von je 32); 0: keine Lücken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>values left out after each run</source>
        <translation>Werte, die nach jedem &apos;run&apos; ausgelassen werden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A date, time or timestamp column of the row, parent.&lt;column&gt; (the parent row&apos;s) or &lt;reference column&gt;.&lt;column&gt; (the referenced row&apos;s)</source>
        <translation>Eine date-, time- oder timestamp-Spalte der Zeile, parent.&lt;Spalte&gt; (die der Elternzeile) oder &lt;Referenzspalte&gt;.&lt;Spalte&gt; (die der referenzierten Zeile)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Child tables with a constant fan-out k: ordinal i of parent row p draws row (p + 1 + i * (S/k + p/S)) mod S of the S rows (TPC-H&apos;s partsupp suppliers); distinct within each parent</source>
        <translation>Kindtabellen mit konstantem Fan-out k: Position i unter der Elternzeile p zieht Zeile (p + 1 + i * (S/k + p/S)) mod S der S Zeilen (die partsupp-Lieferanten von TPC-H); verschieden innerhalb jeder Elternzeile</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Columns of the row (parent.&lt;col&gt;: the parent row&apos;s; &lt;reference column&gt;.&lt;col&gt;: the referenced row&apos;s), numbers, &apos;text&apos;, date &apos;…&apos;, interval &apos;…&apos;, + - * / %, ||, comparisons, and/or/not, case, coalesce, least, greatest, abs, round, floor, ceil, upper, lower, length, substr, format, extract</source>
        <translation>Spalten der Zeile (parent.&lt;Spalte&gt;: die der Elternzeile; &lt;Referenzspalte&gt;.&lt;Spalte&gt;: die der referenzierten Zeile), Zahlen, &apos;text&apos;, date &apos;…&apos;, interval &apos;…&apos;, + - * / %, ||, Vergleiche, and/or/not, case, coalesce, least, greatest, abs, round, floor, ceil, upper, lower, length, substr, format, extract</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A value over the row&apos;s child rows, recomputed from their row indexes: sum(quantity * unit_price) of an order&apos;s lines, count, min, max, avg, bool_and, bool_or</source>
        <translation>Ein Wert über die Kindzeilen der Zeile, aus deren Zeilenindizes neu berechnet: sum(quantity * unit_price) der Positionen einer Bestellung, count, min, max, avg, bool_and, bool_or</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The child table whose rows are folded: its rowsPerParent names this table as parent</source>
        <translation>Die Kindtabelle, deren Zeilen zusammengefasst werden: Ihr rowsPerParent nennt diese Tabelle als Elterntabelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>count, sum, avg, min, max of the expression&apos;s values (nulls skipped), or bool_and/bool_or of a condition; over no child rows count is 0 and the others null</source>
        <translation>count, sum, avg, min, max der Werte des Ausdrucks (NULL-Werte übersprungen) oder bool_and/bool_or einer Bedingung; ohne Kindzeilen ist count 0 und die anderen null</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An expression over the child table&apos;s columns (the expression language); count without one counts the child rows</source>
        <translation>Ein Ausdruck über die Spalten der Kindtabelle (die Ausdruckssprache); count ohne Ausdruck zählt die Kindzeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weighted choice from a list</source>
        <translation>Gewichtete Auswahl aus einer Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One weight per value, at least one above 0; default equal</source>
        <translation>Ein Gewicht je Wert, mindestens eines über 0; Standard: gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values shaped like pg_stats: most common values with their exact shares, the rest from equal-frequency buckets</source>
        <translation>Werte wie in pg_stats: die häufigsten Werte mit ihren exakten Anteilen, der Rest aus Klassen gleicher Häufigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ascending bucket bounds: n+1 bounds make n buckets of equal share, uniform inside each</source>
        <translation>Aufsteigende Klassengrenzen: n+1 Grenzen ergeben n Klassen mit gleichem Anteil, innerhalb jeder gleichverteilt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Most common values, each with its share in &apos;frequencies&apos;</source>
        <translation>Die häufigsten Werte, jeweils mit ihrem Anteil in &apos;frequencies&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One share per value, summing to at most 1; the rest of the rows come from the buckets</source>
        <translation>Ein Anteil je Wert, zusammen höchstens 1; die übrigen Zeilen kommen aus den Klassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same value in every row</source>
        <translation>Derselbe Wert in jeder Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names by real frequency; agree with the group&apos;s sex, last name and email</source>
        <translation>Vornamen nach echter Häufigkeit; passend zu Geschlecht, Nachname und E-Mail der Gruppe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns of this table with the same group describe the same person (sex, first and last name, email)</source>
        <translation>Spalten dieser Tabelle mit derselben Gruppe beschreiben dieselbe Person (Geschlecht, Vor- und Nachname, E-Mail)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family names by real frequency</source>
        <translation>Nachnamen nach echter Häufigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;First Last&quot; or &quot;Last, First&quot; of the group&apos;s person</source>
        <translation>&quot;Vorname Nachname&quot; oder &quot;Nachname, Vorname&quot; der Person der Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sex the group&apos;s first name goes with, as one of two labels</source>
        <translation>Das Geschlecht, zu dem der Vorname der Gruppe passt, als eine von zwei Bezeichnungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Female label, then male label</source>
        <translation>Weibliche Bezeichnung, dann männliche Bezeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email addresses made from the group&apos;s person, or from named columns of the row</source>
        <translation>E-Mail-Adressen aus der Person der Gruppe oder aus benannten Spalten der Zeile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One or two columns of the row to take the names from (first word of the first, last word of the last) instead of the group</source>
        <translation>Eine oder zwei Spalten der Zeile, aus denen statt der Gruppe die Namen genommen werden (erstes Wort der ersten, letztes Wort der letzten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>free: webmail domains by real share; company: the domain of the row&apos;s company</source>
        <translation>free: Webmail-Domains nach echtem Anteil; company: die Domain der Firma der Zeile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One fixed domain for every address (&quot;example.com&quot;)</source>
        <translation>Eine feste Domain für jede Adresse (&quot;example.com&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>domains company: the company group whose domain to use</source>
        <translation>domains company: die Firmengruppe, deren Domain verwendet wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company names (&quot;Northwind Labs&quot;)</source>
        <translation>Firmennamen (&quot;Northwind Labs&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns of this table with the same group describe the same company (name, domain, URLs, company email domains)</source>
        <translation>Spalten dieser Tabelle mit derselben Gruppe beschreiben dieselbe Firma (Name, Domain, URLs, E-Mail-Domains der Firma)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job titles by real frequency</source>
        <translation>Berufsbezeichnungen nach echter Häufigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cities weighted by population</source>
        <translation>Städte nach Einwohnerzahl gewichtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns of this table with the same group describe the same place (city, region, country, postal code, ...)</source>
        <translation>Spalten dieser Tabelle mit derselben Gruppe beschreiben denselben Ort (Stadt, Region, Land, Postleitzahl, ...)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only places in these countries (ISO 3166-1 alpha-2 codes); default all 30</source>
        <translation>Nur Orte in diesen Ländern (Codes nach ISO 3166-1 alpha-2); Standard: alle 30</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The city&apos;s state or region</source>
        <translation>Das Bundesland oder die Region der Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name: &quot;Bavaria&quot;; code: its ISO 3166-2 subdivision code (&quot;BY&quot;)</source>
        <translation>name: &quot;Bavaria&quot;; code: ihr Unterteilungscode nach ISO 3166-2 (&quot;BY&quot;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The city&apos;s country</source>
        <translation>Das Land der Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name: &quot;Germany&quot;; ISO 3166-1 alpha2: &quot;DE&quot;, alpha3: &quot;DEU&quot;, numeric: &quot;276&quot;</source>
        <translation>name: &quot;Germany&quot;; ISO 3166-1 alpha2: &quot;DE&quot;, alpha3: &quot;DEU&quot;, numeric: &quot;276&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A postal code in the format of the city&apos;s country and area (not a real address)</source>
        <translation>Eine Postleitzahl im Format des Landes und Gebiets der Stadt (keine echte Adresse)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>House number and a street name in the country&apos;s language and order</source>
        <translation>Hausnummer und ein Straßenname in der Sprache und Reihenfolge des Landes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One line: street, postal code, city (and state code), country</source>
        <translation>Eine Zeile: Straße, Postleitzahl, Stadt (und Code des Bundeslands), Land</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>International phone numbers with the city&apos;s area code (not real lines)</source>
        <translation>Internationale Telefonnummern mit der Vorwahl der Stadt (keine echten Anschlüsse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISO 4217 currency code of the place&apos;s country</source>
        <translation>Währungscode nach ISO 4217 des Landes des Orts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBANs with valid check digits in the country&apos;s format (not real accounts); rows in countries without IBANs get one of an IBAN country</source>
        <translation>IBANs mit gültigen Prüfziffern im Format des Landes (keine echten Konten); Zeilen in Ländern ohne IBAN erhalten eine aus einem IBAN-Land</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only places in these countries; list countries that have IBANs</source>
        <translation>Nur Orte in diesen Ländern; nur Länder mit IBAN angeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latitude near the place&apos;s city, or in a bounding box</source>
        <translation>Breitengrad nahe der Stadt des Orts oder in einem Begrenzungsrechteck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scatter around the city centre: standard deviation in km</source>
        <translation>Streuung um das Stadtzentrum: Standardabweichung in km</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[west, south, east, north] in degrees (west &lt; east, south &lt; north): uniform in this box instead of near the city</source>
        <translation>[west, south, east, north] in Grad (west &lt; east, south &lt; north): gleichverteilt in diesem Rechteck statt nahe der Stadt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longitude near the place&apos;s city, or in a bounding box</source>
        <translation>Längengrad nahe der Stadt des Orts oder in einem Begrenzungsrechteck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A point near the place&apos;s city, or in a bounding box</source>
        <translation>Ein Punkt nahe der Stadt des Orts oder in einem Begrenzungsrechteck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wkt: POINT(lon lat); geojson: {&quot;type&quot;:&quot;Point&quot;,...}; point: (lon,lat) for PostgreSQL point; latlon: &quot;lat,lon&quot;</source>
        <translation>wkt: POINT(lon lat); geojson: {&quot;type&quot;:&quot;Point&quot;,...}; point: (lon,lat) für PostgreSQLs point; latlon: &quot;lat,lon&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PostGIS points near the place&apos;s city, or in a bounding box (EWKT, SRID of the column)</source>
        <translation>PostGIS-Punkte nahe der Stadt des Orts oder in einem Begrenzungsrechteck (EWKT, SRID der Spalte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Random-walk line strings: a start near the place&apos;s city (or in a box), then steps of about &apos;step&apos; metres turning up to &apos;maxTurn&apos; degrees</source>
        <translation>Linienzüge als Zufallspfad: ein Start nahe der Stadt des Orts (oder in einem Rechteck), dann Schritte von etwa &apos;step&apos; Metern mit Drehungen um bis zu &apos;maxTurn&apos; Grad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fewest vertices of a row</source>
        <translation>Wenigste Stützpunkte einer Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most vertices of a row (equal to minVertices for a fixed count)</source>
        <translation>Meiste Stützpunkte einer Zeile (gleich minVertices für eine feste Anzahl)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shape of the vertex counts within [minVertices, maxVertices]</source>
        <translation>Form der Stützpunktanzahlen innerhalb von [minVertices, maxVertices]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step length in metres (each step 0.5 to 1.5 times this)</source>
        <translation>Schrittlänge in Metern (jeder Schritt das 0,5- bis 1,5-Fache davon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest change of heading per step, in degrees</source>
        <translation>Größte Richtungsänderung je Schritt, in Grad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A timestamptz[] with one time per vertex of a track column of the same row, &apos;interval&apos; apart</source>
        <translation>Ein timestamptz[] mit einer Zeit je Stützpunkt einer Track-Spalte derselben Zeile, im Abstand von &apos;interval&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The track (LineString) column whose vertices are timed</source>
        <translation>Die Track-Spalte (LineString), deren Stützpunkte Zeiten erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A timestamp column of the row holding the first vertex&apos;s time; without it the start is drawn between &apos;from&apos; and &apos;to&apos;</source>
        <translation>Eine timestamp-Spalte der Zeile mit der Zeit des ersten Stützpunkts; ohne sie wird der Start zwischen &apos;from&apos; und &apos;to&apos; gezogen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time between consecutive vertices</source>
        <translation>Zeit zwischen aufeinanderfolgenden Stützpunkten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earliest start when &apos;start&apos; is not given</source>
        <translation>Frühester Start, wenn &apos;start&apos; nicht angegeben ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest start when &apos;start&apos; is not given</source>
        <translation>Spätester Start, wenn &apos;start&apos; nicht angegeben ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simple, valid polygons around a centre near the place&apos;s city (or in a box): vertices at increasing angles, distances varying by &apos;jitter&apos;</source>
        <translation>Einfache, gültige Polygone um einen Mittelpunkt nahe der Stadt des Orts (oder in einem Rechteck): Stützpunkte in aufsteigenden Winkeln, Abstände um &apos;jitter&apos; variierend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Radius in metres (at least 0.2 m per vertex)</source>
        <translation>Radius in Metern (mindestens 0,2 m je Stützpunkt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each vertex&apos;s distance from the centre varies by up to this fraction of the radius</source>
        <translation>Der Abstand jedes Stützpunkts vom Mittelpunkt variiert um bis zu diesen Bruchteil des Radius</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Multipolygons of &apos;minParts&apos; to &apos;maxParts&apos; separate simple polygons</source>
        <translation>Multipolygone aus &apos;minParts&apos; bis &apos;maxParts&apos; getrennten einfachen Polygonen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewest polygons per row</source>
        <translation>Wenigste Polygone je Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most polygons per row</source>
        <translation>Meiste Polygone je Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcels: row r is cell (r mod columns, r / columns) of a grid from &apos;origin&apos;, corners jittered and shared with the neighbours, never overlapping</source>
        <translation>Parzellen: Zeile r ist Zelle (r mod columns, r / columns) eines Rasters ab &apos;origin&apos;, Ecken zufällig verschoben und mit den Nachbarn geteilt, ohne Überlappung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[longitude, latitude] of the grid&apos;s south-west corner</source>
        <translation>[longitude, latitude] der Südwestecke des Rasters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell side in metres</source>
        <translation>Seitenlänge einer Zelle in Metern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells per grid row</source>
        <translation>Zellen je Rasterzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far each grid corner moves, as a fraction of a cell</source>
        <translation>Wie weit sich jede Rasterecke verschiebt, als Bruchteil einer Zelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web domains of the group&apos;s company</source>
        <translation>Web-Domains der Firma der Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https URLs on the group&apos;s company&apos;s domain</source>
        <translation>https-URLs auf der Domain der Firma der Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv4 addresses, optionally in a CIDR block</source>
        <translation>IPv4-Adressen, wahlweise in einem CIDR-Block</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses in this block (&quot;10.20.0.0/16&quot;); default any address with a first octet of 1-223</source>
        <translation>Adressen in diesem Block (&quot;10.20.0.0/16&quot;); Standard: jede Adresse mit einem ersten Oktett von 1-223</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Append &quot;/32&quot;</source>
        <translation>&quot;/32&quot; anhängen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv6 addresses in RFC 5952 form, optionally in a CIDR block</source>
        <translation>IPv6-Adressen in der Form nach RFC 5952, wahlweise in einem CIDR-Block</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses in this block (&quot;2001:db8::/32&quot;)</source>
        <translation>Adressen in diesem Block (&quot;2001:db8::/32&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Append &quot;/128&quot;</source>
        <translation>&quot;/128&quot; anhängen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC addresses (unicast, globally unique bit pattern)</source>
        <translation>MAC-Adressen (Unicast, Bitmuster global eindeutig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser and bot user agents by real share</source>
        <translation>User-Agents von Browsern und Bots nach echtem Anteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luhn-valid test card numbers of the brands&apos; prefixes and lengths</source>
        <translation>Luhn-gültige Testkartennummern mit den Präfixen und Längen der Marken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only these brands (weighted by market share); empty or absent: all four</source>
        <translation>Nur diese Marken (nach Marktanteil gewichtet); leer oder fehlend: alle vier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups of 4 digits (4-6-5 for amex)</source>
        <translation>Gruppen zu 4 Ziffern (4-6-5 für amex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON objects whose fields are any generators (nested too)</source>
        <translation>JSON-Objekte, deren Felder beliebige Generatoren sind (auch verschachtelt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field name -&gt; generator object ({&quot;kind&quot;: ..., parameters, optional &quot;type&quot; and &quot;nullFraction&quot;}); written in name order; names without quotes, backslashes or control characters</source>
        <translation>Feldname -&gt; Generatorobjekt ({&quot;kind&quot;: ..., Parameter, optional &quot;type&quot; und &quot;nullFraction&quot;}); nach Namen geordnet geschrieben; Namen ohne Anführungszeichen, Backslashes oder Steuerzeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave NULL fields out instead of writing null</source>
        <translation>NULL-Felder weglassen, statt null zu schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrays of any generator&apos;s values with a length distribution: a PostgreSQL array, or a JSON array in json/jsonb columns and fields</source>
        <translation>Arrays der Werte eines beliebigen Generators mit einer Längenverteilung: ein PostgreSQL-Array oder ein JSON-Array in json/jsonb-Spalten und -Feldern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The elements&apos; generator object ({&quot;kind&quot;: ..., parameters, optional &quot;type&quot; and &quot;nullFraction&quot;}); it cannot read other columns or the parent row</source>
        <translation>Das Generatorobjekt der Elemente ({&quot;kind&quot;: ..., Parameter, optional &quot;type&quot; und &quot;nullFraction&quot;}); es kann keine anderen Spalten und nicht die Elternzeile lesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fewest elements</source>
        <translation>Wenigste Elemente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most elements (at most 10,000; arrays and json nest at most 8 levels and a row holds at most 100,000 values, the product of the nested maxLengths)</source>
        <translation>Meiste Elemente (höchstens 10.000; Arrays und json sind höchstens 8 Ebenen tief verschachtelt, und eine Zeile enthält höchstens 100.000 Werte, das Produkt der verschachtelten maxLength)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shape of the lengths within [minLength, maxLength]</source>
        <translation>Form der Längen innerhalb von [minLength, maxLength]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random bytes (bytea, hex form)</source>
        <translation>Zufällige Bytes (bytea, Hex-Form)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest bytes</source>
        <translation>Wenigste Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most bytes; default the larger of minLength and 16</source>
        <translation>Meiste Bytes; Standard: das Größere von minLength und 16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A generator inside json or array: like a column&apos;s generator, with the optional SQL type of its values and its own share of NULLs</source>
        <translation>Ein Generator in json oder array: wie der Generator einer Spalte, mit dem optionalen SQL-Typ seiner Werte und seinem eigenen NULL-Anteil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PostgreSQL type of the values; default the generator&apos;s (inside json, arrays and objects are JSON)</source>
        <translation>PostgreSQL-Typ der Werte; Standard: der des Generators (in json sind Arrays und Objekte JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean and stddev belong to distribution normal, mean and from to exponential</source>
        <translation>mean und stddev gehören zu distribution normal, mean und from zu exponential</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stddev belongs to distribution normal (centred in the range: no mean), mean and from to exponential</source>
        <translation>stddev gehört zu distribution normal (mittig im Bereich: kein mean), mean und from zu exponential</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISO 3166-1 alpha-2 code of a bundled country (either letter case)</source>
        <translation>Code nach ISO 3166-1 alpha-2 eines mitgelieferten Landes (Groß- oder Kleinschreibung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISO 3166-1 alpha-2 code of a bundled country that has IBANs</source>
        <translation>Code nach ISO 3166-1 alpha-2 eines mitgelieferten Landes mit IBAN</translation>
    </message>
</context>
<context>
    <name>PipelineJob</name>
    <message>
        <location filename="../core/pg/pipelinejob.cpp" line="+104"/>
        <source>a command failed (see the commands&apos; exit statuses)</source>
        <translation>ein Befehl ist fehlgeschlagen (siehe die Exit-Status der Befehle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verify found differences in the target tables</source>
        <translation>die Prüfung fand Unterschiede in den Zieltabellen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>generating files</source>
        <translation>Dateien werden erzeugt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running the before command</source>
        <translation>Vorab-Befehl wird ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running the pipeline</source>
        <translation>Pipeline wird ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verifying</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>there is no command to run: give the pipeline&apos;s command line with --run</source>
        <translation>es gibt keinen Befehl zum Ausführen: Geben Sie die Kommandozeile der Pipeline mit --run an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of iterations must be 1 or more</source>
        <translation>die Anzahl der Durchgänge muss 1 oder mehr sein</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>cannot create the runs folder %1</source>
        <translation>der Ordner der Läufe %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write the pipeline&apos;s log %1: %2</source>
        <translation>das Protokoll der Pipeline %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot create the files folder %1</source>
        <translation>der Dateiordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reusing files in %1 (written earlier with the same schema, seed and settings)</source>
        <translation>Dateien in %1 werden wiederverwendet (früher mit demselben Schema, Seed und denselben Einstellungen geschrieben)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generating files into %1</source>
        <translation>Dateien werden in %1 erzeugt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot write the files: %1</source>
        <translation>die Dateien können nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>generating the files failed: %1</source>
        <translation>das Erzeugen der Dateien ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot write %1 (the files will be generated again next time): %2</source>
        <translation>%1 kann nicht geschrieben werden (die Dateien werden beim nächsten Mal neu erzeugt): %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Iteration %1 of %2</source>
        <translation>Durchgang %1 von %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+12"/>
        <location line="+117"/>
        <location line="+205"/>
        <source>before</source>
        <translation>vorab</translation>
    </message>
    <message>
        <location line="-333"/>
        <source>The before command: %1</source>
        <translation>Der Vorab-Befehl: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the before command failed (%1); the iteration did not run</source>
        <translation>der Vorab-Befehl ist fehlgeschlagen (%1); der Durchgang wurde nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The database could not be sampled: %1</source>
        <translation>Die Datenbank konnte nicht gemessen werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2 after %3 s</source>
        <translation>%1: %2 nach %3 s</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>verify could not compare the tables: %1</source>
        <translation>die Prüfung konnte die Tabellen nicht vergleichen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify found differences</source>
        <translation>Die Prüfung fand Unterschiede</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify: every table as expected</source>
        <translation>Prüfung: jede Tabelle wie erwartet</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stopping after iteration %1: it failed</source>
        <translation>Abbruch nach Durchgang %1: Er ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
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
        <location filename="../ui/history/runcharts.cpp" line="+39"/>
        <source>mean %1</source>
        <translation>Mittel %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+79"/>
        <location line="+142"/>
        <source>elapsed</source>
        <translation>vergangen</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+57"/>
        <location line="+9"/>
        <location line="+66"/>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Rows/s into the target tables</source>
        <translation>Zeilen/s in die Zieltabellen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Commands: CPU and memory</source>
        <translation>Befehle: CPU und Speicher</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 CPU %</source>
        <translation>%1 CPU %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU % of one core</source>
        <translation>CPU % eines Kerns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory MB</source>
        <translation>Speicher MB</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Database activity</source>
        <translation>Datenbankaktivität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle in transaction</source>
        <translation>untätig in Transaktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+10"/>
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
        <location line="-43"/>
        <location line="+2"/>
        <location line="+46"/>
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
        <location line="+8"/>
        <source>Throughput, B against A</source>
        <translation>Durchsatz, B gegenüber A</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A rows/s into the targets</source>
        <translation>A Zeilen/s in die Ziele</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A rows/s</source>
        <translation>A Zeilen/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>B rows/s into the targets</source>
        <translation>B Zeilen/s in die Ziele</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B rows/s</source>
        <translation>B Zeilen/s</translation>
    </message>
    <message>
        <location filename="../ui/shell/filecontroller.cpp" line="+25"/>
        <source>Spillway schemas (*.json);;All files (*)</source>
        <translation>Spillway-Schemas (*.json);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 — %n table(s)</source>
        <translation>
            <numerusform>%1 — %n Tabelle</numerusform>
            <numerusform>%1 — %n Tabellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n column(s)</source>
        <translation>
            <numerusform>, %n Spalte</numerusform>
            <numerusform>, %n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/design/distribution.cpp" line="+258"/>
        <source>every sampled value is %1</source>
        <translation>jeder Stichprobenwert ist %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>every sampled value is distinct (%1 values)</source>
        <translation>jeder Stichprobenwert ist verschieden (%1 Werte)</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>every sampled value is NULL</source>
        <translation>jeder Stichprobenwert ist NULL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the table has no rows</source>
        <translation>die Tabelle hat keine Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/run/runsettings.cpp" line="+63"/>
        <source>Choose an output folder for the files.</source>
        <translation>Wählen Sie einen Ausgabeordner für die Dateien.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no connection profile &quot;%1&quot;: choose another database for the pipeline.</source>
        <translation>Es gibt kein Verbindungsprofil „%1“: Wählen Sie eine andere Datenbank für die Pipeline.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Split files by rows or by size, not both.</source>
        <translation>Teilen Sie Dateien nach Zeilen oder nach Größe, nicht nach beidem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scale must be above 0.</source>
        <translation>Die Skalierung muss größer als 0 sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threshold &apos;%1&apos;: %2</source>
        <translation>Schwellenwert „%1“: %2</translation>
    </message>
    <message>
        <location filename="../ui/run/pipelinesettings.cpp" line="+41"/>
        <source>Add a command for the pipeline: the command line that runs your ETL.</source>
        <translation>Fügen Sie einen Befehl für die Pipeline hinzu: die Kommandozeile, die Ihr ETL ausführt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two commands are named &quot;%1&quot;: give each its own name.</source>
        <translation>Zwei Befehle heißen „%1“: Geben Sie jedem einen eigenen Namen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dirty rows: %1</source>
        <translation>Fehlerhafte Zeilen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dirty rows: there is no kind &quot;%1&quot;.</source>
        <translation>Fehlerhafte Zeilen: Es gibt keine Art „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repeat: run the pipeline at least once.</source>
        <translation>Wiederholungen: Führen Sie die Pipeline mindestens einmal aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The timeout must be 0 (none) or more seconds.</source>
        <translation>Das Zeitlimit muss 0 (keines) oder mehr Sekunden betragen.</translation>
    </message>
</context>
<context>
    <name>RunEstimate</name>
    <message>
        <location filename="../ui/run/runestimate.cpp" line="+165"/>
        <source>≈ %1 rows · ≈ %2</source>
        <translation>≈ %1 Zeilen · ≈ %2</translation>
    </message>
</context>
<context>
    <name>RunSettings</name>
    <message>
        <location filename="../ui/run/runsettings.cpp" line="+61"/>
        <source>&lt;unsaved schema&gt;</source>
        <translation>&lt;ungespeichertes Schema&gt;</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <location filename="../core/history/runsummary.cpp" line="+95"/>
        <source>rows made by this run</source>
        <translation>von diesem Lauf erzeugte Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rows the run was to make</source>
        <translation>Zeilen, die der Lauf erzeugen sollte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes written (as encoded)</source>
        <translation>geschriebene Bytes (kodiert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds from start to end, pauses excluded</source>
        <translation>Sekunden vom Start bis zum Ende, ohne Pausen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean rows per second</source>
        <translation>mittlere Zeilen pro Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean megabytes (10^6 bytes) per second</source>
        <translation>mittlere Megabyte (10^6 Bytes) pro Sekunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>highest rows per second over about a second</source>
        <translation>höchste Zeilen pro Sekunde über etwa eine Sekunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rows already loaded by the interrupted run this one resumed</source>
        <translation>Zeilen, die der unterbrochene Lauf, den dieser fortsetzte, schon geladen hatte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chunk transactions committed</source>
        <translation>festgeschriebene Chunk-Transaktionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>median chunk commit time</source>
        <translation>Median der Commit-Zeit je Chunk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95th percentile chunk commit time</source>
        <translation>95. Perzentil der Commit-Zeit je Chunk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>99th percentile chunk commit time</source>
        <translation>99. Perzentil der Commit-Zeit je Chunk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>longest chunk commit time</source>
        <translation>längste Commit-Zeit je Chunk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chunk attempts repeated after an error</source>
        <translation>nach einem Fehler wiederholte Chunk-Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>records refused by the server and set aside (load --on-error skip)</source>
        <translation>vom Server abgelehnte und beiseitegelegte Datensätze (load --on-error skip)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mean rows inserted per second seen by the server</source>
        <translation>mittlere vom Server gesehene eingefügte Zeilen pro Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean WAL megabytes written per second</source>
        <translation>mittlere geschriebene WAL-Megabyte pro Sekunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server checkpoints during the run</source>
        <translation>Checkpoints des Servers während des Laufs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pipeline: seconds the commands ran (median over iterations)</source>
        <translation>Pipeline: Laufzeit der Befehle in Sekunden (Median über die Durchgänge)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pipeline: highest resident memory of one command&apos;s process tree</source>
        <translation>Pipeline: höchster residenter Speicher des Prozessbaums eines Befehls</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pipeline: mean CPU of the commands&apos; process trees (100 = one core)</source>
        <translation>Pipeline: mittlere CPU der Prozessbäume der Befehle (100 = ein Kern)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pipeline: Spillway&apos;s own CPU while the commands ran (100 = one core)</source>
        <translation>Pipeline: eigene CPU von Spillway, während die Befehle liefen (100 = ein Kern)</translation>
    </message>
</context>
<context>
    <name>WorkerState</name>
    <message>
        <location filename="../core/run/metrics.h" line="+30"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>generating</source>
        <translation>erzeugt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copying</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committing</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying</source>
        <translation>wiederholt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+27"/>
        <source>Workbench for load-testing data ingestion into PostgreSQL</source>
        <translation>Werkbank für Lasttests des Datenimports in PostgreSQL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schema file to open.</source>
        <translation>Zu öffnende Schema-Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a bundled example (%1).</source>
        <translation>Ein mitgeliefertes Beispiel öffnen (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk through every page (start, designer, run dashboard during and after two runs into the embedded server, history) and save PNGs of each in the light and dark palette at 1024x640 and 1600x1000 into DIR, then quit.</source>
        <translation>Durchläuft jede Seite (Start, Entwurf, Dashboard während und nach zwei Läufen in den eingebetteten Server, Verlauf), speichert PNGs jeder Seite in der hellen und der dunklen Palette in 1024x640 und 1600x1000 in DIR und beendet sich dann.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Colour theme: light, dark or system (default: the last one chosen in View &gt; Theme).</source>
        <translation>Farbschema: light, dark oder system (Standard: das zuletzt unter Ansicht &gt; Farbschema gewählte).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown palette “%1”: use light, dark or system.</source>
        <translation>Unbekannte Palette „%1“: Verwenden Sie light, dark oder system.</translation>
    </message>
</context>
<context>
    <name>spillway</name>
    <message>
        <location filename="../ui/design/expressionnames.cpp" line="+55"/>
        <source>This row</source>
        <translation>Diese Zeile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parent row (%1)</source>
        <translation>Elternzeile (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Through %1 (%2)</source>
        <translation>Über %1 (%2)</translation>
    </message>
</context>
<context>
    <name>spillway::ColumnInspector</name>
    <message>
        <location filename="../ui/design/columninspector.cpp" line="+62"/>
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
    <name>spillway::CommandActivityModel</name>
    <message numerus="yes">
        <location filename="../ui/run/pipelinemodels.cpp" line="+91"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n aktiv</numerusform>
            <numerusform>%n aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n idle in transaction</source>
        <translation>
            <numerusform>%n untätig in Transaktion</numerusform>
            <numerusform>%n untätig in Transaktion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n blocked</source>
        <translation>
            <numerusform>%n blockiert</numerusform>
            <numerusform>%n blockiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n idle</source>
        <translation>
            <numerusform>%n untätig</numerusform>
            <numerusform>%n untätig</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Wait events: %1</source>
        <translation>Warteereignisse: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Of one core: 200% is two cores busy (%n process(es))</source>
        <translation>
            <numerusform>Bezogen auf einen Kern: 200% sind zwei ausgelastete Kerne (%n Prozess)</numerusform>
            <numerusform>Bezogen auf einen Kern: 200% sind zwei ausgelastete Kerne (%n Prozesse)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>spillway::CommandListModel</name>
    <message>
        <location filename="../ui/run/commandlistmodel.cpp" line="+89"/>
        <source>Prefixes the command&apos;s output lines in the log</source>
        <translation>Steht im Protokoll vor den Ausgabezeilen des Befehls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run with /bin/sh -c in its own process group: %1</source>
        <translation>Wird mit /bin/sh -c in einer eigenen Prozessgruppe ausgeführt: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command line</source>
        <translation>Kommandozeile</translation>
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
    <name>spillway::ConnectionPassword</name>
    <message>
        <location filename="../ui/run/connectionpassword.cpp" line="+21"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The system keyring has no password for profile &quot;%1&quot; yet; it will keep the one you type now.</source>
        <translation>Der Schlüsselbund des Systems hat noch kein Passwort für das Profil „%1“; er bewahrt das auf, das Sie jetzt eingeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keyring is unavailable: %1</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the password (kept in memory only), or leave it empty so that libpq uses PGPASSWORD or ~/.pgpass.</source>
        <translation>Geben Sie das Passwort ein (nur im Speicher gehalten) oder lassen Sie es leer, damit libpq PGPASSWORD oder ~/.pgpass verwendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Password for %1 (kept in memory only):</source>
        <translation>Passwort für %1 (nur im Speicher gehalten):</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The password of profile &quot;%1&quot; is now in the system keyring.</source>
        <translation>Das Passwort des Profils „%1“ liegt jetzt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system keyring could not keep the password of profile &quot;%1&quot;: %2</source>
        <translation>Der Schlüsselbund des Systems konnte das Passwort des Profils „%1“ nicht speichern: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The system keyring could not delete the password of profile &quot;%1&quot;: %2</source>
        <translation>Der Schlüsselbund des Systems konnte das Passwort des Profils „%1“ nicht löschen: %2</translation>
    </message>
</context>
<context>
    <name>spillway::ConnectionProfileEditor</name>
    <message>
        <location filename="../ui/run/connectionprofileeditor.cpp" line="+31"/>
        <source>from the system keyring</source>
        <translation>aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>typed in (kept in memory only)</source>
        <translation>eingegeben (nur im Speicher gehalten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from PGPASSWORD</source>
        <translation>aus PGPASSWORD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>given with the connection string</source>
        <translation>in der Verbindungszeichenkette angegeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none needed (trust, peer or certificate)</source>
        <translation>keines nötig (trust, peer oder Zertifikat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connected to PostgreSQL %1.</source>
        <translation>Mit PostgreSQL %1 verbunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unix socket in %1</source>
        <translation>Unix-Socket in %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: %1 · port: %2</source>
        <translation>Host: %1 · Port: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database: %1 · user: %2</source>
        <translation>Datenbank: %1 · Benutzer: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (SSL in use)</source>
        <translation>%1 (SSL aktiv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (no SSL)</source>
        <translation>%1 (kein SSL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL mode: %1</source>
        <translation>SSL-Modus: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service: %1</source>
        <translation>Dienst: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password: %1</source>
        <translation>Passwort: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server wants a password: choose &quot;Ask each time&quot; or &quot;Remember in the system keyring&quot;, or add it to ~/.pgpass.</source>
        <translation>Der Server verlangt ein Passwort: Wählen Sie „Jedes Mal fragen“ oder „Im Schlüsselbund speichern“, oder tragen Sie es in ~/.pgpass ein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fields (empty: libpq decides)</source>
        <translation>Felder (leer: libpq entscheidet)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connection string or URI</source>
        <translation>Verbindungszeichenkette oder URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service (pg_service.conf)</source>
        <translation>Dienst (pg_service.conf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host=db1 dbname=shop user=etl  or  postgresql://etl@db1:5432/shop?sslmode=require</source>
        <translation>host=db1 dbname=shop user=etl  oder  postgresql://etl@db1:5432/shop?sslmode=require</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a [name] of ~/.pg_service.conf, PGSERVICEFILE or pg_service.conf</source>
        <translation>ein [Name] aus ~/.pg_service.conf, PGSERVICEFILE oder pg_service.conf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>libpq: PGPASSWORD, ~/.pgpass or none</source>
        <translation>libpq: PGPASSWORD, ~/.pgpass oder keines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask each time (kept in memory only)</source>
        <translation>Jedes Mal fragen (nur im Speicher)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember in the system keyring</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take the password out and keep it in the keyring</source>
        <translation>Passwort in den Schlüsselbund verschieben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(no saved profile)</source>
        <translation>(kein Profil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>from %1: %2</source>
        <translation>aus %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from service %1: %2</source>
        <translation>aus Dienst %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>libpq default: %1</source>
        <translation>libpq-Standard: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>libpq default: the local Unix socket</source>
        <translation>libpq-Standard: der lokale Unix-Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>libpq default</source>
        <translation>libpq-Standard</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>libpq default: the user name</source>
        <translation>libpq-Standard: der Benutzername</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>libpq default: the operating system user</source>
        <translation>libpq-Standard: der Benutzer des Betriebssystems</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Save the profile to keep the password in the system keyring; until then it is kept in memory only.</source>
        <translation>Speichern Sie das Profil, um das Passwort im Schlüsselbund des Systems zu behalten; bis dahin wird es nur im Speicher gehalten.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>connecting…</source>
        <translation>Verbindungsaufbau…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>spillway::Dashboard</name>
    <message>
        <location filename="../ui/run/dashboard.cpp" line="+143"/>
        <source>No run yet</source>
        <translation>Noch kein Lauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit latency (ingest)</source>
        <translation>Commit-Latenz (Ingest)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server (ingest)</source>
        <translation>Server (Ingest)</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+3"/>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>mean rows/s</source>
        <translation>Ø Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>tuples/s</source>
        <translation>Tupel/s</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>WAL MB/s</source>
        <translation>WAL MB/s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a log entry to see its details</source>
        <translation>Protokolleintrag wählen, um Details zu sehen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Pausing</source>
        <translation>Wird pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished in %1</source>
        <translation>fertig in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>finishing</source>
        <translation>wird abgeschlossen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ETA %1</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean %1 rows/s</source>
        <translation>Ø %1 Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>elapsed %1</source>
        <translation>vergangen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused %1</source>
        <translation>pausiert %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>p95 commit %1 ms</source>
        <translation>p95-Commit %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows already loaded</source>
        <translation>%1 Zeilen schon geladen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checkpoints during the run: %1 · COPYs in progress: %2</source>
        <translation>Checkpoints im Lauf: %1 · laufende COPYs: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoints during the run: %1</source>
        <translation>Checkpoints im Lauf: %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>before</source>
        <translation>vorab</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 wrote this to its standard error at %2 s.</source>
        <translation>%1 hat dies bei %2 s in seine Standardfehlerausgabe geschrieben.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 older lines are in the run&apos;s full log.</source>
        <translation>%1 ältere Zeilen stehen im vollständigen Protokoll des Laufs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 older lines are in the full log: %2</source>
        <translation>%1 ältere Zeilen stehen im vollständigen Protokoll: %2</translation>
    </message>
</context>
<context>
    <name>spillway::DesignerPage</name>
    <message>
        <location filename="../ui/design/designerpage.cpp" line="+47"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+37"/>
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
        <translation>Neue &amp;Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a table after the current one</source>
        <translation>Eine Tabelle nach der aktuellen hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Column</source>
        <translation>Neue &amp;Spalte</translation>
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
    <name>spillway::DistributionChart</name>
    <message>
        <location filename="../ui/design/distributionchart.cpp" line="+54"/>
        <source>%1 · %2 sampled</source>
        <translation>%1 · %2 Stichproben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1% NULL</source>
        <translation> · %1% NULL</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 most frequent of %2 distinct</source>
        <translation>die %1 häufigsten von %2 verschiedenen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1
%2 of %3 sampled values (%4%)</source>
        <translation>%1
%2 von %3 Stichprobenwerten (%4%)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>locations (x, y)</source>
        <translation>Orte (x, y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locations (longitude, latitude)</source>
        <translation>Orte (Längengrad, Breitengrad)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 geometries drawn (x, y)</source>
        <translation>
            <numerusform>%1 Geometrie gezeichnet (x, y)</numerusform>
            <numerusform>%1 Geometrien gezeichnet (x, y)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 geometries drawn (longitude, latitude)</source>
        <translation>
            <numerusform>%1 Geometrie gezeichnet (Längengrad, Breitengrad)</numerusform>
            <numerusform>%1 Geometrien gezeichnet (Längengrad, Breitengrad)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>y</source>
        <translation>y</translation>
    </message>
</context>
<context>
    <name>spillway::ExpressionField</name>
    <message>
        <location filename="../ui/design/expressionfield.cpp" line="+48"/>
        <source>e.g. quantity * product_id.price, parent.placed_at + interval &apos;3 days&apos;</source>
        <translation>z. B. quantity * product_id.price, parent.placed_at + interval &apos;3 days&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. {first}.{last}@example.com, {format(&apos;%05d&apos;, id)}</source>
        <translation>z. B. {first}.{last}@example.com, {format(&apos;%05d&apos;, id)}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Space completes column names, parent.&lt;column&gt;, &lt;reference&gt;.&lt;column&gt; and functions; Return applies</source>
        <translation>Strg+Leertaste ergänzt Spaltennamen, parent.&lt;Spalte&gt;, &lt;Referenz&gt;.&lt;Spalte&gt; und Funktionen; Eingabe übernimmt</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Insert column…</source>
        <translation>Spalte einfügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a column of this row, of the parent row or of a looked-up row</source>
        <translation>Eine Spalte dieser Zeile, der Elternzeile oder einer nachgeschlagenen Zeile einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert column</source>
        <translation>Spalte einfügen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No columns to read</source>
        <translation>Keine lesbaren Spalten</translation>
    </message>
</context>
<context>
    <name>spillway::FileController</name>
    <message>
        <location filename="../ui/shell/filecontroller.cpp" line="+9"/>
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
        <source>New from &amp;Database…</source>
        <translation>Neu aus &amp;Datenbank…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import DDL…</source>
        <translation>DDL &amp;importieren…</translation>
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
        <location line="+2"/>
        <source>Start from the tables of a PostgreSQL database, shaped by its statistics</source>
        <translation>Mit den Tabellen einer PostgreSQL-Datenbank beginnen, geformt nach ihren Statistiken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from a DDL file (pg_dump --schema-only or CREATE TABLE)</source>
        <translation>Mit einer DDL-Datei beginnen (pg_dump --schema-only oder CREATE TABLE)</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+43"/>
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
        <location line="+35"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Merge Re-import</source>
        <translation>Erneuten Import zusammenführen</translation>
    </message>
</context>
<context>
    <name>spillway::HistoryView</name>
    <message>
        <location filename="../ui/history/historyview.cpp" line="+52"/>
        <source>Run history</source>
        <translation>Laufverlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+235"/>
        <source>Open a run to see its charts and result; select two runs (Ctrl+click) to compare them.</source>
        <translation>Öffnen Sie einen Lauf, um seine Diagramme und sein Ergebnis zu sehen; wählen Sie zwei Läufe (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <location line="-200"/>
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
        <location line="+41"/>
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
        <location line="+107"/>
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
    <name>spillway::ImportDialog</name>
    <message>
        <location filename="../ui/shell/importdialog.cpp" line="+43"/>
        <source>never analyzed</source>
        <translation>nie analysiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>~%L1 rows</source>
        <translation>~%L1 Zeilen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shape the data with the table statistics (pg_stats)</source>
        <translation>Daten anhand der Tabellenstatistiken (pg_stats) formen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge into the open document, keeping my edits</source>
        <translation>Mit dem geöffneten Dokument zusammenführen und meine Änderungen behalten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From the table statistics</source>
        <translation>Aus den Tabellenstatistiken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The same for every table</source>
        <translation>Gleich für jede Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New from Database</source>
        <translation>Neu aus Datenbank</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>Import DDL</source>
        <translation>DDL importieren</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Embedded server</source>
        <translation>Eingebetteter Server</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection&apos;s search_path (usually public)</source>
        <translation>search_path der Verbindung (meist public)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database schemas to read, separated by commas</source>
        <translation>Zu lesende Datenbankschemas, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Schemas:</source>
        <translation>&amp;Schemas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;List Tables</source>
        <translation>&amp;Tabellen auflisten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pg_dump --schema-only output or CREATE TABLE statements</source>
        <translation>Ausgabe von pg_dump --schema-only oder CREATE-TABLE-Anweisungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DDL &amp;file:</source>
        <translation>DDL-&amp;Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Read File</source>
        <translation>Datei &amp;lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A DDL file has no statistics: types, keys and names shape the data</source>
        <translation>Eine DDL-Datei hat keine Statistiken: Typen, Schlüssel und Namen formen die Daten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Null fractions, common values and their shares, histograms and correlation from pg_stats. No table row is read.</source>
        <translation>NULL-Anteile, häufige Werte und ihre Anteile, Histogramme und Korrelation aus pg_stats. Es wird keine Tabellenzeile gelesen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New tables and columns are added, dropped columns removed and types and keys follow the database; your generators, null fractions, row counts and hidden columns stay</source>
        <translation>Neue Tabellen und Spalten werden hinzugefügt, gelöschte Spalten entfernt, Typen und Schlüssel folgen der Datenbank; Ihre Generatoren, NULL-Anteile, Zeilenzahlen und ausgeblendeten Spalten bleiben erhalten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot read &apos;%1&apos;: %2. Choose a DDL file.</source>
        <translation>„%1“ kann nicht gelesen werden: %2. Wählen Sie eine DDL-Datei.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no file given</source>
        <translation>keine Datei angegeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applying %1 to a scratch database on the embedded server…</source>
        <translation>%1 wird auf eine temporäre Datenbank im eingebetteten Server angewendet…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the catalog…</source>
        <translation>Der Katalog wird gelesen…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No tables found: check the schemas (or the file&apos;s CREATE TABLE statements).</source>
        <translation>Keine Tabellen gefunden: Prüfen Sie die Schemas (oder die CREATE-TABLE-Anweisungen der Datei).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n table(s) found. Uncheck those you do not want.</source>
        <translation>
            <numerusform>%n Tabelle gefunden. Entfernen Sie das Häkchen, wenn Sie sie nicht möchten.</numerusform>
            <numerusform>%n Tabellen gefunden. Entfernen Sie das Häkchen bei denen, die Sie nicht möchten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No table is checked: check the tables to import.</source>
        <translation>Keine Tabelle ausgewählt: Setzen Sie ein Häkchen bei den zu importierenden Tabellen.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Importing %n table(s)…</source>
        <translation>
            <numerusform>%n Tabelle wird importiert…</numerusform>
            <numerusform>%n Tabellen werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n table(s) imported. </source>
        <translation>
            <numerusform>%n Tabelle importiert. </numerusform>
            <numerusform>%n Tabellen importiert. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n column(s) were guessed from their names and types: they carry a badge in the designer until you review them. </source>
        <translation>
            <numerusform>%n Spalte wurde aus Name und Typ erraten: Sie trägt im Entwurf eine Markierung, bis Sie sie überprüfen. </numerusform>
            <numerusform>%n Spalten wurden aus ihren Namen und Typen erraten: Sie tragen im Entwurf eine Markierung, bis Sie sie überprüfen. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) merged into your document.</source>
        <translation>
            <numerusform>%n Änderung mit Ihrem Dokument zusammengeführt.</numerusform>
            <numerusform>%n Änderungen mit Ihrem Dokument zusammengeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open in Designer</source>
        <translation>Im &amp;Entwurf öffnen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Import failed:</source>
        <translation>Import fehlgeschlagen:</translation>
    </message>
</context>
<context>
    <name>spillway::IngestJob</name>
    <message>
        <location filename="../core/pg/ingestjob.cpp" line="+138"/>
        <source>connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>creating tables</source>
        <translation>Tabellen werden angelegt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>loading %1 with COPY text: %2</source>
        <translation>%1 wird mit COPY text geladen: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>creating constraints</source>
        <translation>Constraints werden angelegt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>analyzing</source>
        <translation>Analyse</translation>
    </message>
</context>
<context>
    <name>spillway::KeyDialog</name>
    <message>
        <location filename="../ui/design/keydialog.cpp" line="+148"/>
        <source>In the key, in order:</source>
        <translation>Im Schlüssel, in dieser Reihenfolge:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Primary Key of %1</source>
        <translation>Primärschlüssel von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unique Constraint of %1</source>
        <translation>Eindeutigkeitsbedingung von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign Key of %1</source>
        <translation>Fremdschlüssel von %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Referenced table</source>
        <translation>Referenzierte Tabelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referenced, in the same order:</source>
        <translation>Referenziert, in derselben Reihenfolge:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;References table:</source>
        <translation>&amp;Referenzierte Tabelle:</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Choose two or more columns; a key of one column is set on the column itself.</source>
        <translation>Wählen Sie zwei oder mehr Spalten; ein Schlüssel aus einer Spalte wird an der Spalte selbst festgelegt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the table the key references.</source>
        <translation>Wählen Sie die Tabelle, auf die der Schlüssel verweist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose as many referenced columns as key columns (%1), in the same order.</source>
        <translation>Wählen Sie so viele referenzierte Spalten wie Schlüsselspalten (%1), in derselben Reihenfolge.</translation>
    </message>
</context>
<context>
    <name>spillway::MainWindow</name>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="+69"/>
        <location line="+188"/>
        <source>&amp;Design</source>
        <translation>&amp;Entwurf</translation>
    </message>
    <message>
        <location line="-187"/>
        <location line="+157"/>
        <location line="+30"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location line="-185"/>
        <location line="+185"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="-184"/>
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
        <location line="+69"/>
        <source>Generate “%1” into Folder</source>
        <translation>„%1“ in Ordner erzeugen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A run is in progress: cancel it or wait for it to finish first.</source>
        <translation>Ein Lauf ist im Gang: Brechen Sie ihn ab oder warten Sie zuerst, bis er fertig ist.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start &amp;Page</source>
        <translation>Start&amp;seite</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+33"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start Page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>S&amp;tart</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <location line="+168"/>
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
    <name>spillway::MapEditor</name>
    <message>
        <location filename="../ui/run/mapeditor.cpp" line="+25"/>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Map from schema tables and columns to the pipeline&apos;s targets</source>
        <translation>Zuordnung von Schematabellen und -spalten zu den Zielen der Pipeline</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read a map file (JSON, as verify --map reads it)</source>
        <translation>Eine Zuordnungsdatei lesen (JSON, wie verify --map sie liest)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this map to a file, for the command line and for verify</source>
        <translation>Diese Zuordnung in eine Datei schreiben, für die Kommandozeile und für verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every table and column keeps the schema&apos;s name</source>
        <translation>Jede Tabelle und Spalte behält den Namen aus dem Schema</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+5"/>
        <source>Cannot write the map to %1: %2</source>
        <translation>Die Zuordnung kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+5"/>
        <source>Load map</source>
        <translation>Zuordnung laden</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+10"/>
        <source>Map files (*.json);;All files (*)</source>
        <translation>Zuordnungsdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+5"/>
        <source>Save map</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every table and column keeps the schema&apos;s name.</source>
        <translation>Jede Tabelle und Spalte behält den Namen aus dem Schema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved to a file yet.</source>
        <translation>Noch nicht in einer Datei gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (edited, not saved)</source>
        <translation>%1 (bearbeitet, nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>spillway::MapModel</name>
    <message>
        <location filename="../ui/run/mapmodel.cpp" line="+142"/>
        <source>The schema has no table &quot;%1&quot;: verify cannot use this entry.</source>
        <translation>Das Schema hat keine Tabelle „%1“: Die Prüfung kann diesen Eintrag nicht verwenden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The table the pipeline loads: &quot;table&quot; or &quot;schema.table&quot;; empty keeps the schema&apos;s name</source>
        <translation>Die Tabelle, die die Pipeline lädt: „table“ oder „schema.table“; leer behält den Namen aus dem Schema</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The schema&apos;s table has no column &quot;%1&quot;.</source>
        <translation>Die Tabelle des Schemas hat keine Spalte „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(dropped)</source>
        <translation>(weggelassen)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The pipeline does not load this column: verify leaves it out</source>
        <translation>Die Pipeline lädt diese Spalte nicht: Die Prüfung lässt sie aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A type the expected values are cast to before comparing, e.g. numeric(10,1)</source>
        <translation>Ein Typ, in den die erwarteten Werte vor dem Vergleich umgewandelt werden, z. B. numeric(10,1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An expression over the column applied to the expected values, e.g. upper(status)</source>
        <translation>Ein Ausdruck über die Spalte, der auf die erwarteten Werte angewendet wird, z. B. upper(status)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropped</source>
        <translation>Weggelassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cast</source>
        <translation>Typumwandlung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
</context>
<context>
    <name>spillway::OrderedColumnPicker</name>
    <message>
        <location filename="../ui/design/keydialog.cpp" line="-193"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>→</source>
        <translation>→</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the selected column to the key</source>
        <translation>Die ausgewählte Spalte zum Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>←</source>
        <translation>←</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take the selected column out of the key</source>
        <translation>Die ausgewählte Spalte aus dem Schlüssel nehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑</source>
        <translation>↑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected key column up</source>
        <translation>Die ausgewählte Schlüsselspalte nach oben verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↓</source>
        <translation>↓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected key column down</source>
        <translation>Die ausgewählte Schlüsselspalte nach unten verschieben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns:</source>
        <translation>Spalten:</translation>
    </message>
</context>
<context>
    <name>spillway::ParameterForm</name>
    <message>
        <location filename="../ui/design/parameterform.cpp" line="+106"/>
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
        <location line="+73"/>
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
        <location line="+54"/>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+242"/>
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
    <name>spillway::PipelinePage</name>
    <message>
        <location filename="../ui/run/pipelinepage.cpp" line="+51"/>
        <source>The database the pipeline loads into: its tables are sampled while it runs and verified after it</source>
        <translation>Die Datenbank, in die die Pipeline lädt: Ihre Tabellen werden während des Laufs gemessen und danach geprüft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the current folder</source>
        <translation>der aktuelle Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a new folder beside the run record</source>
        <translation>ein neuer Ordner neben der Aufzeichnung des Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+99"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Where your pipeline writes the rows it rejects: verify reports dirty rows it did not</source>
        <translation>Wohin Ihre Pipeline die abgelehnten Zeilen schreibt: Die Prüfung meldet fehlerhafte Zeilen, die sie nicht abgelehnt hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops every command&apos;s process group when reached</source>
        <translation>Beendet bei Erreichen die Prozessgruppe jedes Befehls</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs the pipeline this many times and reports the median and spread; reset the tables in your command or in Before</source>
        <translation>Führt die Pipeline so oft aus und meldet Median und Streuung; setzen Sie die Tabellen in Ihrem Befehl oder unter „Vor jedem Lauf“ zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. psql -c &apos;truncate staging.orders&apos;</source>
        <translation>z. B. psql -c &apos;truncate staging.orders&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Working folder</source>
        <translation>Arbeitsordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files folder</source>
        <translation>Dateiordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map: where each schema table and column landed</source>
        <translation>Zuordnung: wo jede Tabelle und Spalte des Schemas gelandet ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reject file</source>
        <translation>Datei abgelehnter Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dirty rows</source>
        <translation>Fehlerhafte Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before each run</source>
        <translation>Vor jedem Lauf</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pipeline commands</source>
        <translation>Pipeline-Befehle</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a command</source>
        <translation>Einen Befehl hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected command</source>
        <translation>Den ausgewählten Befehl entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected command up</source>
        <translation>Den ausgewählten Befehl nach oben verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected command down</source>
        <translation>Den ausgewählten Befehl nach unten verschieben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Commands (run at the same time, each measured on its own)</source>
        <translation>Befehle (laufen gleichzeitig, jeder einzeln gemessen)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The share of each table&apos;s rows written invalid, each with one kind of damage; a manifest beside the files lists them. None: each table&apos;s own setting in the schema</source>
        <translation>Der Anteil der Zeilen jeder Tabelle, die ungültig geschrieben werden, jede mit einer Art von Schaden; ein Manifest neben den Dateien listet sie auf. Keine: die eigene Einstellung jeder Tabelle im Schema</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unchecked kinds are not written; none checked: every kind</source>
        <translation>Nicht angehakte Arten werden nicht geschrieben; keine angehakt: jede Art</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Local server (embedded)</source>
        <translation>Lokaler Server (eingebettet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
</context>
<context>
    <name>spillway::PipelineRecord</name>
    <message>
        <location filename="../core/history/pipelinerecord.cpp" line="+93"/>
        <source>did not start</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out</source>
        <translation>Zeitlimit überschritten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signal %1</source>
        <translation>Signal %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit %1</source>
        <translation>Exit %1</translation>
    </message>
</context>
<context>
    <name>spillway::PipelineView</name>
    <message>
        <location filename="../ui/run/pipelineview.cpp" line="+48"/>
        <source>Rows/s into the target tables</source>
        <translation>Zeilen/s in die Zieltabellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands: CPU and memory</source>
        <translation>Befehle: CPU und Speicher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database activity</source>
        <translation>Datenbankaktivität</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle in transaction</source>
        <translation>untätig in Transaktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>WAL MB/s</source>
        <translation>WAL MB/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target tables</source>
        <translation>Zieltabellen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 CPU %</source>
        <translation>%1 CPU %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU % of one core</source>
        <translation>CPU % eines Kerns</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>memory MB</source>
        <translation>Speicher MB</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>no wait events</source>
        <translation>keine Warteereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waits: %1</source>
        <translation>Warteereignisse: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checkpoints: %1</source>
        <translation>Checkpoints: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temp files: %1 (%2)</source>
        <translation>temporäre Dateien: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COPYs in progress: %1</source>
        <translation>laufende COPYs: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other sessions: %1</source>
        <translation>andere Sitzungen: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>did not start: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out after %1</source>
        <translation>Zeitlimit nach %1 überschritten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped after %1</source>
        <translation>nach %1 gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signal %1 after %2</source>
        <translation>Signal %1 nach %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit %1 after %2</source>
        <translation>Exit %1 nach %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Run %1: </source>
        <translation>Lauf %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify could not run: %1</source>
        <translation>Die Prüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Verify: all %n table(s) hold what was generated (%1 rows).</source>
        <translation>
            <numerusform>Prüfung: Die Tabelle enthält, was erzeugt wurde (%1 Zeilen).</numerusform>
            <numerusform>Prüfung: Alle %n Tabellen enthalten, was erzeugt wurde (%1 Zeilen).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (expected %2 rows, found %3)</source>
        <translation>%1 (erwartet %2 Zeilen, gefunden %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify found differences: %1</source>
        <translation>Die Prüfung fand Unterschiede: %1</translation>
    </message>
</context>
<context>
    <name>spillway::PreviewModel</name>
    <message>
        <location filename="../ui/design/previewmodel.cpp" line="+56"/>
        <source>NULL (no value)</source>
        <translation>NULL (kein Wert)</translation>
    </message>
</context>
<context>
    <name>spillway::PreviewPanel</name>
    <message>
        <location filename="../ui/design/previewpanel.cpp" line="+49"/>
        <source>Schema problems</source>
        <translation>Schemaprobleme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview is updating</source>
        <translation>Die Vorschau wird aktualisiert</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No column selected</source>
        <translation>Keine Spalte ausgewählt</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>updating…</source>
        <translation>aktualisiere…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No preview: the schema has problems</source>
        <translation>Keine Vorschau: Das Schema hat Probleme</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No table</source>
        <translation>Keine Tabelle</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The schema has %n problem(s); the preview shows again once they are fixed. Click one to go to it.</source>
        <translation>
            <numerusform>Das Schema hat %n Problem; die Vorschau erscheint wieder, sobald es behoben ist. Klicken Sie darauf, um hinzugehen.</numerusform>
            <numerusform>Das Schema hat %n Probleme; die Vorschau erscheint wieder, sobald sie behoben sind. Klicken Sie auf eines, um hinzugehen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview — %1</source>
        <translation>Vorschau — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>The preview cannot be made: the schema has %n problem(s). Click one to go to it.</source>
        <translation>
            <numerusform>Die Vorschau kann nicht erstellt werden: Das Schema hat %n Problem. Klicken Sie darauf, um hinzugehen.</numerusform>
            <numerusform>Die Vorschau kann nicht erstellt werden: Das Schema hat %n Probleme. Klicken Sie auf eines, um hinzugehen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 rows · %2 ms</source>
        <translation>%1 Zeilen · %2 ms</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The table is not part of the compiled schema.</source>
        <translation>Die Tabelle gehört nicht zum kompilierten Schema.</translation>
    </message>
</context>
<context>
    <name>spillway::ProblemLabel</name>
    <message>
        <location filename="../ui/design/problemlabel.cpp" line="+28"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Click a problem to select its table or column</source>
        <translation>Klicken Sie auf ein Problem, um seine Tabelle oder Spalte auszuwählen</translation>
    </message>
</context>
<context>
    <name>spillway::RunCompare</name>
    <message>
        <location filename="../core/history/runcompare.cpp" line="+89"/>
        <source>%1: seconds</source>
        <translation>%1: Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the command&apos;s time (the last iteration)</source>
        <translation>Laufzeit des Befehls (letzter Durchgang)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: peak RSS MB</source>
        <translation>%1: Spitzen-RSS MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highest resident memory of the command&apos;s process tree</source>
        <translation>höchster residenter Speicher des Prozessbaums des Befehls</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: mean CPU %</source>
        <translation>%1: mittlere CPU %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean CPU of the command&apos;s process tree (100 = one core)</source>
        <translation>mittlere CPU des Prozessbaums des Befehls (100 = ein Kern)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: mean rows/s</source>
        <translation>%1: mittlere Zeilen/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean rows inserted per second into the table</source>
        <translation>mittlere eingefügte Zeilen pro Sekunde in die Tabelle</translation>
    </message>
</context>
<context>
    <name>spillway::RunCompareModel</name>
    <message>
        <location filename="../ui/history/runcomparemodel.cpp" line="+54"/>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <location line="+58"/>
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
    <name>spillway::RunController</name>
    <message>
        <location filename="../ui/run/runcontroller.cpp" line="+105"/>
        <source>A run is in progress already.</source>
        <translation>Ein Lauf ist bereits im Gang.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no schema to run.</source>
        <translation>Es gibt kein Schema zum Ausführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The schema has problems: fix them in the designer first.</source>
        <translation>Das Schema hat Probleme: Beheben Sie sie zuerst im Entwurf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot start the run</source>
        <translation>Der Lauf kann nicht starten</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Starting: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Resume continues ingest run %1 through the ledger.</source>
        <translation>Fortsetzen führt den Ingest-Lauf %1 über das Ledger weiter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workers take no new chunk until the run resumes.</source>
        <translation>Die Worker nehmen keinen neuen Chunk, bis der Lauf fortgesetzt wird.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Committed chunks of run %1 are skipped.</source>
        <translation>Bestätigte Chunks des Laufs %1 werden übersprungen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>

The chunk is retried with backoff; before sending it again, the ledger says whether its COMMIT went through, so no row is lost or duplicated.</source>
        <translation>

Der Chunk wird mit Wartezeit wiederholt; vor dem erneuten Senden sagt das Ledger, ob sein COMMIT durchging, so dass keine Zeile verloren geht oder doppelt ankommt.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>the run was cancelled while paused</source>
        <translation>der Lauf wurde während der Pause abgebrochen</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Finished: %1 rows</source>
        <translation>Fertig: %1 Zeilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threshold violated: %1</source>
        <translation>Schwellenwert verletzt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run was not recorded</source>
        <translation>Der Lauf wurde nicht aufgezeichnet</translation>
    </message>
</context>
<context>
    <name>spillway::RunEvent</name>
    <message>
        <location filename="../core/run/runevents.cpp" line="+18"/>
        <source>table &apos;%1&apos;, chunk %2</source>
        <translation>Tabelle „%1“, Chunk %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>worker %1 could not connect (%2): %3</source>
        <translation>Worker %1 konnte nicht verbinden (%2): %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>worker %1 lost its connection while %2 (%3): %4</source>
        <translation>Worker %1 verlor die Verbindung beim Zustand %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>worker %1 retries %2: attempt %3 of %4 in %5 ms</source>
        <translation>Worker %1 wiederholt %2: Versuch %3 von %4 in %5 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was committed before the connection was lost: not sent again</source>
        <translation>%1 wurde vor dem Verbindungsverlust bestätigt: wird nicht erneut gesendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not committed: sending again</source>
        <translation>%1 wurde nicht bestätigt: wird erneut gesendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run paused after %1 rows (%2 into the run)</source>
        <translation>der Lauf pausierte nach %1 Zeilen (%2 nach Start)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run resumed after a pause of %1</source>
        <translation>der Lauf wurde nach einer Pause von %1 fortgesetzt</translation>
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
        <location line="+77"/>
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
    <name>spillway::RunLogModel</name>
    <message>
        <location filename="../ui/run/runlogmodel.cpp" line="+22"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>spillway::RunPanel</name>
    <message>
        <location filename="../ui/run/runpanel.cpp" line="+72"/>
        <source>Show problem</source>
        <translation>Problem zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as command</source>
        <translation>Als Befehl kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local server (embedded, started for the run)</source>
        <translation>Lokaler Server (eingebettet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL-Verbindung</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+76"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>A private PostgreSQL server in Spillway&apos;s data folder: started before the run and stopped after it.</source>
        <translation>Ein privater PostgreSQL-Server im Datenordner von Spillway: vor dem Lauf gestartet und danach gestoppt.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>one file per table</source>
        <translation>eine Datei pro Tabelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>split every N rows</source>
        <translation>alle N Zeilen teilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>split before SIZE bytes</source>
        <translation>vor GRÖSSE Bytes teilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1M rows or 100MiB</source>
        <translation>z. B. 1M oder 100MiB</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Your pipeline</source>
        <translation>Ihre Pipeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your pipeline: Spillway generates the files, runs your own ETL commands on them while it measures the database and the processes, then verifies the tables they loaded</source>
        <translation>Ihre Pipeline: Spillway erzeugt die Dateien, führt Ihre eigenen ETL-Befehle darauf aus, misst dabei die Datenbank und die Prozesse und prüft danach die geladenen Tabellen</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each file (and split part) is one complete gzip or zstd stream; split sizes count uncompressed bytes</source>
        <translation>Jede Datei (und jeder Teil) ist ein vollständiger gzip- oder zstd-Strom; Teilgrößen zählen unkomprimierte Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the schema&apos;s counts (or e.g. 10M)</source>
        <translation>Anzahlen des Schemas (oder z. B. 10M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the schema&apos;s seed</source>
        <translation>Seed des Schemas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows per root table</source>
        <translation>Zeilen je Wurzeltabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load and thresholds</source>
        <translation>Laden und Schwellenwerte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create constraints before loading</source>
        <translation>Constraints vor dem Laden anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one per line, e.g.
rows_per_s&gt;=500000
p95_commit_ms&lt;=2000</source>
        <translation>einer pro Zeile, z. B.
rows_per_s&gt;=500000
p95_commit_ms&lt;=2000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COPY format</source>
        <translation>COPY-Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run (F5)</source>
        <translation>Starten (F5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+332"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-331"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Select the schema&apos;s first problem in the designer</source>
        <translation>Das erste Problem des Schemas im Entwurf auswählen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy the equivalent spillway-cli command (never a password)</source>
        <translation>Den entsprechenden spillway-cli-Befehl kopieren (nie mit Passwort)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Rows: write a count such as 1000000, 10M or 1G.</source>
        <translation>Zeilen: Schreiben Sie eine Anzahl wie 1000000, 10M oder 1G.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed: write a whole number, 0 or more.</source>
        <translation>Seed: Schreiben Sie eine ganze Zahl, 0 oder mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split: write a row count (1M) or a size (100MiB).</source>
        <translation>Teilen: Schreiben Sie eine Zeilenzahl (1M) oder eine Größe (100MiB).</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+81"/>
        <source>There is no schema to run.</source>
        <translation>Es gibt kein Schema zum Ausführen.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Map: %1</source>
        <translation>Zuordnung: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>estimating…</source>
        <translation>schätze…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Estimated rows of all tables, and bytes sent with COPY %1, from a sample of rows encoded as the run encodes them</source>
        <translation>Geschätzte Zeilen aller Tabellen und mit COPY %1 gesendete Bytes, aus einer Stichprobe von Zeilen, kodiert wie der Lauf sie kodiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimated rows of all tables, and bytes of the %1 files (compression: %2), from a sample of rows encoded as the run encodes them</source>
        <translation>Geschätzte Zeilen aller Tabellen und Bytes der %1-Dateien (Kompression: %2), aus einer Stichprobe von Zeilen, kodiert wie der Lauf sie kodiert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the schema (Ctrl+S) to copy a command that runs it: the command line reads the schema from a file.</source>
        <translation>Speichern Sie das Schema (Strg+S), um einen Befehl zu kopieren, der es ausführt: Die Kommandozeile liest das Schema aus einer Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The schema has unsaved changes: the command runs the file as last saved. Save (Ctrl+S) to include them.</source>
        <translation>Das Schema hat ungespeicherte Änderungen: Der Befehl führt die Datei im zuletzt gespeicherten Stand aus. Speichern Sie (Strg+S), um sie einzuschließen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The map has edits not saved to a file: the command reads the map from its file. Save the map (Save…) to include them.</source>
        <translation>Die Zuordnung hat Änderungen, die nicht in einer Datei gespeichert sind: Der Befehl liest die Zuordnung aus ihrer Datei. Speichern Sie die Zuordnung (Speichern…), um sie einzuschließen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot run: %1</source>
        <translation>Ausführen nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cannot run: %1 (%n more)</source>
        <translation>
            <numerusform>Ausführen nicht möglich: %1 (%n weiteres)</numerusform>
            <numerusform>Ausführen nicht möglich: %1 (%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run with these settings (F5)</source>
        <translation>Mit diesen Einstellungen starten (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stops the load; Resume continues it through the ledger, skipping committed chunks</source>
        <translation>Hält das Laden an; Fortsetzen führt es über das Ledger weiter und überspringt bestätigte Chunks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds the workers; Resume continues the same run</source>
        <translation>Hält die Worker an; Fortsetzen setzt denselben Lauf fort</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Overwrite files?</source>
        <translation>Dateien überschreiben?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The folder %1 already holds %n file(s) that this run writes: %2.</source>
        <translation>
            <numerusform>Der Ordner %1 enthält bereits %n Datei, die dieser Lauf schreibt: %2.</numerusform>
            <numerusform>Der Ordner %1 enthält bereits %n Dateien, die dieser Lauf schreibt: %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overwrite them, or cancel and choose another folder?</source>
        <translation>Überschreiben oder abbrechen und einen anderen Ordner wählen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
</context>
<context>
    <name>spillway::RunPropertiesModel</name>
    <message>
        <location filename="../ui/history/runpropertiesmodel.cpp" line="+28"/>
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
        <location line="+5"/>
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
        <location line="+10"/>
        <source>median %1 (%2 to %3)</source>
        <translation>Median %1 (%2 bis %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run %1: </source>
        <translation>Lauf %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before </source>
        <translation>vorab </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target tables</source>
        <translation>Zieltabellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sessions of %1</source>
        <translation>Sitzungen von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peak %1, active %2, waiting %3, blocked %4</source>
        <translation>Spitze %1, aktiv %2, wartend %3, blockiert %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (reused)</source>
        <translation>%1 (wiederverwendet)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dirty-row manifest</source>
        <translation>Manifest fehlerhafter Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output lines</source>
        <translation>Ausgabezeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (the record keeps %2)</source>
        <translation>%1 (die Aufzeichnung behält %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measuring cost</source>
        <translation>Messaufwand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1% of one core</source>
        <translation>%1 % eines Kerns</translation>
    </message>
    <message>
        <location line="+20"/>
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
    <name>spillway::RunSession</name>
    <message>
        <location filename="../ui/run/runsession.cpp" line="+71"/>
        <location line="+23"/>
        <location line="+30"/>
        <source>the run was cancelled</source>
        <translation>der Lauf wurde abgebrochen</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>compiling</source>
        <translation>Schema wird kompiliert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the schema has problems:
%1</source>
        <translation>das Schema hat Probleme:
%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>starting the local server</source>
        <translation>lokaler Server wird gestartet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the local PostgreSQL server did not start: %1</source>
        <translation>der lokale PostgreSQL-Server ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot create the folder %1: check its parent&apos;s permissions</source>
        <translation>der Ordner %1 kann nicht angelegt werden: Prüfen Sie die Rechte des übergeordneten Ordners</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>generating</source>
        <translation>Erzeugung</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>stopping the local server</source>
        <translation>lokaler Server wird gestoppt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
(the local server did not stop: %1)</source>
        <translation>
(der lokale Server hat nicht gestoppt: %1)</translation>
    </message>
</context>
<context>
    <name>spillway::RunView</name>
    <message>
        <location filename="../ui/history/runview.cpp" line="+38"/>
        <source>Show the full log</source>
        <translation>Vollständiges Protokoll anzeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run title</source>
        <translation>Titel des Laufs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run settings and result</source>
        <translation>Einstellungen und Ergebnis des Laufs</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings and result</source>
        <translation>&amp;Einstellungen und Ergebnis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pipeline&apos;s output</source>
        <translation>Ausgabe der Pipeline</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run details</source>
        <translation>Details des Laufs</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run %1 — %2, %3</source>
        <translation>Lauf %1 — %2, %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>before</source>
        <translation>vorab</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… %n line(s) left out: see the full log</source>
        <translation>
            <numerusform>… %n Zeile ausgelassen: siehe vollständiges Protokoll</numerusform>
            <numerusform>… %n Zeilen ausgelassen: siehe vollständiges Protokoll</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Output</source>
        <translation>&amp;Ausgabe</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n line(s), every one the commands wrote.</source>
        <translation>
            <numerusform>%n Zeile, alles, was die Befehle geschrieben haben.</numerusform>
            <numerusform>%n Zeilen, alles, was die Befehle geschrieben haben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record keeps the first and the last %1 of %2 lines; the full log is %3.</source>
        <translation>Die Aufzeichnung behält die ersten und die letzten %1 von %2 Zeilen; das vollständige Protokoll ist %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the full log %1: %2</source>
        <translation>Das vollständige Protokoll %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The last %1 of the full log: %2</source>
        <translation>Die letzten %1 des vollständigen Protokolls: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The full log: %1</source>
        <translation>Das vollständige Protokoll: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rows per second into the target tables</source>
        <translation>Zeilen pro Sekunde in die Zieltabellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU and memory of the commands</source>
        <translation>CPU und Speicher der Befehle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database activity chart</source>
        <translation>Diagramm der Datenbankaktivität</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../ui/design/schemadocument.cpp" line="+95"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+58"/>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <location line="+48"/>
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
        <location line="+15"/>
        <location line="+4"/>
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
        <location line="+24"/>
        <location line="+40"/>
        <source>Update References</source>
        <translation>Referenzen aktualisieren</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+4"/>
        <source>Rename Column</source>
        <translation>Spalte umbenennen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Update Expressions</source>
        <translation>Ausdrücke aktualisieren</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add Table</source>
        <translation>Tabelle hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>Delete Table</source>
        <translation>Tabelle löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove Keys</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add Column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Delete Column</source>
        <translation>Spalte löschen</translation>
    </message>
</context>
<context>
    <name>spillway::SchemaTreeModel</name>
    <message>
        <location filename="../ui/design/schematreemodel.cpp" line="+24"/>
        <source>per %1</source>
        <translation>je %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Guessed by the import: %1. Review it: editing the generator marks it reviewed.</source>
        <translation>Vom Import erraten: %1. Bitte überprüfen: Wenn Sie den Generator bearbeiten, gilt er als überprüft.</translation>
    </message>
    <message>
        <location line="+59"/>
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
    <name>spillway::StartPage</name>
    <message>
        <location filename="../ui/shell/startpage.cpp" line="+95"/>
        <source>Spillway</source>
        <translation>Spillway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design realistic data, write it as files or load it into PostgreSQL, and compare the runs.</source>
        <translation>Entwerfen Sie realistische Daten, schreiben Sie sie als Dateien oder laden Sie sie in PostgreSQL, und vergleichen Sie die Läufe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New Empty Schema</source>
        <translation>&amp;Neues leeres Schema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Example %1</source>
        <translation>Beispiel %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tables: %1 · Columns: %2</source>
        <translation>Tabellen: %1 · Spalten: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the example in the designer</source>
        <translation>Das Beispiel im Entwurf öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate Files…</source>
        <translation>Dateien erzeugen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate files of %1</source>
        <translation>Dateien von %1 erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the example and write its data as files into a folder</source>
        <translation>Das Beispiel öffnen und seine Daten als Dateien in einen Ordner schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load into Local Server</source>
        <translation>In lokalen Server laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load %1 into the local server</source>
        <translation>%1 in den lokalen Server laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the example and load it into the embedded PostgreSQL server</source>
        <translation>Das Beispiel öffnen und in den eingebetteten PostgreSQL-Server laden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recent files</source>
        <translation>Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remove from List</source>
        <translation>Aus Liste &amp;entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected file from the recent files (Delete)</source>
        <translation>Die ausgewählte Datei aus den zuletzt geöffneten entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recent Files</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not found: %1. Press Delete to remove it from the list.</source>
        <translation>Nicht gefunden: %1. Drücken Sie Entf, um sie aus der Liste zu entfernen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No recent files yet: schemas you open or save appear here.</source>
        <translation>Noch keine zuletzt geöffneten Dateien: Schemas, die Sie öffnen oder speichern, erscheinen hier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a file to open it.</source>
        <translation>Klicken Sie auf eine Datei, um sie zu öffnen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” was not found. Remove it from the list with Delete.</source>
        <translation>„%1“ wurde nicht gefunden. Entfernen Sie sie mit Entf aus der Liste.</translation>
    </message>
</context>
<context>
    <name>spillway::TableInspector</name>
    <message>
        <location filename="../ui/design/tableinspector.cpp" line="+86"/>
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
        <location line="+77"/>
        <source>Change Table Size</source>
        <translation>Tabellengröße ändern</translation>
    </message>
</context>
<context>
    <name>spillway::TableKeysEditor</name>
    <message>
        <location filename="../ui/design/tablekeyseditor.cpp" line="+20"/>
        <source>Keys over several columns</source>
        <translation>Schlüssel über mehrere Spalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None. A key of one column is set on the column itself.</source>
        <translation>Keine. Ein Schlüssel aus einer Spalte wird an der Spalte selbst festgelegt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>Be&amp;arbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Table keys</source>
        <translation>Tabellenschlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Composite keys, guaranteed by construction; a key of one column is set on the column</source>
        <translation>Zusammengesetzte Schlüssel, konstruktionsbedingt garantiert; ein Schlüssel aus einer Spalte wird an der Spalte festgelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primary Key…</source>
        <translation>Primärschlüssel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unique Constraint…</source>
        <translation>Eindeutigkeitsbedingung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign Key…</source>
        <translation>Fremdschlüssel…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Edit Primary Key</source>
        <translation>Primärschlüssel bearbeiten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit Unique Constraint</source>
        <translation>Eindeutigkeitsbedingung bearbeiten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit Foreign Key</source>
        <translation>Fremdschlüssel bearbeiten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Remove Key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
</context>
<context>
    <name>spillway::TableKeysModel</name>
    <message>
        <location filename="../ui/design/tablekeysmodel.cpp" line="+18"/>
        <source>%1 → %2 %3</source>
        <translation>%1 → %2 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Primary key %1</source>
        <translation>Primärschlüssel %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unique %1</source>
        <translation>Eindeutig %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Foreign key %1</source>
        <translation>Fremdschlüssel %1</translation>
    </message>
</context>
<context>
    <name>spillway::TableProgressModel</name>
    <message>
        <location filename="../ui/run/tableprogressmodel.cpp" line="+85"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Of</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>spillway::TargetTableModel</name>
    <message>
        <location filename="../ui/run/pipelinemodels.cpp" line="+81"/>
        <source>Rows inserted, updated and deleted per second (pg_stat_user_tables)</source>
        <translation>Eingefügte, geänderte und gelöschte Zeilen pro Sekunde (pg_stat_user_tables)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target table</source>
        <translation>Zieltabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live rows</source>
        <translation>Live-Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>COPY</source>
        <translation>COPY</translation>
    </message>
</context>
<context>
    <name>spillway::TimeSeriesChart</name>
    <message>
        <location filename="../ui/run/timeserieschart.cpp" line="+155"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
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
<context>
    <name>spillway::WorkerStrip</name>
    <message>
        <location filename="../ui/run/workerstrip.cpp" line="+52"/>
        <source>worker %1: %2</source>
        <translation>Worker %1: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Worker states appear during an ingest</source>
        <translation>Worker-Zustände erscheinen beim Ingest</translation>
    </message>
</context>
</TS>
