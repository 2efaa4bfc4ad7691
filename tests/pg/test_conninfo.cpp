// libpq's conventions through core/pg's ConnInfo: parsing connection strings and URIs, leaving
// out what is empty so that PG* variables, service files and defaults apply, and what libpq
// resolved for a live connection. Against a real private server (PgFixture).

#include "pg/conninfo.h"
#include "pgfixture.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace spillway;
using spillway::test::PgFixture;

class TestConnInfo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void options_data();
    void options();
    void passwordIsFoundAndStripped();
    void keywordValueQuotesOnlyWhenNeeded();
    void probeResolvesExplicitString();
    void emptyStringTakesEnvironment();
    void serviceFileApplies();
    void uriApplies();
    void failureSaysWhatWasTried();

private:
    void expectServer(const ResolvedConnection &r);

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
};

static const char *const kVariables[] = {"PGHOST",    "PGPORT",        "PGUSER",    "PGDATABASE",
                                         "PGSERVICE", "PGSERVICEFILE", "PGSSLMODE", "PGSYSCONFDIR"};

void TestConnInfo::initTestCase()
{
    for (const char *v : kVariables)
        qunsetenv(v);
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
}

void TestConnInfo::cleanup()
{
    for (const char *v : kVariables)
        qunsetenv(v);
}

void TestConnInfo::expectServer(const ResolvedConnection &r)
{
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(r.unixSocket);
    QCOMPARE(r.host, m_pg->server().socketDir());
    QCOMPARE(r.port, QString::number(m_pg->server().port()));
    QCOMPARE(r.user, m_pg->server().user());
    QCOMPARE(r.database, LocalServer::databaseName());
    QVERIFY2(r.serverVersion.startsWith(QLatin1String("1")), qPrintable(r.serverVersion));
    QCOMPARE(r.passwordOrigin, PasswordOrigin::None); // the private server trusts its socket
    QVERIFY(!r.options.contains(QStringLiteral("password")));
}

void TestConnInfo::options_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("dbname");
    QTest::addColumn<bool>("valid");
    QTest::newRow("keywords") << "host=db1 dbname='my shop'"
                              << "db1"
                              << "my shop" << true;
    QTest::newRow("uri") << "postgresql://etl@db1:6543/shop?sslmode=require"
                         << "db1"
                         << "shop" << true;
    QTest::newRow("empty") << ""
                           << ""
                           << "" << true;
    QTest::newRow("unknown keyword") << "hots=db1"
                                     << ""
                                     << "" << false;
    QTest::newRow("bad uri") << "postgresql://db1/x?nosuch=1"
                             << ""
                             << "" << false;
}

void TestConnInfo::options()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, host);
    QFETCH(QString, dbname);
    QFETCH(bool, valid);
    QString error;
    const QMap<QString, QString> o = ConnInfo::options(conninfo, &error);
    QCOMPARE(error.isEmpty(), valid);
    QCOMPARE(o.value(QStringLiteral("host")), host);
    QCOMPARE(o.value(QStringLiteral("dbname")), dbname);
}

void TestConnInfo::passwordIsFoundAndStripped()
{
    QVERIFY(ConnInfo::hasPassword(QStringLiteral("postgresql://etl:s3cret@db1/shop")));
    QVERIFY(ConnInfo::hasPassword(QStringLiteral("host=db1 password=s3cret")));
    QVERIFY(!ConnInfo::hasPassword(QStringLiteral("host=db1 passfile=/x")));
    // libpq reads this one as host "etl" and port "s3cret...": still a password, never kept.
    const QString twice = QStringLiteral("postgresql://etl:s3cretpostgresql://etl:s3cret@db1/shop");
    QVERIFY(ConnInfo::hasPassword(twice));
    QVERIFY(!ConnInfo::withoutPassword(twice).contains(QLatin1String("s3cret")));
    QVERIFY(!ConnInfo::masked(twice).contains(QLatin1String("s3cret")));
    QVERIFY(!ConnInfo::hasPassword(QStringLiteral("postgresql://etl@[::1]:5432/db?options=a@b:c")));
    QVERIFY(!ConnInfo::hasPassword(QStringLiteral("postgresql://h1:1,h2:2/db")));
    const QString stripped =
        ConnInfo::withoutPassword(QStringLiteral("postgresql://etl:s3cret@db1/shop"));
    QVERIFY(!stripped.contains(QLatin1String("s3cret")));
    QCOMPARE(ConnInfo::options(stripped).value(QStringLiteral("user")), QStringLiteral("etl"));
    QCOMPARE(ConnInfo::options(stripped).value(QStringLiteral("dbname")), QStringLiteral("shop"));
}

void TestConnInfo::keywordValueQuotesOnlyWhenNeeded()
{
    QCOMPARE(ConnInfo::keywordValue(QStringLiteral("host"), QStringLiteral("db1")),
             QStringLiteral("host=db1"));
    const QString quoted =
        ConnInfo::keywordValue(QStringLiteral("dbname"), QStringLiteral("a b'c"));
    QCOMPARE(ConnInfo::options(quoted).value(QStringLiteral("dbname")), QStringLiteral("a b'c"));
}

void TestConnInfo::probeResolvesExplicitString()
{
    expectServer(ConnInfo::probe(m_pg->connectionString()));
}

// Fields left empty are not written: the empty string connects through PG* variables.
void TestConnInfo::emptyStringTakesEnvironment()
{
    qputenv("PGHOST", m_pg->server().socketDir().toUtf8());
    qputenv("PGPORT", QByteArray::number(m_pg->server().port()));
    qputenv("PGUSER", m_pg->server().user().toUtf8());
    qputenv("PGDATABASE", LocalServer::databaseName().toUtf8());
    const QMap<QString, ConnDefault> d = ConnInfo::defaults();
    QCOMPARE(d.value(QStringLiteral("host")).envVar, QStringLiteral("PGHOST"));
    QCOMPARE(d.value(QStringLiteral("host")).envValue, m_pg->server().socketDir());
    QCOMPARE(d.value(QStringLiteral("port")).value, QString::number(m_pg->server().port()));
    QCOMPARE(d.value(QStringLiteral("port")).compiled, QStringLiteral("5432"));
    QVERIFY(!d.contains(QStringLiteral("password")));
    expectServer(ConnInfo::probe(QString()));
    // An explicit keyword still wins over its variable.
    qputenv("PGDATABASE", "no_such_database");
    expectServer(ConnInfo::probe(QStringLiteral("dbname=") + LocalServer::databaseName()));
}

void TestConnInfo::serviceFileApplies()
{
    const QString path = m_dir.filePath(QStringLiteral("pg_service.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[spillwaytest]\nhost=%1\nport=%2\nuser=%3\ndbname=%4\n")
                   .arg(m_pg->server().socketDir())
                   .arg(m_pg->server().port())
                   .arg(m_pg->server().user(), LocalServer::databaseName())
                   .toUtf8());
    file.close();
    qputenv("PGSERVICEFILE", path.toUtf8());
    qputenv("PGSYSCONFDIR", m_dir.filePath(QStringLiteral("none")).toUtf8());
    QCOMPARE(ConnInfo::serviceNames(), QStringList{QStringLiteral("spillwaytest")});
    const ResolvedConnection r = ConnInfo::probe(QStringLiteral("service=spillwaytest"));
    expectServer(r);
    QCOMPARE(r.service, QStringLiteral("spillwaytest"));
    // PGSERVICE names it for a connection string that says nothing.
    qputenv("PGSERVICE", "spillwaytest");
    expectServer(ConnInfo::probe(QString()));
    const QString unknown = ConnInfo::probe(QStringLiteral("service=nothere")).error;
    QVERIFY2(unknown.contains(QLatin1String("nothere")), qPrintable(unknown));
}

void TestConnInfo::uriApplies()
{
    // (concatenated: the percent-encoded folder holds "%2F", which arg() would take for a marker)
    const QString uri = QStringLiteral("postgresql://") + m_pg->server().user() +
                        QStringLiteral("@/") + LocalServer::databaseName() +
                        QStringLiteral("?host=") +
                        QString::fromUtf8(QUrl::toPercentEncoding(m_pg->server().socketDir())) +
                        QStringLiteral("&port=") + QString::number(m_pg->server().port());
    expectServer(ConnInfo::probe(uri));
}

void TestConnInfo::failureSaysWhatWasTried()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-server"));
    const ResolvedConnection r =
        ConnInfo::probe(QStringLiteral("host=%1 port=5999 user=nobody").arg(missing));
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(r.host, missing);
    QCOMPARE(r.port, QStringLiteral("5999"));
    QCOMPARE(r.user, QStringLiteral("nobody"));
    QVERIFY(ConnInfo::probe(QStringLiteral("hots=x")).error.contains(QLatin1String("hots")));
}

QTEST_GUILESS_MAIN(TestConnInfo)
#include "test_conninfo.moc"
