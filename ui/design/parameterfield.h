#pragma once

// The parameter form's internals shared by its two files: one field's editor state, and
// which editor a parameter gets (parameterschema.cpp).

#include "design/parameterform.h"
#include "generators/generatorcatalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

class QCheckBox;
class QGroupBox;
class QWidget;

namespace spillway {

class ExpressionField;
class ProblemLabel;
class WeightedListModel;

struct ParameterForm::Field
{
    QString path; // "min", "after.column"
    QString name;
    QJsonObject schema;
    ParameterType type = ParameterType::Text; // from GeneratorCatalog::parameterType
    // A ColumnRef naming a column of this row (after, uuid v7) rather than a key column of
    // another table (reference, parent).
    bool rowColumn = false;
    bool required = false;
    QCheckBox *toggle = nullptr; // optional fields: present or not
    QGroupBox *group = nullptr;  // objects
    QWidget *editor = nullptr;
    ProblemLabel *problem = nullptr;
    WeightedListModel *list = nullptr;
    ExpressionField *expression = nullptr; // expressions and templates: a code editor
};

QStringList toStrings(const QJsonArray &array);
// The editor a parameter gets, from its name and JSON Schema (GeneratorCatalog::parameterType).

} // namespace spillway
