#include "history/secrets.h"

#include <QRegularExpression>

namespace spillway {
namespace {

const QString kMask = QStringLiteral("****");

// postgresql://user:password@host...: everything between the first ':' of the user info and
// the last '@' before the query is the password (masking too much beats masking too little).
QString maskUriUserInfo(const QString &text)
{
    static const QRegularExpression scheme(QStringLiteral("postgres(?:ql)?://"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    qsizetype from = 0;
    QRegularExpressionMatch m;
    while ((m = scheme.match(out, from)).hasMatch()) {
        const qsizetype start = m.capturedEnd();
        qsizetype end = out.indexOf(QLatin1Char('?'), start);
        const qsizetype space = out.indexOf(QLatin1Char(' '), start);
        if (space >= 0 && (end < 0 || space < end))
            end = space;
        if (end < 0)
            end = out.size();
        const qsizetype at = out.lastIndexOf(QLatin1Char('@'), end - 1);
        const qsizetype colon = out.indexOf(QLatin1Char(':'), start);
        if (at >= start && colon >= 0 && colon < at) {
            out.replace(colon + 1, at - colon - 1, kMask);
            from = colon + 1 + kMask.size() + 1;
        } else {
            from = start;
        }
    }
    return out;
}

} // namespace

QString maskConnectionString(const QString &text)
{
    QString out = maskUriUserInfo(text);
    // URI query parameters: ?password=...&sslpassword=...
    static const QRegularExpression query(QStringLiteral("([?&](?:ssl)?password=)[^&\\s]*"),
                                          QRegularExpression::CaseInsensitiveOption);
    out.replace(query, QStringLiteral("\\1") + kMask);
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
