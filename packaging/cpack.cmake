# Debian package of Spillway: both executables (installed by their own folders), the desktop
# entry, the icon and the AppStream metadata, with dependencies found by dpkg-shlibdeps.
# Included at the end of the top-level CMakeLists.txt; `cpack -G DEB` in the build folder makes
# spillway_VERSION_ARCH.deb.
include(GNUInstallDirs)

# The date of the release named in the AppStream metadata; set when a version is released.
set(SPILLWAY_RELEASE_DATE "2026-11-25" CACHE STRING "Release date of this version (YYYY-MM-DD)")
configure_file(${CMAKE_CURRENT_LIST_DIR}/io.spillway.Spillway.metainfo.xml
               ${CMAKE_BINARY_DIR}/packaging/io.spillway.Spillway.metainfo.xml @ONLY)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.spillway.Spillway.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/icons/io.spillway.Spillway.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_BINARY_DIR}/packaging/io.spillway.Spillway.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME spillway)
set(CPACK_PACKAGE_VENDOR "The Spillway developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Spillway designs data schemas, generates realistic reproducible data from them (from a \
ten-row preview up to billions of rows) and delivers it as CSV, TSV or PostgreSQL COPY files, \
or ingests it straight into PostgreSQL on a worker pool, exactly once and resumable. It charts \
throughput, commit latency and server figures, verifies what landed, and keeps every run for \
comparison, HTML reports and CI gates. The package holds the desktop application (spillway) \
and its headless twin (spillway-cli).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(SPILLWAY_MAINTAINER "The Spillway developers <spillway@example.org>"
    CACHE STRING "Maintainer of the Debian package (Name <email>)")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SPILLWAY_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The embedded server needs PostgreSQL's initdb and postgres; a remote server needs neither.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-15 | postgresql")
# timestamptz columns read their zones' rules from the system time zone database.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/;/\\\\.git/")
include(CPack)
