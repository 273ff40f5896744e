# `cmake --install` and `cpack -G DEB`: newsearch_<version>_amd64.deb with the
# server and indexer on the PATH, a systemd unit, its settings in
# /etc/default/newsearch and the default corpus. Runtime dependencies are
# found by dpkg-shlibdeps from the binaries (libxapian30, libicu72, ...).
include(GNUInstallDirs)

install(PROGRAMS $<TARGET_FILE:server> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME newsearch-server)
install(PROGRAMS $<TARGET_FILE:indexer> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME newsearch-indexer)
install(PROGRAMS $<TARGET_FILE:explain> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME newsearch-explain)
# RelWithDebInfo binaries carry their debug information; the package does not.
foreach(program IN ITEMS newsearch-server newsearch-indexer newsearch-explain)
  install(CODE "execute_process(COMMAND ${CMAKE_STRIP} --strip-unneeded
                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${program}\")")
endforeach()
install(PROGRAMS scripts/backup.sh DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME newsearch-backup)
install(PROGRAMS scripts/restore.sh DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME newsearch-restore)
install(PROGRAMS packaging/newsearch-start DESTINATION lib/newsearch)
install(FILES packaging/newsearch.service DESTINATION lib/systemd/system)
install(FILES packaging/newsearch.default DESTINATION /etc/default RENAME newsearch)
install(DIRECTORY corpus/ DESTINATION ${CMAKE_INSTALL_DATADIR}/newsearch/corpus)
install(FILES README.md docs/reliability.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME newsearch)
set(CPACK_PACKAGE_VENDOR newsearch)
set(CPACK_PACKAGE_CONTACT "newsearch maintainers <newsearch@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search server for Russian news")
set(CPACK_PACKAGE_DESCRIPTION "An indexer building a Xapian index with Russian analysis (names in any case, \
quotations, ё/е, Latin spellings of names) and an HTTP server with a JSON API and a search page, run by systemd.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not libraries, so dpkg-shlibdeps cannot find them: the Russian dictionary read at run time,
# useradd for the service's user; xapian-compact for newsearch-backup.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hunspell-ru, passwd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xapian-tools, curl")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
