// The dirty-row manifest matches the files exactly: `spillway-cli generate --dirty` writes
// files and spillway-dirty.jsonl, and an independent reader (check_dirty_manifest.py: its own
// CSV parser and type rules, read from the schema document, none of Spillway's code) checks
// that every listed line is invalid in the stated way and only that way, and every other
// record is valid. The reader is shown to notice a manifest that lies, too.

#include "pipelinetestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spillway::test;

class TestExampleDirtyManifest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }
    void manifestMatchesFiles_data();
    void manifestMatchesFiles();
    void checkerNoticesAnUnlistedDirtyLine();
    void checkerNoticesAListedCleanLine();

private:
    // Generates `schema` with dirty rows into a new folder; returns it (empty on failure).
    QString generate(const QString &schema, const QStringList &extra, const QString &name);
    ProcessResult check(const QString &schemaFile, const QString &files)
    {
        return runProcess(kPython, {kManifestChecker, schemaFile, files}, {}, {},
                          kProgramTimeoutMs);
    }

    QTemporaryDir m_tmp;
};

QString TestExampleDirtyManifest::generate(const QString &schema, const QStringList &extra,
                                           const QString &name)
{
    const QString out = m_tmp.filePath(name);
    const ProcessResult g =
        runProcess(kCli,
                   QStringList{QStringLiteral("generate"), schema, QStringLiteral("--out"), out,
                               QStringLiteral("--quiet"), QStringLiteral("--no-record")} +
                       extra,
                   {}, {}, kProgramTimeoutMs);
    if (g.exitCode != 0) {
        qWarning("%s", qPrintable(describe(g)));
        return {};
    }
    return out;
}

void TestExampleDirtyManifest::manifestMatchesFiles_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("everyKind");
    const QString shop = kExampleDir + QStringLiteral("/shop.json");
    const QString examples = QStringLiteral(SPILLWAY_EXAMPLE_SCHEMAS);
    QTest::newRow("shop, 1%, every kind")
        << shop << QStringList{QStringLiteral("--dirty"), QStringLiteral("0.01")} << true;
    QTest::newRow("shop, 5%, split into parts")
        << shop
        << QStringList{QStringLiteral("--dirty"), QStringLiteral("0.05"),
                       QStringLiteral("--split-rows"), QStringLiteral("700")}
        << true;
    QTest::newRow("shop, 5%, gzip")
        << shop
        << QStringList{QStringLiteral("--dirty"), QStringLiteral("0.05"),
                       QStringLiteral("--compress"), QStringLiteral("gzip")}
        << true;
    QTest::newRow("shop, 10%, number and date only")
        << shop
        << QStringList{QStringLiteral("--dirty"), QStringLiteral("0.1"),
                       QStringLiteral("--dirty-kinds"), QStringLiteral("number,date")}
        << false;
    QTest::newRow("e-commerce, 2%")
        << examples + QStringLiteral("/ecommerce.json")
        << QStringList{QStringLiteral("--dirty"), QStringLiteral("0.02"), QStringLiteral("--scale"),
                       QStringLiteral("0.01")}
        << false;
    QTest::newRow("lineitem, 2%") << examples + QStringLiteral("/lineitem.json")
                                  << QStringList{QStringLiteral("--dirty"), QStringLiteral("0.02"),
                                                 QStringLiteral("--rows"), QStringLiteral("20000")}
                                  << false;
}

void TestExampleDirtyManifest::manifestMatchesFiles()
{
    QFETCH(QString, schema);
    QFETCH(QStringList, options);
    QFETCH(bool, everyKind);
    const QString files = generate(schema, options, QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(!files.isEmpty());
    const QList<QJsonObject> manifest =
        jsonLines(QDir(files).filePath(QStringLiteral("spillway-dirty.jsonl")));
    QVERIFY2(!manifest.isEmpty(), "no dirty rows were listed");
    const ProcessResult r = check(schema, files);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.outText().contains(QStringLiteral(" 0 disagreements")), qPrintable(r.outText()));
    if (everyKind) {
        QSet<QString> kinds;
        for (const QJsonObject &entry : manifest)
            kinds.insert(entry.value(QStringLiteral("kind")).toString());
        const QSet<QString> all{QStringLiteral("field_count"), QStringLiteral("quote"),
                                QStringLiteral("encoding"),    QStringLiteral("number"),
                                QStringLiteral("date"),        QStringLiteral("overflow"),
                                QStringLiteral("null"),        QStringLiteral("duplicate")};
        QCOMPARE(kinds, all);
    }
}

void TestExampleDirtyManifest::checkerNoticesAnUnlistedDirtyLine()
{
    // A manifest that leaves out its first entry: that line is invalid but not listed.
    const QString shop = kExampleDir + QStringLiteral("/shop.json");
    const QString files = generate(shop, {QStringLiteral("--dirty"), QStringLiteral("0.01")},
                                   QStringLiteral("unlisted"));
    QVERIFY(!files.isEmpty());
    QFile manifest(QDir(files).filePath(QStringLiteral("spillway-dirty.jsonl")));
    QVERIFY(manifest.open(QIODevice::ReadWrite));
    QList<QByteArray> lines = manifest.readAll().split('\n');
    const QJsonObject first = QJsonDocument::fromJson(lines.takeFirst()).object();
    QVERIFY(manifest.resize(0));
    manifest.write(lines.join('\n'));
    manifest.close();
    const ProcessResult r = check(shop, files);
    QCOMPARE(r.exitCode, 1);
    const QString where = QStringLiteral("%1:%2: not in the manifest")
                              .arg(first.value(QStringLiteral("file")).toString())
                              .arg(first.value(QStringLiteral("line")).toInteger());
    QVERIFY2(r.outText().contains(where), qPrintable(describe(r)));
}

void TestExampleDirtyManifest::checkerNoticesAListedCleanLine()
{
    // A clean line said to be dirty: the manifest claims line 2 of orders.csv has a bad number.
    const QString shop = kExampleDir + QStringLiteral("/shop.json");
    const QString files = generate(shop, {QStringLiteral("--dirty"), QStringLiteral("0.01")},
                                   QStringLiteral("listed-clean"));
    QVERIFY(!files.isEmpty());
    const QString path = QDir(files).filePath(QStringLiteral("spillway-dirty.jsonl"));
    QVERIFY(!fileLines(jsonLines(path)).contains(QStringLiteral("orders.csv:2")));
    QFile manifest(path);
    QVERIFY(manifest.open(QIODevice::Append));
    manifest.write(R"({"file":"orders.csv","line":2,"record":1,"table":"orders","row":0,)"
                   R"("column":"total","kind":"number","text":"ten"})"
                   "\n");
    manifest.close();
    const ProcessResult r = check(shop, files);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.outText().contains(QStringLiteral("orders.csv:2: listed as number, found valid")),
             qPrintable(describe(r)));
}

QTEST_GUILESS_MAIN(TestExampleDirtyManifest)
#include "test_example_dirty_manifest.moc"
