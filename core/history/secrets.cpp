#include "history/secrets.h"

#include <QRegularExpression>

#include <algorithm>

namespace spillway {
namespace {

const QString kMask = QStringLiteral("****");

// Where a URI's user info ends, or -1. libpq reads it up to the first '@' before any '/',
// whatever it holds ('?' and spaces included); the last '@' before the query or a space also
// counts, for "u:se@cret@h" (masking too much beats masking too little).
qsizetype userInfoEnd(const QString &text, qsizetype start)
{
    qsizetype end = text.indexOf(QLatin1Char('?'), start);
    const qsizetype space = text.indexOf(QLatin1Char(' '), start);
    if (space >= 0 && (end < 0 || space < end))
        end = space;
    if (end < 0)
        end = text.size();
    qsizetype at = end > start ? text.lastIndexOf(QLatin1Char('@'), end - 1) : -1;
    for (qsizetype i = start; i < text.size() && text[i] != QLatin1Char('/'); ++i) {
        if (text[i] == QLatin1Char('@')) {
            at = std::max(at, i);
            break;
        }
    }
    return at >= start ? at : -1;
}

// postgresql://user:password@host...: everything between the first ':' of the user info and
// its end is the password.
QString maskUriUserInfo(const QString &text)
{
    static const QRegularExpression scheme(QStringLiteral("postgres(?:ql)?://"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    qsizetype from = 0;
    QRegularExpressionMatch m;
    while ((m = scheme.match(out, from)).hasMatch()) {
        const qsizetype start = m.capturedEnd();
        const qsizetype at = userInfoEnd(out, start);
        const qsizetype colon = out.indexOf(QLatin1Char(':'), start);
        if (at >= 0 && colon >= 0 && colon < at) {
            out.replace(colon + 1, at - colon - 1, kMask);
            from = colon + 1 + kMask.size() + 1;
        } else {
            from = start;
        }
    }
    return out;
}

// URI query parameters: ?password=...&sslpassword=... libpq decodes the keyword's percent
// escapes (%70assword is password) and reads the value up to the next '&', spaces included.
QString maskUriQuery(const QString &text)
{
    static const QRegularExpression parameter(QStringLiteral("[?&]([^=&?\\s]*)="));
    QString out;
    qsizetype copied = 0;
    auto it = parameter.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() < copied)
            continue; // inside a value already masked
        const QString key =
            QString::fromUtf8(QByteArray::fromPercentEncoding(m.captured(1).toUtf8())).toLower();
        if (key != QLatin1String("password") && key != QLatin1String("sslpassword"))
            continue;
        qsizetype end = text.indexOf(QLatin1Char('&'), m.capturedEnd());
        if (end < 0)
            end = text.size();
        out += QStringView(text).mid(copied, m.capturedEnd() - copied);
        out += kMask;
        copied = end;
    }
    out += QStringView(text).mid(copied);
    return out;
}

} // namespace

QString maskConnectionString(const QString &text)
{
    QString out = maskUriQuery(maskUriUserInfo(text));
    // key=value: password=secret, password = 'a \'quoted\' secret'
    static const QRegularExpression keyValue(
        QStringLiteral("((?<![?&])\\b(?:ssl)?password\\s*=\\s*)(?:'(?:[^'\\\\]|\\\\.)*'?|(?:[^"
                       "\\s\\\\]|\\\\.)+)"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(keyValue, QStringLiteral("\\1") + kMask);
    return out;
}

QStringList maskArguments(const QStringList &arguments)
{
    // Every argument goes through the mask: a --db value is one case of many (an ETL wrapper may
    // pass a connection string through an option Spillway does not know).
    QStringList out;
    out.reserve(arguments.size());
    for (const QString &argument : arguments)
        out.append(maskConnectionString(argument));
    return out;
}

} // namespace spillway
