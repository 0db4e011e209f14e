# Install the library, its headers (including the generated data header) and a Config file
# that finds what the public headers need.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS miyagiplan miyagiplan_header_only EXPORT miyagiplanTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" "${PROJECT_BINARY_DIR}/generated/include/"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(_config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/miyagiplan)
install(EXPORT miyagiplanTargets NAMESPACE miyagiplan:: DESTINATION ${_config_dir})
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/miyagiplanConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/miyagiplanConfig.cmake" INSTALL_DESTINATION ${_config_dir})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/miyagiplanConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/miyagiplanConfig.cmake"
  "${PROJECT_BINARY_DIR}/miyagiplanConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/Findutf8proc.cmake" DESTINATION ${_config_dir})

# The build tree is a package too.
export(EXPORT miyagiplanTargets NAMESPACE miyagiplan::
  FILE "${PROJECT_BINARY_DIR}/miyagiplanTargets.cmake")
