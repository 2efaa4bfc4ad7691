#include "shell/icons.h"

namespace spillway::Icons {

namespace {

QIcon bundled(const char *file, const char *themeName = nullptr)
{
    const QIcon fallback(QStringLiteral(":/spillway/icons/") + QLatin1String(file) +
                         QStringLiteral(".svg"));
    if (!themeName)
        return fallback;
    return QIcon::fromTheme(QLatin1String(themeName), fallback);
}

} // namespace

QIcon app()
{
    return bundled("spillway");
}
QIcon table()
{
    return bundled("table");
}
QIcon column()
{
    return bundled("column");
}
QIcon key()
{
    return bundled("key");
}
QIcon warning()
{
    return bundled("warning", "dialog-warning");
}
QIcon guessed()
{
    return bundled("guessed");
}

QIcon addTable()
{
    return bundled("add-table");
}
QIcon addColumn()
{
    return bundled("add-column");
}
QIcon remove()
{
    return bundled("delete", "edit-delete");
}
QIcon duplicate()
{
    return bundled("duplicate", "edit-copy");
}
QIcon run()
{
    return bundled("run", "media-playback-start");
}

QIcon theme(const QString &name)
{
    return QIcon::fromTheme(name);
}

} // namespace spillway::Icons
