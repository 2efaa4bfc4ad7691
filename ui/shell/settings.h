#pragma once

// Every setting of the desktop application, declared once with its type and default. Read with
// `Settings::recentFiles.value()`, write with `Settings::recentFiles.set(list)`. Other areas add
// their entries at the end of the list (one line each).

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QVariant>

namespace spillway {

template<typename T> class Setting
{
public:
    constexpr Setting(const char *key, T defaultValue = T())
        : m_key(key)
        , m_default(std::move(defaultValue))
    {}
    T value() const
    {
        const QVariant v = QSettings().value(QLatin1String(m_key));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }
    void set(const T &value) const
    {
        QSettings().setValue(QLatin1String(m_key), QVariant::fromValue(value));
    }
    void reset() const { QSettings().remove(QLatin1String(m_key)); }
    QString key() const { return QLatin1String(m_key); }
    const T &defaultValue() const { return m_default; }

private:
    const char *m_key;
    T m_default;
};

namespace Settings {

// Main window (designer area)
inline const Setting<QByteArray> windowGeometry{"mainWindow/geometry"};
inline const Setting<QByteArray> windowState{"mainWindow/state"};
inline const Setting<QByteArray> designerSplitter{"designer/splitter"};
inline const Setting<QByteArray> designerPreviewSplitter{"designer/previewSplitter"};
inline const Setting<QByteArray> schemaTreeHeader{"designer/treeHeader"};
inline const Setting<QStringList> recentFiles{"files/recent"};
inline const Setting<int> maxRecentFiles{"files/maxRecent", 10};
inline const Setting<QString> lastDirectory{"files/lastDirectory"};
inline const Setting<QString> theme{"view/theme", QStringLiteral("system")}; // palettes.h names
// Run area: ConnectionProfile::listToJson() of the saved profiles (never a password).
inline const Setting<QByteArray> connectionProfiles{"run/connectionProfiles"};
// Run area: RunSettings::toJson() of the run panel's fields, restored on start (no password).
inline const Setting<QByteArray> runSettings{"run/settings"};

} // namespace Settings

} // namespace spillway
