// Connection profiles in libpq's conventions: JSON round trips (including the format saved
// before kinds existed), empty fields left to libpq, passwords refused in connection strings and
// never in the settings file, the editor's placeholders and test result, and the keyring's
// fallback when no Secret Service answers (as on a CI machine).

#include "run/connectionprofile.h"
#include "run/connectionprofileeditor.h"
#include "run/runpanel.h"
#include "shell/settings.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void oldFormatLoads();
    void emptyFieldsAreLeftOut();
    void passwordInConnectionStringRefused();
    void noPasswordInSettingsFile();
    void editorRoundTrip();
    void placeholdersNameTheirSource();
    void testResultShowsWhatLibpqTried();
    void keyringUnavailableFallsBackToAsking();
    void askedPasswordOrLibpq();

private:
    QTemporaryDir m_dir;
};

void TestConnectionProfile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("spillway-test"));
    QCoreApplication::setApplicationName(QStringLiteral("connectionprofile"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    // No Secret Service, whatever the machine offers: the keyring's jobs fail.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/spillway-test-bus");
    for (const char *v : {"PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE", "PGSSLMODE"})
        qunsetenv(v);
}

void TestConnectionProfile::jsonRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("conninfo");
    QTest::newRow("fields") << int(ConnectionProfile::Kind::Fields)
                            << "host=db.example.org port=6543 dbname=shop user=loader "
                               "sslmode=require";
    QTest::newRow("uri") << int(ConnectionProfile::Kind::ConnInfo)
                         << "postgresql://etl@db1/shop?sslmode=verify-full";
    QTest::newRow("service") << int(ConnectionProfile::Kind::Service) << "service=staging";
}

void TestConnectionProfile::jsonRoundTrip()
{
    QFETCH(int, kind);
    QFETCH(QString, conninfo);
    ConnectionProfile p;
    p.name = QStringLiteral("staging");
    p.kind = ConnectionProfile::Kind(kind);
    p.host = QStringLiteral("db.example.org");
    p.port = 6543;
    p.database = QStringLiteral("shop");
    p.user = QStringLiteral("loader");
    p.sslmode = QStringLiteral("require");
    p.connInfo = QStringLiteral("postgresql://etl@db1/shop?sslmode=verify-full");
    p.service = QStringLiteral("staging");
    p.keyring = true;
    const QList<ConnectionProfile> loaded =
        ConnectionProfile::listFromJson(ConnectionProfile::listToJson({p}));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).toJson(), p.toJson());
    QCOMPARE(loaded.at(0).conninfo(), conninfo);
    QVERIFY(loaded.at(0).problem().isEmpty());
}

// Saved before kinds: host, port and sslmode were always written, with these defaults.
void TestConnectionProfile::oldFormatLoads()
{
    const QByteArray old =
        R"([{"name":"staging","host":"db.example.org","port":6543,"database":"shop",)"
        R"("user":"loader","sslmode":"require","askPassword":true},{"name":"local","database":"dev"}])";
    const QList<ConnectionProfile> p = ConnectionProfile::listFromJson(old);
    QCOMPARE(p.size(), 2);
    QCOMPARE(p.at(0).kind, ConnectionProfile::Kind::Fields);
    QCOMPARE(p.at(0).conninfo(), QStringLiteral("host=db.example.org port=6543 dbname=shop "
                                                "user=loader sslmode=require"));
    QVERIFY(p.at(0).askPassword);
    QVERIFY(!p.at(0).keyring);
    QCOMPARE(p.at(1).conninfo(), QStringLiteral("host=localhost port=5432 dbname=dev "
                                                "sslmode=prefer"));
}

void TestConnectionProfile::emptyFieldsAreLeftOut()
{
    ConnectionProfile p;
    QCOMPARE(p.conninfo(), QString());
    QVERIFY(p.problem().isEmpty());
    p.user = QStringLiteral("etl");
    p.database = QStringLiteral("my shop");
    QCOMPARE(p.conninfo(), QStringLiteral("dbname='my shop' user=etl"));
    p.kind = ConnectionProfile::Kind::Service;
    QVERIFY(!p.problem().isEmpty());
    p.service = QStringLiteral("staging");
    QCOMPARE(p.conninfo(), QStringLiteral("service=staging"));
}

void TestConnectionProfile::passwordInConnectionStringRefused()
{
    ConnectionProfile p;
    p.kind = ConnectionProfile::Kind::ConnInfo;
    for (const char *text : {"postgresql://etl:s3cret@db1/shop", "host=db1 password=s3cret"}) {
        p.connInfo = QString::fromLatin1(text);
        QVERIFY(p.problem().contains(QLatin1String("password")));
        QVERIFY(!QJsonDocument(p.toJson()).toJson().contains("s3cret"));
    }
    p.connInfo = QStringLiteral("host=db1 dbname=");
    QVERIFY(p.problem().isEmpty());
    p.connInfo = QStringLiteral("hots=db1");
    QVERIFY(p.problem().contains(QLatin1String("hots")));
    RunSettings s;
    s.target = RunTarget::Postgres;
    s.profile = p;
    QVERIFY(!s.problems().isEmpty());
}

// What the main window stores (Settings::connectionProfiles), read back as the file's text.
void TestConnectionProfile::noPasswordInSettingsFile()
{
    ConnectionProfile keyring;
    keyring.name = QStringLiteral("kept");
    keyring.host = QStringLiteral("db1");
    keyring.keyring = true;
    ConnectionProfile pasted;
    pasted.name = QStringLiteral("pasted");
    pasted.kind = ConnectionProfile::Kind::ConnInfo;
    pasted.connInfo = QStringLiteral("postgresql://etl:s3cret@db1/shop");
    Settings::connectionProfiles.set(ConnectionProfile::listToJson({keyring, pasted}));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("connectionProfiles"));
    QVERIFY(!text.contains("s3cret"));
    QVERIFY(!text.contains("password="));
    const QList<ConnectionProfile> loaded =
        ConnectionProfile::listFromJson(Settings::connectionProfiles.value());
    QCOMPARE(loaded.size(), 2);
    QVERIFY(loaded.at(0).keyring);
    QVERIFY(!ConnInfo::hasPassword(loaded.at(1).conninfo()));
    Settings::connectionProfiles.reset();
}

void TestConnectionProfile::editorRoundTrip()
{
    RunPanel panel(nullptr);
    ConnectionProfileEditor *editor = panel.connectionEditor();
    QSignalSpy edited(editor, &ConnectionProfileEditor::profileEdited);
    ConnectionProfile p;
    p.kind = ConnectionProfile::Kind::Service;
    p.service = QStringLiteral("staging");
    p.user = QStringLiteral("etl");
    p.askPassword = true;
    editor->setProfile(p);
    QVERIFY(!edited.isEmpty());
    QCOMPARE(editor->profile().toJson(), p.toJson());
    QCOMPARE(panel.settings().profile.conninfo(), QStringLiteral("service=staging"));
    panel.show();
    const auto *host = editor->findChild<QLineEdit *>(QStringLiteral("host"));
    QVERIFY(host && host->isHidden()); // only the chosen kind's rows
    p = ConnectionProfile();
    p.sslmode = QStringLiteral("verify-full");
    p.keyring = true;
    editor->setProfile(p);
    QCOMPARE(editor->profile().toJson(), p.toJson());
    QCOMPARE(editor->profile().conninfo(), QStringLiteral("sslmode=verify-full"));
    QVERIFY(!host->isHidden());
    // A pasted password is refused where it is typed.
    p.kind = ConnectionProfile::Kind::ConnInfo;
    p.connInfo = QStringLiteral("postgresql://etl:s3cret@db1/shop");
    editor->setProfile(p);
    QVERIFY(!panel.settings().profile.problem().isEmpty());
    bool shown = false;
    for (const QLabel *label : editor->findChildren<QLabel *>())
        shown = shown || (label->isVisibleTo(editor) && label->text() == p.problem());
    QVERIFY(shown);
    // ... and taken out of it on request, kept in memory for the keyring until saved.
    p.connInfo = QStringLiteral("host=db1 user=etl password=s3cret");
    editor->setProfile(p);
    QPushButton *move = nullptr;
    for (QPushButton *b : editor->findChildren<QPushButton *>())
        if (b->text().contains(QLatin1String("keyring")))
            move = b;
    QVERIFY(move && move->isVisibleTo(editor));
    move->click();
    QVERIFY(!move->isVisibleTo(editor));
    const ConnectionProfile moved = editor->profile();
    QVERIFY(moved.problem().isEmpty());
    QVERIFY(moved.keyring);
    QVERIFY(!moved.connInfo.contains(QLatin1String("s3cret")));
    QCOMPARE(ConnInfo::options(moved.connInfo).value(QStringLiteral("user")),
             QStringLiteral("etl"));
    QVERIFY(editor->passwords()->hasPending());
    std::optional<PasswordResult> result;
    editor->passwords()->obtain(moved, [&result](const PasswordResult &r) { result = r; });
    QVERIFY(result && result->ok);
    QCOMPARE(result->password, QStringLiteral("s3cret"));
}

void TestConnectionProfile::placeholdersNameTheirSource()
{
    ConnDefault host{QStringLiteral("/tmp/s"), QStringLiteral("PGHOST"), QStringLiteral("/tmp/s"),
                     QString()};
    QCOMPARE(ConnectionProfileEditor::placeholder(host, QString()),
             QStringLiteral("from PGHOST: /tmp/s"));
    ConnDefault port{QStringLiteral("5432"), QStringLiteral("PGPORT"), QString(),
                     QStringLiteral("5432")};
    QCOMPARE(ConnectionProfileEditor::placeholder(port, QString()),
             QStringLiteral("libpq default: 5432"));
    QCOMPARE(ConnectionProfileEditor::placeholder(ConnDefault(), QStringLiteral("x")),
             QStringLiteral("x"));
    // The editor reads the environment as libpq does.
    qputenv("PGHOST", "/tmp/spillway-placeholder");
    ConnectionProfileEditor editor;
    qunsetenv("PGHOST");
    const auto *hostEdit = editor.findChild<QLineEdit *>(QStringLiteral("host"));
    QVERIFY(hostEdit);
    QCOMPARE(hostEdit->placeholderText(), QStringLiteral("from PGHOST: /tmp/spillway-placeholder"));
}

void TestConnectionProfile::testResultShowsWhatLibpqTried()
{
    ConnectionProfileEditor editor;
    ConnectionProfile p;
    p.host = m_dir.filePath(QStringLiteral("no-server-here"));
    p.port = 5999;
    p.user = QStringLiteral("nobody");
    p.database = QStringLiteral("nothing");
    editor.setProfile(p);
    QSignalSpy tested(&editor, &ConnectionProfileEditor::connectionTested);
    editor.testConnection();
    QVERIFY(tested.wait(20000));
    const QString text = editor.testResult();
    QVERIFY2(text.startsWith(QLatin1String("Failed:")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Unix socket in ") + p.host), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("port: 5999")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("user: nobody")), qPrintable(text));
    ResolvedConnection ok;
    ok.host = QStringLiteral("db1");
    ok.port = QStringLiteral("5432");
    ok.database = QStringLiteral("shop");
    ok.user = QStringLiteral("etl");
    ok.sslmode = QStringLiteral("require");
    ok.sslInUse = true;
    ok.serverVersion = QStringLiteral("15.4");
    ok.passwordOrigin = PasswordOrigin::PasswordFile;
    ok.passwordFile = QStringLiteral("/home/etl/.pgpass");
    const QString shown = ConnectionProfileEditor::describe(ok, PasswordFrom::Libpq);
    QVERIFY2(shown.contains(QLatin1String("PostgreSQL 15.4")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("require (SSL in use)")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("Password: from /home/etl/.pgpass")), qPrintable(shown));
    QVERIFY(ConnectionProfileEditor::describe(ok, PasswordFrom::Keyring)
                .contains(QLatin1String("Password: from the system keyring")));
}

// No Secret Service: the keyring's error is shown plainly and the password is asked for.
void TestConnectionProfile::keyringUnavailableFallsBackToAsking()
{
    QWidget parent;
    ConnectionPassword passwords(&parent);
    passwords.setKeyringService(QStringLiteral("spillway-test"));
    QStringList prompts;
    passwords.setPrompt([&prompts](const QString &text) -> std::optional<QString> {
        prompts << text;
        return QStringLiteral("typed");
    });
    QSignalSpy messages(&passwords, &ConnectionPassword::keyringMessage);
    ConnectionProfile p;
    p.name = QStringLiteral("kept");
    p.keyring = true;
    std::optional<PasswordResult> result;
    passwords.obtain(p, [&result](const PasswordResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QVERIFY(result->ok);
    QCOMPARE(result->password, QStringLiteral("typed"));
    QCOMPARE(result->from, PasswordFrom::Asked);
    QVERIFY2(result->notice.contains(QLatin1String("keyring is unavailable")),
             qPrintable(result->notice));
    QCOMPARE(prompts.size(), 1);
    QVERIFY(prompts.at(0).contains(QLatin1String("keyring is unavailable")));
    QVERIFY(prompts.at(0).contains(QLatin1String(".pgpass")));
    QVERIFY(!messages.isEmpty());
}

void TestConnectionProfile::askedPasswordOrLibpq()
{
    QWidget parent;
    ConnectionPassword passwords(&parent);
    std::optional<QString> answer = QString();
    passwords.setPrompt([&answer](const QString &) { return answer; });
    ConnectionProfile p;
    std::optional<PasswordResult> result;
    const auto done = [&result](const PasswordResult &r) { result = r; };
    passwords.obtain(p, done); // libpq's own: PGPASSWORD, .pgpass
    QVERIFY(result && result->ok && result->from == PasswordFrom::Libpq);
    p.askPassword = true;
    answer = QStringLiteral("pw");
    passwords.obtain(p, done);
    QVERIFY(result && result->ok && result->from == PasswordFrom::Asked);
    QCOMPARE(result->password, QStringLiteral("pw"));
    answer = std::nullopt; // cancelled
    passwords.obtain(p, done);
    QVERIFY(result && !result->ok);
}

QTEST_MAIN(TestConnectionProfile)
#include "test_connectionprofile.moc"
