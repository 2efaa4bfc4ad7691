#pragma once

// The parameter form's internals shared by its two files: one field's editor state, and
// which editor a parameter gets (parameterschema.cpp).

#include "design/parameterform.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

class QCheckBox;
class QGroupBox;
class QWidget;

namespace spillway {

class ProblemLabel;
class WeightedListModel;

struct ParameterForm::Field
{
    enum Type {
        Integer,
        Number,
        Boolean,
        Enum,
        Date,
        DateTime,
        Time,
        Duration,
        Text,
        Pattern,
        TableRef,
        KeyColumnRef,
        RowColumnRef,
        ValueList,
        StringList, // ["US", "CA"], edited as comma-separated text
        NumberList, // [5.9, 45.8, 10.5, 47.8]
        Scalar,
        Object,
        Json // generator objects (json fields, array elements), edited as JSON text
    };
    QString path; // "min", "after.column"
    QString name;
    QJsonObject schema;
    Type type = Text;
    bool required = false;
    QCheckBox *toggle = nullptr; // optional fields: present or not
    QGroupBox *group = nullptr;  // objects
    QWidget *editor = nullptr;
    ProblemLabel *problem = nullptr;
    WeightedListModel *list = nullptr;
};

QStringList toStrings(const QJsonArray &array);
// The editor a parameter gets, from its name and JSON Schema (GeneratorCatalog::parameterType).
ParameterForm::Field::Type fieldType(const QString &name, const QJsonObject &schema);

} // namespace spillway
