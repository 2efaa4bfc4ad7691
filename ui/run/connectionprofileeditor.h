#pragma once

// The PostgreSQL part of the run panel: saved profiles (Save, Delete), the kind of connection
// (fields where empty means "libpq decides", a connection string or URI, a service of
// pg_service.conf), where the password comes from (libpq's PGPASSWORD/.pgpass, asked each time,
// the system keyring) and "Test connection", which shows what libpq resolved: host or socket,
// port, database, user, SSL, the server's version and where the password came from. Empty
// fields show what libpq would use instead ("from PGHOST: /tmp", "libpq default: 5432").

#include "pg/conninfo.h"
#include "run/connectionpassword.h"
#include "run/connectionprofile.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace spillway {

class ConnectionProfileEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionProfileEditor(QWidget *parent = nullptr);
    ~ConnectionProfileEditor() override;

    // Hidden (another target's page in the run panel's stack), its wrapped rows claim no
    // height: QStackedLayout asks every page, whatever its size policy.
    int heightForWidth(int width) const override
    {
        return isHidden() ? -1 : QWidget::heightForWidth(width);
    }

    ConnectionProfile profile() const;
    void setProfile(const ConnectionProfile &profile);
    QList<ConnectionProfile> profiles() const { return m_profiles; }
    void setProfiles(const QList<ConnectionProfile> &profiles);
    ConnectionPassword *passwords() const { return m_passwords; }

    // Obtains the password as the profile says, then connects off the GUI thread and shows
    // what libpq resolved; connectionTested() follows.
    void testConnection();
    QString testResult() const;
    // Re-reads libpq's defaults (environment, PGSERVICE) for the empty fields' placeholders.
    void refreshDefaults();

    // The text "Test connection" shows for a resolved connection.
    static QString describe(const ResolvedConnection &resolved, PasswordFrom from);
    // An empty field's placeholder: what libpq uses for it instead.
    static QString placeholder(const ConnDefault &value, const QString &fallback);

signals:
    void profileEdited();
    // The user saved or deleted a profile: store them (without passwords).
    void profilesChanged(const QList<spillway::ConnectionProfile> &profiles);
    void connectionTested();

private:
    void addFieldRows();
    void showKindRows();
    QWidget *createProfileRow();
    void connectEdits();
    void loadProfile(int index);
    void saveProfile();
    void deleteProfile();
    void showMessage(const QString &text);
    void movePasswordToKeyring();

    QList<ConnectionProfile> m_profiles;
    ConnectionPassword *m_passwords;
    QComboBox *m_profile;
    QComboBox *m_kind;
    QFormLayout *m_form;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QComboBox *m_sslmode;
    QLineEdit *m_connInfo;
    QComboBox *m_service;
    QComboBox *m_password;
    QLabel *m_problem;
    QPushButton *m_moveToKeyring;
    QPushButton *m_test;
    QLabel *m_testResult;
    PasswordFrom m_testPasswordFrom = PasswordFrom::Libpq;
    QString m_testNotice; // a keyring problem met while obtaining the password
    QFutureWatcher<ResolvedConnection> m_testWatcher;
};

} // namespace spillway
