#include "base/diagnostics.h"

#include <QStringList>

namespace spillway {

QString Diagnostic::toString() const
{
    QString where = path.isEmpty() ? QStringLiteral("schema") : path;
    if (line > 0)
        where += QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
    return where + QStringLiteral(": ") + message;
}

QString Diagnostics::toString() const
{
    QStringList lines;
    lines.reserve(m_items.size());
    for (const Diagnostic &d : m_items)
        lines.append(d.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace spillway
