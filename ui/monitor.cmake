# Sources of the monitor area (owned by that area): the live preview, the run panel and its
# controller, and the run dashboard with its charts and models.
target_sources(spillway_ui PRIVATE
    previewmodel.h previewmodel.cpp
    distribution.h distribution.cpp
    distributionchart.h distributionchart.cpp
    previewpanel.h previewpanel.cpp
    runsettings.h runsettings.cpp
    runsession.h runsession.cpp
    runcontroller.h runcontroller.cpp
    runpanel.h runpanel.cpp
    timeserieschart.h timeserieschart.cpp
    tableprogressmodel.h tableprogressmodel.cpp
    runlogmodel.h runlogmodel.cpp
    workerstrip.h workerstrip.cpp
    dashboard.h dashboard.cpp
)
