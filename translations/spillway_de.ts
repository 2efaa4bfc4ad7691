<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>GeneratorRegistry</name>
    <message>
        <location filename="../core/generators/compositegenerators.cpp" line="+322"/>
        <source>composite</source>
        <translation>Zusammengesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../core/generators/numericgenerators.cpp" line="+463"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location filename="../core/generators/textgenerators.cpp" line="+587"/>
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
        <location filename="../core/generators/referencegenerators.cpp" line="+216"/>
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
        <location filename="../core/generators/temporalgenerators.cpp" line="+326"/>
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
        <location line="+1"/>
        <source>PostgreSQL type; default depends on the generator</source>
        <translation>PostgreSQL-Typ; der Standard hängt vom Generator ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated for templates, not written</source>
        <translation>Für Vorlagen erzeugt, nicht geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
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
        <location line="+3"/>
        <source>A date, time or timestamp column of the row</source>
        <translation>Eine date-, time- oder timestamp-Spalte der Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Text composed of other columns of the row: {first}.{last}@example.com</source>
        <translation>Text aus anderen Spalten der Zeile: {first}.{last}@example.com</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fold to ASCII: é→e, ß→ss</source>
        <translation>In ASCII umwandeln: é→e, ß→ss</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>seconds from start to end</source>
        <translation>Sekunden vom Start bis zum Ende</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../ui/design/parameterform.cpp" line="+105"/>
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
        <location line="+55"/>
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
        <location filename="../ui/history/runpropertiesmodel.cpp" line="+27"/>
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
