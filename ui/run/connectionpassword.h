#pragma once

// Where a connection profile's password comes from before a session: the system keyring
// (QtKeychain: Secret Service, KWallet), a prompt with echo off, or nothing so that libpq reads
// PGPASSWORD or .pgpass. Keyring jobs are asynchronous and never block the GUI thread. A
// password lives in memory only: Spillway never writes one to disk (QtKeychain's insecure
// file fallback stays off). When the keyring is unavailable, its error is shown plainly and the
// user is asked instead, or libpq falls back to .pgpass.

#include "run/connectionprofile.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace spillway {

enum class PasswordFrom { Libpq, Keyring, Asked };

struct PasswordResult
{
    bool ok = false; // false: the user cancelled
    QString password;
    PasswordFrom from = PasswordFrom::Libpq;
    QString notice; // a keyring problem to show, empty when none
};

class ConnectionPassword : public QObject
{
    Q_OBJECT

public:
    // Shows text and returns the typed password, nothing when cancelled.
    using Prompt = std::function<std::optional<QString>(const QString &text)>;
    using Done = std::function<void(const PasswordResult &result)>;

    explicit ConnectionPassword(QWidget *dialogParent);

    // Replaces the echo-off dialog (tests).
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    // The keyring service name entries are stored under ("Spillway").
    void setKeyringService(const QString &service) { m_service = service; }
    QString keyringService() const { return m_service; }

    // Finds the password for profile and calls done (on this object's thread, possibly later).
    void obtain(const ConnectionProfile &profile, Done done);
    // Stores or deletes a profile's keyring entry; problems come back through keyringMessage.
    void store(const ConnectionProfile &profile, const QString &password);
    // A password taken out of a pasted connection string, in memory until the profile is saved
    // with storePending(); obtain() uses it meanwhile for keyring profiles.
    void setPending(const QString &password) { m_pending = password; }
    bool hasPending() const { return !m_pending.isEmpty(); }
    void storePending(const ConnectionProfile &profile);
    void forget(const ConnectionProfile &profile);

signals:
    // A keyring problem (no Secret Service, access denied...) or a confirmation to show.
    void keyringMessage(const QString &text);

private:
    void readKeyring(const ConnectionProfile &profile, Done done);
    // keep: a typed password goes into the keyring; notice is passed on to done.
    void ask(const ConnectionProfile &profile, const QString &intro, bool keep,
             const QString &notice, const Done &done);
    std::optional<QString> prompt(const QString &text);

    QPointer<QWidget> m_dialogParent;
    Prompt m_prompt;
    QString m_service = QStringLiteral("Spillway");
    QString m_pending;
};

} // namespace spillway
