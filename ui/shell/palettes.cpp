#include "shell/palettes.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>

namespace spillway {

namespace {

struct StartupLook
{
    QString styleName;
    QPalette palette;
};

// What the platform gave the application before any theme was applied (for Theme::System).
StartupLook &startupLook()
{
    static StartupLook look = [] {
        StartupLook l;
        l.styleName = QApplication::style()->name();
        l.palette = QApplication::palette();
        return l;
    }();
    return look;
}

Theme g_current = Theme::System;

// Recolours its label when the application's palette changes.
class ErrorColour : public QObject
{
public:
    explicit ErrorColour(QLabel *label)
        : QObject(label)
        , m_label(label)
    {
        apply();
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange)
            apply();
        return QObject::eventFilter(watched, event);
    }

private:
    void apply()
    {
        const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
        QPalette p = m_label->palette();
        p.setColor(QPalette::WindowText,
                   dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xa0, 0x20, 0x20));
        m_label->setPalette(p);
    }
    QLabel *m_label;
};

void setGroupColours(QPalette &p, QPalette::ColorGroup group, const QColor &text,
                     const QColor &base, const QColor &window)
{
    p.setColor(group, QPalette::WindowText, text);
    p.setColor(group, QPalette::Text, text);
    p.setColor(group, QPalette::ButtonText, text);
    p.setColor(group, QPalette::Base, base);
    p.setColor(group, QPalette::Window, window);
    p.setColor(group, QPalette::Button, window.lighter(118));
}

} // namespace

QPalette darkPalette()
{
    const QColor window(45, 47, 51);
    const QColor base(30, 31, 34);
    const QColor text(224, 226, 230);
    const QColor disabledText(122, 125, 131);
    const QColor highlight(61, 132, 216);
    QPalette p;
    for (auto group : {QPalette::Active, QPalette::Inactive})
        setGroupColours(p, group, text, base, window);
    setGroupColours(p, QPalette::Disabled, disabledText, QColor(38, 39, 42), window);
    p.setColor(QPalette::AlternateBase, QColor(38, 40, 44));
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 68));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(140, 143, 150));
    p.setColor(QPalette::BrightText, QColor(255, 107, 107));
    p.setColor(QPalette::Light, QColor(72, 75, 80));
    p.setColor(QPalette::Midlight, QColor(58, 61, 66));
    p.setColor(QPalette::Mid, QColor(40, 42, 46));
    p.setColor(QPalette::Dark, QColor(22, 23, 25));
    p.setColor(QPalette::Shadow, QColor(10, 10, 12));
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(180, 140, 255));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(58, 82, 112));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 72, 76));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Light, window);
    p.setColor(QPalette::Disabled, QPalette::PlaceholderText, disabledText);
    return p;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return p;
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromName(const QString &name, bool *ok)
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (name.compare(themeName(theme), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return theme;
        }
    }
    if (ok)
        *ok = false;
    return Theme::System;
}

QStringList themeNames()
{
    return {themeName(Theme::System), themeName(Theme::Light), themeName(Theme::Dark)};
}

void applyTheme(Theme theme)
{
    const StartupLook &startup = startupLook();
    g_current = theme;
    if (theme == Theme::System) {
        if (QApplication::style()->name() != startup.styleName)
            QApplication::setStyle(startup.styleName);
        QApplication::setPalette(startup.palette);
        return;
    }
    if (QApplication::style()->name().compare(QStringLiteral("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

Theme currentTheme()
{
    return g_current;
}

void showAsError(QLabel *label)
{
    label->installEventFilter(new ErrorColour(label));
}

} // namespace spillway
