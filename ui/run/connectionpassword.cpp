#include "run/connectionpassword.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QWidget>

#include <qt6keychain/keychain.h>

namespace spillway {

ConnectionPassword::ConnectionPassword(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{}

std::optional<QString> ConnectionPassword::prompt(const QString &text)
{
    if (m_prompt)
        return m_prompt(text);
    bool ok = false;
    const QString password = QInputDialog::getText(m_dialogParent, tr("Password"), text,
                                                   QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return password;
}

void ConnectionPassword::obtain(const ConnectionProfile &profile, Done done)
{
    if (profile.keyring && !m_pending.isEmpty()) {
        done({true, m_pending, PasswordFrom::Asked, QString()});
        return;
    }
    if (profile.keyring && !profile.name.isEmpty())
        readKeyring(profile, std::move(done));
    else if (profile.askPassword || profile.keyring)
        ask(profile, QString(), false, QString(), done);
    else
        done({true, QString(), PasswordFrom::Libpq, QString()});
}

void ConnectionPassword::readKeyring(const ConnectionProfile &profile, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile.keyringKey());
    connect(job, &QKeychain::Job::finished, this,
            [this, profile, done = std::move(done)](QKeychain::Job *finished) {
                auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                if (read->error() == QKeychain::NoError) {
                    done({true, read->textData(), PasswordFrom::Keyring, QString()});
                } else if (read->error() == QKeychain::EntryNotFound) {
                    ask(profile,
                        tr("The system keyring has no password for profile \"%1\" yet; it will "
                           "keep the one you type now.")
                            .arg(profile.name),
                        true, QString(), done);
                } else {
                    const QString notice =
                        tr("The system keyring is unavailable: %1").arg(read->errorString());
                    emit keyringMessage(notice);
                    ask(profile,
                        notice + QLatin1Char('\n') +
                            tr("Type the password (kept in memory only), or leave it empty so "
                               "that libpq uses PGPASSWORD or ~/.pgpass."),
                        false, notice, done);
                }
            });
    job->start();
}

void ConnectionPassword::ask(const ConnectionProfile &profile, const QString &intro, bool keep,
                             const QString &notice, const Done &done)
{
    const QString where = profile.name.isEmpty() ? profile.conninfo() : profile.name;
    QString text = tr("Password for %1 (kept in memory only):").arg(where);
    if (!intro.isEmpty())
        text = intro + QLatin1Char('\n') + text;
    const std::optional<QString> typed = prompt(text);
    if (!typed) {
        done({false, QString(), PasswordFrom::Asked, notice});
        return;
    }
    // An empty answer leaves the password to libpq (PGPASSWORD, ~/.pgpass).
    if (typed->isEmpty()) {
        done({true, QString(), PasswordFrom::Libpq, notice});
        return;
    }
    if (keep)
        store(profile, *typed);
    done({true, *typed, PasswordFrom::Asked, notice});
}

void ConnectionPassword::store(const ConnectionProfile &profile, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile.keyringKey());
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, name = profile.name](QKeychain::Job *j) {
        emit keyringMessage(
            j->error() == QKeychain::NoError
                ? tr("The password of profile \"%1\" is now in the system keyring.").arg(name)
                : tr("The system keyring could not keep the password of profile \"%1\": %2")
                      .arg(name, j->errorString()));
    });
    job->start();
}

void ConnectionPassword::storePending(const ConnectionProfile &profile)
{
    if (profile.keyring && !m_pending.isEmpty() && !profile.name.isEmpty()) {
        store(profile, m_pending);
        m_pending.clear();
    }
}

void ConnectionPassword::forget(const ConnectionProfile &profile)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile.keyringKey());
    connect(job, &QKeychain::Job::finished, this, [this, name = profile.name](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            emit keyringMessage(tr("The system keyring could not delete the password of "
                                   "profile \"%1\": %2")
                                    .arg(name, j->errorString()));
    });
    job->start();
}

} // namespace spillway
