#pragma once

// Problems found in a schema or in a run's settings, each tied to the place it comes from
// (a JSON path such as `tables[2].columns[4].generator.max`) so that a user can fix them all in
// one pass instead of one per attempt.

#include <QList>
#include <QString>

namespace spillway {

struct Diagnostic
{
    QString path;    // JSON path, e.g. tables[0].columns[3].generator.min; empty for the document
    QString message; // what is wrong and what to change
    int line = 0;    // 1-based line in the source text, 0 when unknown
    int column = 0;

    QString toString() const;
};

class Diagnostics
{
public:
    void add(const QString &path, const QString &message) { m_items.append({path, message}); }
    void add(const Diagnostic &d) { m_items.append(d); }
    void append(const Diagnostics &other) { m_items.append(other.m_items); }

    bool isEmpty() const { return m_items.isEmpty(); }
    bool hasErrors() const { return !m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }
    const QList<Diagnostic> &items() const { return m_items; }

    QString toString() const; // one problem per line

private:
    QList<Diagnostic> m_items;
};

} // namespace spillway
