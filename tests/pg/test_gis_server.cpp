// PostGIS on the server (issue 11, item 5): which column types need it, creating the extension
// where it is installed, and the messages when it is not installed on the server (a real server
// whose installation has no PostGIS: its programs copied beside a share folder without the
// postgis files) or the user may not create it (a real role without superuser rights).

#include "../processsupport.h"
#include "pg/conninfo.h"
#include "pg/database.h"
#include "pg/localserver.h"
#include "pg/postgis.h"
#include "pgfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include <memory>

using namespace spillway;
using namespace spillway::test;

namespace {

const QStringList kColumns{QStringLiteral("sites.location"), QStringLiteral("parcels.shape")};

// `path` without the longest leading folder it shares with `other`: "lib/postgresql/15/bin".
QString tailAfterCommonPrefix(const QString &path, const QString &other)
{
    const QStringList a = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList b = other.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    return a.mid(i).join(QLatin1Char('/'));
}

bool linkAll(const QString &from, const QString &to, const QString &skipPrefix, QString *error)
{
    if (!QDir().mkpath(to)) {
        *error = QStringLiteral("cannot create %1").arg(to);
        return false;
    }
    const QStringList entries = QDir(from).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (!skipPrefix.isEmpty() && entry.startsWith(skipPrefix))
            continue;
        if (!QFile::link(QDir(from).filePath(entry), QDir(to).filePath(entry))) {
            *error = QStringLiteral("cannot link %1 into %2").arg(entry, to);
            return false;
        }
    }
    return true;
}

void openUp(const QString &path) // the server's user (postgres, when tests run as root) reads it
{
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                    QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                    QFileDevice::ExeOther);
}

} // namespace

class TestGisServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;

    QString pgConfig(Database &db, const char *name)
    {
        QString value;
        const QString e =
            db.queryValue(QStringLiteral("SELECT setting FROM pg_config WHERE name = '%1'")
                              .arg(QLatin1String(name)),
                          &value);
        return e.isEmpty() ? value : QString();
    }

    // A copy of this server's installation under `root` without PostGIS: initdb, pg_ctl and
    // postgres copied, at the same places relative to the share and library folders (PostgreSQL
    // finds those relative to its programs), the share folder linked except the postgis files of
    // its extension folder. Returns the bin folder, or empty and *error.
    QString installationWithoutPostgis(const QString &root, QString *extensionDir, QString *error)
    {
        Database db;
        *error = db.open(m_pg->connectionString());
        if (!error->isEmpty())
            return {};
        const QString bin = pgConfig(db, "BINDIR"), share = pgConfig(db, "SHAREDIR"),
                      lib = pgConfig(db, "PKGLIBDIR");
        if (bin.isEmpty() || share.isEmpty() || lib.isEmpty()) {
            *error = QStringLiteral("pg_config does not name the installation's folders");
            return {};
        }
        const QString binTail = tailAfterCommonPrefix(bin, share);
        const QString prefix = bin.left(bin.size() - binTail.size());
        const QString copyBin = root + QLatin1Char('/') + binTail;
        const QString copyShare = root + QLatin1Char('/') + share.mid(prefix.size());
        const QString copyLib = root + QLatin1Char('/') + lib.mid(prefix.size());
        if (!lib.startsWith(prefix) || !share.startsWith(prefix) || !QDir().mkpath(copyBin) ||
            !QDir().mkpath(QFileInfo(copyLib).path())) {
            *error =
                QStringLiteral("unexpected installation layout: %1, %2, %3").arg(bin, share, lib);
            return {};
        }
        for (const char *program : {"initdb", "pg_ctl", "postgres"}) {
            const QString name = QLatin1String(program);
            if (!QFile::copy(QDir(bin).filePath(name), QDir(copyBin).filePath(name))) {
                *error = QStringLiteral("cannot copy %1").arg(name);
                return {};
            }
        }
        QFile::link(lib, copyLib);
        const QString extension = QStringLiteral("/extension");
        if (!linkAll(share, copyShare, QStringLiteral("extension"), error) ||
            !linkAll(share + extension, copyShare + extension, QStringLiteral("postgis"), error))
            return {};
        for (QString dir = copyShare + extension; dir.startsWith(root); dir = QFileInfo(dir).path())
            openUp(dir);
        for (QString dir = copyBin; dir.startsWith(root); dir = QFileInfo(dir).path())
            openUp(dir);
        *extensionDir = copyShare + extension;
        return copyBin;
    }

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void needsPostgis_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("needs");
        QTest::newRow("point") << QStringLiteral("geometry(Point,4326)") << true;
        QTest::newRow("bare geometry") << QStringLiteral("geometry") << true;
        QTest::newRow("geography") << QStringLiteral("geography(Polygon)") << true;
        QTest::newRow("upper case, spaced")
            << QStringLiteral(" GEOMETRY (LineString, 3857)") << true;
        QTest::newRow("array") << QStringLiteral("geometry[]") << true;
        QTest::newRow("text") << QStringLiteral("text") << false;
        QTest::newRow("built-in point") << QStringLiteral("point") << false;
        QTest::newRow("a name beginning so") << QStringLiteral("geometry_kind") << false;
    }
    void needsPostgis()
    {
        QFETCH(QString, type);
        QFETCH(bool, needs);
        QCOMPARE(Postgis::needsPostgis(type), needs);
    }

    // Nothing to do when no column needs it: no query, no extension.
    void nothingNeeded()
    {
        Database db;
        QCOMPARE(db.open(m_pg->connectionString()), QString());
        QCOMPARE(Postgis::ensure(db, {}), QString());
        QString count;
        QCOMPARE(db.queryValue(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = "
                                              "'postgis'"),
                               &count),
                 QString());
        QCOMPARE(count, QStringLiteral("0"));
    }

    // A role that is no superuser may not create PostGIS (not a trusted extension): the message
    // names the columns, the database, the server, the user and what to ask for.
    void userMayNotCreate()
    {
        {
            pqxx::connection admin(m_pg->connectionString().toStdString());
            pqxx::nontransaction tx(admin); // CREATE DATABASE runs outside a transaction block
            tx.exec("CREATE ROLE mapper LOGIN");
            tx.exec("CREATE DATABASE gis_rights OWNER mapper");
        }
        Database db;
        QCOMPARE(db.open(ConnInfo::withOption(m_pg->connectionString(QStringLiteral("gis_rights")),
                                              QStringLiteral("user"), QStringLiteral("mapper"))),
                 QString());
        const QString message = Postgis::ensure(db, kColumns);
        QVERIFY2(message.contains(QLatin1String("sites.location, parcels.shape")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("database \"gis_rights\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("user \"mapper\" cannot create it")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("port %1").arg(m_pg->server().port())),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String(
                     "(permission denied to create extension \"postgis\"; Must be superuser")),
                 qPrintable(message));
        QVERIFY2(
            message.contains(QLatin1String("ask a superuser to run CREATE EXTENSION postgis; in "
                                           "\"gis_rights\", or connect as one")),
            qPrintable(message));
        // Once the superuser created it there, the same user needs nothing more.
        Database owner;
        QCOMPARE(owner.open(m_pg->connectionString(QStringLiteral("gis_rights"))), QString());
        QCOMPARE(owner.execute(QStringLiteral("CREATE EXTENSION postgis")), QString());
        QCOMPARE(Postgis::ensure(db, kColumns), QString());
    }

    // Where PostGIS is installed, ensure() creates the extension; a second call finds it there.
    void createsTheExtension()
    {
        Database db;
        QCOMPARE(db.open(m_pg->connectionString()), QString());
        QCOMPARE(Postgis::ensure(db, kColumns), QString());
        QString version;
        QCOMPARE(db.queryValue(QStringLiteral("SELECT postgis_lib_version()"), &version),
                 QString());
        QVERIFY2(version.startsWith(QLatin1Char('3')), qPrintable(version));
        QCOMPARE(Postgis::ensure(db, kColumns), QString());
        QCOMPARE(db.execute(QStringLiteral("CREATE TABLE t (g geometry(Point,4326))")), QString());
    }

    // A server whose installation has no PostGIS: what is missing, where, and what to install.
    void notInstalledOnTheServer()
    {
        QTemporaryDir root(QDir::tempPath() + QStringLiteral("/spillway-nogis-XXXXXX"));
        QVERIFY(root.isValid());
        openUp(root.path());
        QString extensionDir, error;
        const QString bin = installationWithoutPostgis(root.path(), &extensionDir, &error);
        QVERIFY2(!bin.isEmpty(), qPrintable(error));
        LocalServer server(root.filePath(QStringLiteral("server")));
        server.setBinDir(bin);
        QCOMPARE(server.start(), QString());
        Database db;
        QCOMPARE(db.open(server.connectionString()), QString());
        const QString message = Postgis::ensure(db, kColumns);
        const QString where =
            QStringLiteral("server on %1 port %2").arg(server.socketDir()).arg(server.port());
        // The same from `spillway-cli ingest`: it stops before creating any table.
        const CliResult cli =
            runCli({QStringLiteral("ingest"), QStringLiteral("example:gis"), QStringLiteral("--db"),
                    server.connectionString(), QStringLiteral("--scale"), QStringLiteral("0.01"),
                    QStringLiteral("--quiet"), QStringLiteral("--no-record")});
        QVERIFY(cli.finished);
        const QString err = cli.err;
        QVERIFY2(cli.exitCode != 0, qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("PostGIS is not installed on the PostgreSQL")) &&
                     err.contains(QLatin1String("sites.location, sites.position, parcels.shape, "
                                                "tracks.path, zones.area need it")),
                 qPrintable(err));
        QString tables;
        QCOMPARE(db.queryValue(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                              "'public'"),
                               &tables),
                 QString());
        QCOMPARE(tables, QStringLiteral("0"));
        db.close();
        QCOMPARE(server.stop(), QString());
        QVERIFY2(message.startsWith(QLatin1String("PostGIS is not installed on the PostgreSQL ")),
                 qPrintable(message));
        QVERIFY2(message.contains(where), qPrintable(where + QStringLiteral(": ") + message));
        QVERIFY2(message.contains(QStringLiteral("no postgis.control in %1").arg(extensionDir)),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("columns sites.location, parcels.shape need it")),
                 qPrintable(message));
        QVERIFY2(message.contains(QRegularExpression(
                     QStringLiteral("apt-get install postgresql-\\d+-postgis-3"))),
                 qPrintable(message));
    }

    void messageText()
    {
        QStringList many;
        for (int i = 1; i <= 10; ++i)
            many.append(QStringLiteral("t.g%1").arg(i));
        QCOMPARE(Postgis::notInstalledMessage(many,
                                              QStringLiteral("the PostgreSQL 15.5 server on "
                                                             "db.example port 5432"),
                                              QString(), 15),
                 QStringLiteral("PostGIS is not installed on the PostgreSQL 15.5 server on "
                                "db.example port 5432, and the geometry/geography columns t.g1, "
                                "t.g2, t.g3, t.g4, t.g5, t.g6, t.g7, t.g8 and 2 more need it: "
                                "install it on the server's machine (Debian: apt-get install "
                                "postgresql-15-postgis-3) or ask the server's administrator to, "
                                "then run again"));
        QCOMPARE(Postgis::package(16), QStringLiteral("postgresql-16-postgis-3"));
    }
};

QTEST_GUILESS_MAIN(TestGisServer)
#include "test_gis_server.moc"
