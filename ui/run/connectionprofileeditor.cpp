#include "run/connectionprofileeditor.h"

#include "shell/palettes.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <QToolButton>

namespace spillway {
namespace {

const QStringList kSslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                            QStringLiteral("prefer"),    QStringLiteral("require"),
                            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

// The password combo's rows, in this order.
enum PasswordRow { FromLibpq, AskEachTime, Keyring };

QString passwordText(const ResolvedConnection &r, PasswordFrom from)
{
    if (from == PasswordFrom::Keyring)
        return ConnectionProfileEditor::tr("from the system keyring");
    if (from == PasswordFrom::Asked)
        return ConnectionProfileEditor::tr("typed in (kept in memory only)");
    switch (r.passwordOrigin) {
    case PasswordOrigin::Environment:
        return ConnectionProfileEditor::tr("from PGPASSWORD");
    case PasswordOrigin::PasswordFile:
        return ConnectionProfileEditor::tr("from %1").arg(r.passwordFile);
    case PasswordOrigin::ConnectionString:
        return ConnectionProfileEditor::tr("given with the connection string");
    case PasswordOrigin::None:
        break;
    }
    return r.error.isEmpty()
               ? ConnectionProfileEditor::tr("none needed (trust, peer or certificate)")
               : ConnectionProfileEditor::tr("none");
}

} // namespace

QString ConnectionProfileEditor::describe(const ResolvedConnection &r, PasswordFrom from)
{
    QStringList lines;
    lines << (r.error.isEmpty() ? tr("Connected to PostgreSQL %1.").arg(r.serverVersion)
                                : tr("Failed: %1").arg(r.error.simplified()));
    if (!r.host.isEmpty() || !r.port.isEmpty()) {
        const QString host = r.unixSocket ? tr("Unix socket in %1").arg(r.host) : r.host;
        lines << tr("Host: %1 · port: %2").arg(host, r.port);
        lines << tr("Database: %1 · user: %2").arg(r.database, r.user);
        QString ssl = r.sslmode;
        if (r.error.isEmpty())
            ssl = r.sslInUse ? tr("%1 (SSL in use)").arg(ssl) : tr("%1 (no SSL)").arg(ssl);
        lines << tr("SSL mode: %1").arg(ssl);
        if (!r.service.isEmpty())
            lines << tr("Service: %1").arg(r.service);
        lines << tr("Password: %1").arg(passwordText(r, from));
    }
    if (r.needsPassword)
        lines << tr("The server wants a password: choose \"Ask each time\" or \"Remember in the "
                    "system keyring\", or add it to ~/.pgpass.");
    return lines.join(QLatin1Char('\n'));
}

ConnectionProfileEditor::ConnectionProfileEditor(QWidget *parent)
    : QWidget(parent)
    , m_passwords(new ConnectionPassword(this))
    , m_problem(new QLabel)
    , m_testResult(new QLabel)
{
    m_kind = new QComboBox;
    m_kind->addItems({tr("Fields (empty: libpq decides)"), tr("Connection string or URI"),
                      tr("Service (pg_service.conf)")});
    m_connInfo = new QLineEdit;
    m_connInfo->setPlaceholderText(tr("host=db1 dbname=shop user=etl  or  "
                                      "postgresql://etl@db1:5432/shop?sslmode=require"));
    m_service = new QComboBox; // editable: the service files' names, or any other
    m_service->setEditable(true);
    m_service->setInsertPolicy(QComboBox::NoInsert);
    m_service->lineEdit()->setPlaceholderText(
        tr("a [name] of ~/.pg_service.conf, PGSERVICEFILE or pg_service.conf"));
    m_password = new QComboBox;
    m_password->addItems({tr("libpq: PGPASSWORD, ~/.pgpass or none"),
                          tr("Ask each time (kept in memory only)"),
                          tr("Remember in the system keyring")});
    m_test = new QPushButton(tr("Test Connection"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a field too wide goes below its label
    m_form->addRow(tr("Profile"), createProfileRow());
    m_form->addRow(tr("Connection"), m_kind);
    addFieldRows();
    m_form->addRow(tr("Connection string"), m_connInfo);
    m_form->addRow(tr("Service"), m_service);
    m_form->addRow(tr("Password"), m_password);
    m_problem->setWordWrap(true);
    showAsError(m_problem);
    m_form->addRow(m_problem);
    m_moveToKeyring = new QPushButton(tr("Take the password out and keep it in the keyring"));
    m_form->addRow(m_moveToKeyring);
    m_form->addRow(m_test, m_testResult);
    // Long choices elide in the run panel's narrow column instead of widening it.
    const auto combos = findChildren<QComboBox *>();
    for (QComboBox *box : combos) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    showKindRows();
    m_form->setRowVisible(m_problem, false);
    m_form->setRowVisible(m_moveToKeyring, false);
    connectEdits();
    refreshDefaults();
}

ConnectionProfileEditor::~ConnectionProfileEditor()
{
    m_testWatcher.waitForFinished();
}

QWidget *ConnectionProfileEditor::createProfileRow()
{
    auto *row = new QWidget;
    m_profile = new QComboBox;
    m_profile->setPlaceholderText(tr("(no saved profile)"));
    auto *save = new QToolButton;
    save->setText(tr("Save"));
    auto *remove = new QToolButton;
    remove->setText(tr("Delete"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_profile, 1);
    layout->addWidget(save);
    layout->addWidget(remove);
    connect(m_profile, &QComboBox::activated, this, &ConnectionProfileEditor::loadProfile);
    connect(save, &QToolButton::clicked, this, &ConnectionProfileEditor::saveProfile);
    connect(remove, &QToolButton::clicked, this, &ConnectionProfileEditor::deleteProfile);
    return row;
}

void ConnectionProfileEditor::addFieldRows()
{
    m_host = new QLineEdit;
    m_port = new QLineEdit;
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_database = new QLineEdit;
    m_user = new QLineEdit;
    m_sslmode = new QComboBox;
    m_sslmode->addItem(QString(), QString()); // text set by refreshDefaults()
    for (const QString &mode : kSslModes)
        m_sslmode->addItem(mode, mode);
    m_host->setObjectName(QStringLiteral("host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_database->setObjectName(QStringLiteral("database"));
    m_user->setObjectName(QStringLiteral("user"));
    m_form->addRow(tr("Host"), m_host);
    m_form->addRow(tr("Port"), m_port);
    m_form->addRow(tr("Database"), m_database);
    m_form->addRow(tr("User"), m_user);
    m_form->addRow(tr("SSL mode"), m_sslmode);
}

// Only the rows of the chosen kind take space (so the panel stays short at 1024x640).
void ConnectionProfileEditor::showKindRows()
{
    using Kind = ConnectionProfile::Kind;
    const auto kind = Kind(m_kind->currentIndex());
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_host, m_port, m_database, m_user, m_sslmode})
        m_form->setRowVisible(w, kind == Kind::Fields);
    m_form->setRowVisible(m_connInfo, kind == Kind::ConnInfo);
    m_form->setRowVisible(m_service, kind == Kind::Service);
}

void ConnectionProfileEditor::connectEdits()
{
    const auto edited = [this] {
        // What the profile is refused for, where it is typed; an older test result is stale.
        const QString problem = profile().problem();
        m_problem->setText(problem);
        m_form->setRowVisible(m_problem, !problem.isEmpty());
        m_form->setRowVisible(
            m_moveToKeyring,
            m_kind->currentIndex() == int(ConnectionProfile::Kind::ConnInfo) &&
                ConnInfo::options(m_connInfo->text()).contains(QStringLiteral("password")));
        m_testResult->clear();
        emit profileEdited();
    };
    connect(m_service, &QComboBox::currentTextChanged, this, edited);
    for (QLineEdit *e : {m_host, m_port, m_database, m_user, m_connInfo})
        connect(e, &QLineEdit::textChanged, this, edited);
    for (QComboBox *c : {m_kind, m_sslmode, m_password})
        connect(c, &QComboBox::currentIndexChanged, this, edited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionProfileEditor::showKindRows);
    connect(m_test, &QPushButton::clicked, this, &ConnectionProfileEditor::testConnection);
    connect(m_moveToKeyring, &QPushButton::clicked, this,
            &ConnectionProfileEditor::movePasswordToKeyring);
    connect(m_passwords, &ConnectionPassword::keyringMessage, this,
            &ConnectionProfileEditor::showMessage);
    connect(&m_testWatcher, &QFutureWatcher<ResolvedConnection>::finished, this, [this] {
        QString text = describe(m_testWatcher.result(), m_testPasswordFrom);
        if (!m_testNotice.isEmpty())
            text = m_testNotice + QLatin1Char('\n') + text;
        m_testResult->setText(text);
        m_test->setEnabled(true);
        emit connectionTested();
    });
}

QString ConnectionProfileEditor::placeholder(const ConnDefault &d, const QString &fallback)
{
    if (!d.envValue.isEmpty() && d.value == d.envValue)
        return tr("from %1: %2").arg(d.envVar, d.envValue);
    const QString service = qEnvironmentVariable("PGSERVICE");
    if (!d.value.isEmpty() && d.value != d.compiled && !service.isEmpty())
        return tr("from service %1: %2").arg(service, d.value);
    if (!d.value.isEmpty())
        return tr("libpq default: %1").arg(d.value);
    return fallback;
}

void ConnectionProfileEditor::refreshDefaults()
{
    const QMap<QString, ConnDefault> d = ConnInfo::defaults();
    m_host->setPlaceholderText(
        placeholder(d.value(QStringLiteral("host")), tr("libpq default: the local Unix socket")));
    m_port->setPlaceholderText(placeholder(d.value(QStringLiteral("port")), tr("libpq default")));
    m_database->setPlaceholderText(
        placeholder(d.value(QStringLiteral("dbname")), tr("libpq default: the user name")));
    m_user->setPlaceholderText(placeholder(d.value(QStringLiteral("user")),
                                           tr("libpq default: the operating system user")));
    const QString service = m_service->currentText();
    m_service->clear();
    m_service->addItems(ConnInfo::serviceNames());
    m_service->setCurrentText(service);
    m_sslmode->setItemText(0, placeholder(d.value(QStringLiteral("sslmode")), tr("libpq default")));
}

ConnectionProfile ConnectionProfileEditor::profile() const
{
    ConnectionProfile p;
    p.name = m_profile->currentText();
    p.kind = ConnectionProfile::Kind(m_kind->currentIndex());
    p.host = m_host->text().trimmed();
    p.port = m_port->text().toInt();
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.sslmode = m_sslmode->currentData().toString();
    p.connInfo = m_connInfo->text().trimmed();
    p.service = m_service->currentText().trimmed();
    p.askPassword = m_password->currentIndex() == AskEachTime;
    p.keyring = m_password->currentIndex() == Keyring;
    return p;
}

void ConnectionProfileEditor::setProfile(const ConnectionProfile &p)
{
    m_kind->setCurrentIndex(int(p.kind));
    m_host->setText(p.host);
    m_port->setText(p.port > 0 ? QString::number(p.port) : QString());
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_sslmode->setCurrentIndex(std::max(0, m_sslmode->findData(p.sslmode)));
    m_connInfo->setText(p.connInfo);
    m_service->setCurrentText(p.service);
    m_password->setCurrentIndex(p.keyring ? Keyring : p.askPassword ? AskEachTime : FromLibpq);
}

void ConnectionProfileEditor::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles = profiles;
    m_profile->clear();
    for (const ConnectionProfile &p : profiles)
        m_profile->addItem(p.name);
    m_profile->setCurrentIndex(-1);
}

void ConnectionProfileEditor::loadProfile(int index)
{
    if (index >= 0 && index < m_profiles.size())
        setProfile(m_profiles.at(index));
}

void ConnectionProfileEditor::saveProfile()
{
    ConnectionProfile p = profile();
    if (const QString problem = p.problem(); !problem.isEmpty()) {
        showMessage(problem);
        return;
    }
    bool ok = false;
    const QString suggestion = p.name.isEmpty() ? p.conninfo() : p.name;
    p.name = QInputDialog::getText(this, tr("Save profile"), tr("Name:"), QLineEdit::Normal,
                                   suggestion, &ok)
                 .trimmed();
    if (!ok || p.name.isEmpty())
        return;
    const auto it = std::find_if(m_profiles.begin(), m_profiles.end(),
                                 [&](const ConnectionProfile &q) { return q.name == p.name; });
    if (it != m_profiles.end()) {
        if (it->keyring && !p.keyring)
            m_passwords->forget(*it);
        *it = p;
    } else {
        m_profiles.append(p);
    }
    setProfiles(m_profiles);
    m_profile->setCurrentText(p.name);
    m_passwords->storePending(p);
    emit profilesChanged(m_profiles);
}

// The pasted string's password leaves the string: kept in memory, then in the keyring when the
// profile is saved (at once when it already is).
void ConnectionProfileEditor::movePasswordToKeyring()
{
    const QString text = m_connInfo->text();
    m_passwords->setPending(ConnInfo::options(text).value(QStringLiteral("password")));
    m_connInfo->setText(ConnInfo::withoutPassword(text));
    m_password->setCurrentIndex(Keyring);
    const ConnectionProfile p = profile();
    const bool saved = std::any_of(m_profiles.begin(), m_profiles.end(),
                                   [&](const ConnectionProfile &q) { return q.name == p.name; });
    if (saved)
        m_passwords->storePending(p);
    else
        showMessage(tr("Save the profile to keep the password in the system keyring; until "
                       "then it is kept in memory only."));
}

void ConnectionProfileEditor::deleteProfile()
{
    const int index = m_profile->currentIndex();
    if (index < 0 || index >= m_profiles.size())
        return;
    if (m_profiles.at(index).keyring)
        m_passwords->forget(m_profiles.at(index));
    m_profiles.removeAt(index);
    setProfiles(m_profiles);
    emit profilesChanged(m_profiles);
}

void ConnectionProfileEditor::showMessage(const QString &text)
{
    m_testResult->setText(text);
}

QString ConnectionProfileEditor::testResult() const
{
    return m_testResult->text();
}

void ConnectionProfileEditor::testConnection()
{
    const ConnectionProfile p = profile();
    if (const QString problem = p.problem(); !problem.isEmpty()) {
        showMessage(problem);
        emit connectionTested();
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setText(tr("connecting…"));
    m_passwords->obtain(p, [this, p](const PasswordResult &r) {
        if (!r.ok) {
            m_testResult->setText(tr("Cancelled."));
            m_test->setEnabled(true);
            emit connectionTested();
            return;
        }
        QString conninfo = p.conninfo();
        if (!r.password.isEmpty())
            conninfo = ConnInfo::withOption(conninfo, QStringLiteral("password"), r.password);
        m_testPasswordFrom = r.from;
        m_testNotice = r.notice;
        m_testWatcher.setFuture(
            QtConcurrent::run([conninfo] { return ConnInfo::probe(conninfo); }));
    });
}

} // namespace spillway
