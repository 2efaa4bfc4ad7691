// A schema with expression columns through the real spillway-cli: `validate` reports a bad
// expression at its path and column, `preview` shows the computed columns, and `generate`
// writes values that follow the expressions.

#include "../processsupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway::test;

namespace {

// TPC-H-like customers and line items with the rules of the issue written as expressions.
QByteArray schema(const char *nameExpression)
{
    return QByteArray(R"json({"seed": 3, "tables": [
  {"name": "customer", "rows": 50, "columns": [
    {"name": "c_custkey", "type": "bigint", "primaryKey": true, "generator": {"kind": "sequence"}},
    {"name": "c_name", "type": "varchar(25)", "generator": {"kind": "expression", "expression": ")json") +
           nameExpression + R"json("}},
    {"name": "c_nationkey", "type": "integer", "generator": {"kind": "uniform", "min": 0, "max": 24}},
    {"name": "c_phone_cc", "type": "integer", "generator": {"kind": "expression", "expression": "c_nationkey + 10"}},
    {"name": "l_shipdate", "type": "date", "generator": {"kind": "date", "min": "1995-01-01", "max": "1995-12-31"}},
    {"name": "l_receiptdate", "type": "date", "generator": {"kind": "expression", "expression": "l_shipdate + 1 + c_nationkey % 30"}},
    {"name": "ra", "type": "char(1)", "hidden": true, "generator": {"kind": "choice", "values": ["R", "A"]}},
    {"name": "l_returnflag", "type": "char(1)", "generator": {"kind": "expression", "expression": "case when l_receiptdate <= date '1995-06-17' then ra else 'N' end"}},
    {"name": "price", "type": "numeric(12,2)", "generator": {"kind": "decimal", "min": 1, "max": 100}},
    {"name": "with_tax", "type": "numeric(12,2)", "generator": {"kind": "expression", "expression": "price * 1.075"}}
  ]}]
})json";
}

} // namespace

class TestCliExpression : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void validateNamesThePlace();
    void previewAndGenerate();

private:
    CliResult cli(const QStringList &arguments)
    {
        return runCli(arguments, {},
                      environmentWith({{QStringLiteral("SPILLWAY_RUNS_DIR"), m_dir.path()}}),
                      60000);
    }
    QString write(const QByteArray &json)
    {
        const QString path = m_dir.filePath(QStringLiteral("schema.json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(json);
        return path;
    }

    QTemporaryDir m_dir;
};

void TestCliExpression::validateNamesThePlace()
{
    const QString path = write(schema("format('Customer#%09d', c_custkey + c_nam)"));
    const CliResult r = cli({QStringLiteral("validate"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral(
                 "tables[0].columns[1].generator.expression: at column 37 of the expression: "
                 "column 'c_nam' is not in table 'customer'; did you mean 'c_name'?")),
             qPrintable(r.err));
    // Then the expression with a caret under the place.
    QVERIFY2(r.err.contains(QStringLiteral("\n    format('Customer#%09d', c_custkey + c_nam)\n") +
                            QString(4 + 36, QLatin1Char(' ')) + QStringLiteral("^\n")),
             qPrintable(r.err));
}

void TestCliExpression::previewAndGenerate()
{
    const QString path = write(schema("format('Customer#%09d', c_custkey)"));
    const CliResult preview =
        cli({QStringLiteral("preview"), path, QStringLiteral("--rows"), QStringLiteral("3")});
    QCOMPARE(preview.exitCode, 0);
    QVERIFY2(preview.outText().contains(QStringLiteral("Customer#000000001")),
             qPrintable(preview.outText()));
    QVERIFY(preview.outText().contains(QStringLiteral("Customer#000000003")));

    const CliResult csv =
        cli({QStringLiteral("generate"), path, QStringLiteral("--format"), QStringLiteral("csv"),
             QStringLiteral("--out"), QStringLiteral("-")});
    QCOMPARE(csv.exitCode, 0);
    const QStringList lines = csv.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 50, qPrintable(csv.err));
    const QRegularExpression number(QStringLiteral("^\\d+$"));
    int checked = 0;
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(','));
        if (f.size() != 9 || !number.match(f[0]).hasMatch())
            continue; // a header
        QCOMPARE(f[1],
                 QStringLiteral("Customer#%1").arg(f[0].toLongLong(), 9, 10, QLatin1Char('0')));
        QCOMPARE(f[3].toInt(), f[2].toInt() + 10);
        const QDate ship = QDate::fromString(f[4], Qt::ISODate);
        const QDate receipt = QDate::fromString(f[5], Qt::ISODate);
        QCOMPARE(ship.daysTo(receipt), qint64(1 + f[2].toInt() % 30));
        if (receipt <= QDate(1995, 6, 17))
            QVERIFY(f[6] == QLatin1String("R") || f[6] == QLatin1String("A"));
        else
            QCOMPARE(f[6], QStringLiteral("N"));
        // numeric(12,2): rounded half away from zero, computed exactly in cents.
        const qint64 cents = qRound64(f[7].toDouble() * 100);
        const qint64 taxed = (cents * 1075 + 500) / 1000;
        QCOMPARE(qRound64(f[8].toDouble() * 100), taxed);
        ++checked;
    }
    QCOMPARE(checked, 50);
}

QTEST_GUILESS_MAIN(TestCliExpression)
#include "test_cli_expression.moc"
