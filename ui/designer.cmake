# Sources of the designer area (owned by that area): the document and its undo commands, the
# schema tree, the inspectors, the main window that hosts every area, settings and icons.
target_sources(spillway_ui PRIVATE
    schemadocument.h schemadocument.cpp
    schematreemodel.h schematreemodel.cpp
    weightedlistmodel.h weightedlistmodel.cpp
    parameterfield.h
    parameterform.h parameterform.cpp
    parameterschema.cpp
    problemlabel.h problemlabel.cpp
    columninspector.h columninspector.cpp
    tableinspector.h tableinspector.cpp
    designerpage.h designerpage.cpp
    filecontroller.h filecontroller.cpp
    settings.h
    icons.h icons.cpp
    mainwindow.h mainwindow.cpp
    screenshottour.h screenshottour.cpp
)
qt_add_resources(spillway_ui "spillway_ui_icons"
    PREFIX "/spillway/icons"
    BASE icons
    FILES
        icons/spillway.svg icons/table.svg icons/column.svg icons/key.svg icons/warning.svg
        icons/add-table.svg icons/add-column.svg icons/delete.svg icons/duplicate.svg
        icons/run.svg
)
