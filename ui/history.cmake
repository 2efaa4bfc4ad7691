# Sources of the history area (owned by that area): recorded runs, one run's charts, two runs
# compared, HTML report export.
target_sources(spillway_ui PRIVATE
    historyview.h historyview.cpp
    runlistmodel.h runlistmodel.cpp
    runcomparemodel.h runcomparemodel.cpp
    runpropertiesmodel.h runpropertiesmodel.cpp
    runcharts.h runcharts.cpp
    runview.h runview.cpp
    compareview.h compareview.cpp
)
