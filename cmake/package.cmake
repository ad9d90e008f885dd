# `cmake --build build --target package`: estatebot_<version>_amd64.deb (CPack), what
# `apt install ./estatebot_*.deb` turns into a service (README: Running as a service).
# Its dependencies are the runtime packages of the libraries the binary links (dpkg-shlibdeps,
# from dpkg-dev), adduser for the maintainer scripts and procps for the unit's ExecReload (/bin/kill).
include(GNUInstallDirs)
set(ESTATEBOT_PACKAGING ${CMAKE_SOURCE_DIR}/packaging)

install(TARGETS estatebot RUNTIME DESTINATION bin)
install(FILES ${ESTATEBOT_PACKAGING}/config.toml DESTINATION /etc/estatebot
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${ESTATEBOT_PACKAGING}/estatebot.service ${ESTATEBOT_PACKAGING}/estatebot-backup.service
              ${ESTATEBOT_PACKAGING}/estatebot-backup.timer
        DESTINATION /lib/systemd/system)
install(PROGRAMS ${ESTATEBOT_PACKAGING}/daily-backup DESTINATION lib/estatebot)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/config.example.toml
              ${ESTATEBOT_PACKAGING}/copyright
        DESTINATION share/doc/estatebot)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME estatebot)
set(CPACK_PACKAGE_VENDOR "estatebot")
set(CPACK_PACKAGE_CONTACT "estatebot maintainers <maintainers@estatebot.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "property-management service desk in owners' group chats")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "estatebot turns QQ, WeCom and WeChat groups into a service desk between a property-management\n"
       "company and its homeowners: repair tickets, notices, emergency alerts, votes, an anonymous\n"
       "suggestion box, and a dashboard. SQLite by default, PostgreSQL for several instances.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, procps")  # procps: /bin/kill for ExecReload
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${ESTATEBOT_PACKAGING}/debian/conffiles ${ESTATEBOT_PACKAGING}/debian/postinst
    ${ESTATEBOT_PACKAGING}/debian/prerm ${ESTATEBOT_PACKAGING}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
