#pragma once

// A live line chart over elapsed seconds: a bounded buffer of points per series, handed to Qt
// Charts once per tick with QXYSeries::replace() (as Qt Charts' audio example does), never one
// append per sample. Axes follow the newest points; the y axis grows to the visible peak.
// Series may sit on a second, right-hand axis (e.g. MB/s beside rows/s). Axes tick at round
// values (whole seconds or minutes, 5k/10k rows/s: base/axisticks) and the chart follows the
// application palette, light or dark (ui/shell/chartstyle).

#include <QChartView>
#include <QList>
#include <QPointF>

class QGraphicsRectItem;
class QLineSeries;
class QCategoryAxis;

namespace spillway {

class TimeSeriesChart : public QChartView
{
    Q_OBJECT

public:
    static constexpr int kCapacity = 600; // one minute at 10 snapshots a second

    explicit TimeSeriesChart(const QString &title, QWidget *parent = nullptr);

    // Returns the series' index. rightAxis: plotted against the right-hand axis.
    int addSeries(const QString &name, const QColor &color, Qt::PenStyle style = Qt::SolidLine,
                  bool rightAxis = false);
    void setAxisTitles(const QString &left, const QString &right = {});

    // Buffers a point; nothing is drawn until flush().
    void append(int series, double x, double y);
    // One replace() per series, then the axes.
    void flush();
    void clear();
    // Takes every series out (a pipeline's tables and commands differ from run to run).
    void removeAllSeries();

    int seriesCount() const { return int(m_buffers.size()); }
    int pointCount(int series) const { return int(m_buffers.at(series).size()); }
    // Points the chart itself holds (what was drawn at the last flush).
    int drawnCount(int series) const;

    // Pauses: each is a shaded band over the plot from x to where it ends, and every series'
    // line breaks across it (the points after a pause go to a new line piece with the same pen,
    // so no line is drawn through the pause). beginPause opens a band at x; extendPause grows
    // the open band while the pause lasts; endPause closes it at x.
    void beginPause(double x);
    void extendPause(double x);
    void endPause(double x);
    int pauseCount() const { return int(m_pauses.size()); }
    bool isPaused() const { return !m_pauses.isEmpty() && m_pauses.last().open; }
    // Line pieces of a series holding points: 1 without pauses, one more per pause in view.
    int segmentCount(int series) const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Buffer
    {
        QLineSeries *series = nullptr;
        QList<QPointF> points;
        bool right = false;
        qsizetype size() const { return points.size(); }
    };

    struct PauseBand
    {
        double from = 0;
        double to = 0;
        bool open = true;
        QGraphicsRectItem *item = nullptr;
    };

    void drawSegments(int series);
    QLineSeries *addSegment(QLineSeries *like);
    void layoutPauseBands();
    void clearPauses();

    // Colors and ticks from the palette and the current ranges.
    void applyPalette();
    void updateAxes();

    QCategoryAxis *m_x;
    QCategoryAxis *m_left;
    QCategoryAxis *m_right = nullptr;
    QList<Buffer> m_buffers;
    QList<PauseBand> m_pauses;
    QList<QList<QLineSeries *>> m_segments; // per series: the line pieces after each pause
    QList<QColor> m_colors; // each series' color on a light base, per m_buffers index
    double m_first = 0, m_last = 10, m_leftPeak = 0, m_rightPeak = 0; // what updateAxes shows
};

} // namespace spillway
