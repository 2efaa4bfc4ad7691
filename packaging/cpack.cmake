# Debian packages of Spillway, one per CPack component:
#   spillway-cli  the headless twin, its man page, bash completion and the schema's JSON Schema;
#                 depends on Qt Core only (no Widgets, Charts or GL), for servers and CI runners;
#   spillway      the desktop application, its man page, desktop entry, icon, AppStream metadata
#                 and the schema file type; depends on spillway-cli and qt6-qpa-plugins.
# Dependencies on shared libraries are found by dpkg-shlibdeps. Included at the end of the
# top-level CMakeLists.txt; `cpack -G DEB` in the build folder makes both .deb files.
include(GNUInstallDirs)

# The date of the release named in the AppStream metadata; set when a version is released.
set(SPILLWAY_RELEASE_DATE "2026-11-25" CACHE STRING "Release date of this version (YYYY-MM-DD)")
configure_file(${CMAKE_CURRENT_LIST_DIR}/io.spillway.Spillway.metainfo.xml
               ${CMAKE_BINARY_DIR}/packaging/io.spillway.Spillway.metainfo.xml @ONLY)

# Debian's per-package documents: copyright and a changelog (lintian requires both).
set(SPILLWAY_DOC_DIR ${CMAKE_BINARY_DIR}/packaging/doc)
file(MAKE_DIRECTORY ${SPILLWAY_DOC_DIR})
configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog.in ${SPILLWAY_DOC_DIR}/changelog @ONLY)
add_custom_command(OUTPUT ${SPILLWAY_DOC_DIR}/changelog.gz
    COMMAND gzip -9nc ${SPILLWAY_DOC_DIR}/changelog > ${SPILLWAY_DOC_DIR}/changelog.gz
    DEPENDS ${SPILLWAY_DOC_DIR}/changelog VERBATIM)

# Man pages written from the programs' own --help at build time (help2man; without it, the
# packages have no man pages and the build says so).
set(SPILLWAY_MANPAGES ${SPILLWAY_DOC_DIR}/changelog.gz)
find_program(SPILLWAY_HELP2MAN help2man)
function(spillway_manpage target name description component)
    if(NOT SPILLWAY_HELP2MAN)
        message(WARNING "help2man not found: the ${name} package gets no man page")
        return()
    endif()
    set(page ${CMAKE_BINARY_DIR}/packaging/${name}.1.gz)
    add_custom_command(OUTPUT ${page}
        COMMAND bash ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/make-manpage.sh $<TARGET_FILE:${target}>
                ${name} ${description} ${page}
        DEPENDS ${target} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/make-manpage.sh VERBATIM)
    install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
    set(SPILLWAY_MANPAGES ${SPILLWAY_MANPAGES} ${page} PARENT_SCOPE)
endfunction()
spillway_manpage(spillway-cli spillway-cli "load-test data ingestion into PostgreSQL (command line)" cli)
if(TARGET spillway)
    spillway_manpage(spillway spillway "load-test data ingestion into PostgreSQL (desktop)" gui)
endif()
add_custom_target(spillway_manpages ALL DEPENDS ${SPILLWAY_MANPAGES})

foreach(component cli gui)
    if(component STREQUAL cli)
        set(package spillway-cli)
    else()
        set(package spillway)
    endif()
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${SPILLWAY_DOC_DIR}/changelog.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

install(FILES ${CMAKE_CURRENT_LIST_DIR}/spillway-cli.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME spillway-cli COMPONENT cli)
install(FILES ${PROJECT_SOURCE_DIR}/resources/schema/spillway-schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/spillway COMPONENT cli)

if(TARGET spillway)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.spillway.Spillway.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT gui)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/icons/io.spillway.Spillway.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT gui)
    install(FILES ${CMAKE_BINARY_DIR}/packaging/io.spillway.Spillway.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT gui)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.spillway.Spillway.mime.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME io.spillway.Spillway.xml
            COMPONENT gui)
    set(CPACK_COMPONENTS_ALL cli gui)
else()
    set(CPACK_COMPONENTS_ALL cli)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PACKAGE_NAME spillway)
set(CPACK_PACKAGE_VENDOR "The Spillway developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(SPILLWAY_MAINTAINER "The Spillway developers <spillway@example.org>"
    CACHE STRING "Maintainer of the Debian package (Name <email>)")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SPILLWAY_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME spillway-cli)
set(CPACK_DEBIAN_CLI_FILE_NAME DEB-DEFAULT)
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "Generate realistic data and load-test ingestion into PostgreSQL (command line)\n\
spillway-cli generates realistic, reproducible data from a schema document (from a ten-row\n\
preview up to billions of rows), writes it as CSV, TSV, PostgreSQL COPY or JSON Lines files, or\n\
ingests it into PostgreSQL on a worker pool, exactly once and resumable. It loads existing\n\
files, verifies what landed and keeps every run for comparison, HTML reports and CI gates.")
# The embedded server needs PostgreSQL's initdb and postgres; a remote server needs neither.
set(CPACK_DEBIAN_CLI_PACKAGE_RECOMMENDS "postgresql-15 | postgresql")
# timestamptz columns read their zones' rules from the system time zone database.
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "postgresql-client")

set(CPACK_DEBIAN_GUI_PACKAGE_NAME spillway)
set(CPACK_DEBIAN_GUI_FILE_NAME DEB-DEFAULT)
set(CPACK_COMPONENT_GUI_DESCRIPTION
    "Workbench for load-testing data ingestion into PostgreSQL (desktop)\n\
The Spillway desktop application: design a data schema with a live preview and the\n\
distribution of each column, generate it into files or PostgreSQL while charts show\n\
throughput, commit latency and the server's own figures, then compare recorded runs.")
# libqt6keychain1 keeps connection passwords in the system keyring; a Secret Service provider
# (GNOME Keyring, KWallet, KeePassXC) makes it useful, without one the password is asked for.
set(CPACK_DEBIAN_GUI_PACKAGE_DEPENDS
    "spillway-cli (= ${PROJECT_VERSION}), qt6-qpa-plugins, libqt6keychain1")
set(CPACK_DEBIAN_GUI_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager | keepassxc")
# Qt's own translations of the standard dialogs, loaded beside Spillway's embedded ones.
set(CPACK_DEBIAN_GUI_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/;/\\\\.git/")
include(CPack)
