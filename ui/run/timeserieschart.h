#pragma once

// A live line chart over elapsed seconds: a bounded buffer of points per series, handed to Qt
// Charts once per tick with QXYSeries::replace() (as Qt Charts' audio example does), never one
// append per sample. Axes follow the newest points; the y axis grows to the visible peak.
// Series may sit on a second, right-hand axis (e.g. MB/s beside rows/s).

#include <QChartView>
#include <QList>
#include <QPointF>

class QLineSeries;
class QValueAxis;

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
    // Scale applied to values on display (1e-6 shows bytes as MB), and its label format.
    void setAxisFormat(const QString &leftFormat, const QString &rightFormat = {});

    // Buffers a point; nothing is drawn until flush().
    void append(int series, double x, double y);
    // One replace() per series, then the axes.
    void flush();
    void clear();

    int seriesCount() const { return int(m_buffers.size()); }
    int pointCount(int series) const { return int(m_buffers.at(series).size()); }
    // Points the chart itself holds (what was drawn at the last flush).
    int drawnCount(int series) const;

private:
    struct Buffer
    {
        QLineSeries *series = nullptr;
        QList<QPointF> points;
        bool right = false;
        qsizetype size() const { return points.size(); }
    };

    QValueAxis *m_x;
    QValueAxis *m_left;
    QValueAxis *m_right = nullptr;
    QList<Buffer> m_buffers;
};

} // namespace spillway
