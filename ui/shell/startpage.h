#pragma once

// The start page, shown when the application starts without a schema: the bundled examples
// (each opened, generated to files or loaded into the embedded server with one click), the
// recent files (a missing one greyed and removable with Delete), "New empty schema" and
// "Open…". It only asks: MainWindow carries the requests out.

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace spillway {

struct ExampleSummary;

class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(const QList<ExampleSummary> &examples, QWidget *parent = nullptr);

    // Reads Settings::recentFiles again (FileController::recentFilesChanged).
    void refreshRecent();

    QListWidget *recentList() const { return m_recent; }
    QStringList exampleNames() const { return m_exampleNames; }
    // The button of an example's action ("open", "generate", "load"); nullptr when unknown.
    QPushButton *exampleButton(const QString &example, const QString &action) const;

signals:
    void newRequested();
    void openRequested();
    void exampleOpenRequested(const QString &name);
    void exampleGenerateRequested(const QString &name);
    void exampleLoadRequested(const QString &name);
    void recentFileRequested(const QString &fileName);
    void recentFileRemoveRequested(const QString &fileName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createExamples(const QList<ExampleSummary> &examples);
    QWidget *createExampleCard(const ExampleSummary &example);
    QWidget *createRecent();
    void activateRecent(QListWidgetItem *item);
    void removeCurrentRecent();

    QStringList m_exampleNames;
    QListWidget *m_recent = nullptr;
    QLabel *m_recentHint = nullptr;
    QPushButton *m_removeRecent = nullptr;
};

} // namespace spillway
