# stacksim_embed_text(TARGET FILE HEADER FUNCTION): compiles the text of FILE (a path in the
# source tree) into TARGET as the definition of FUNCTION (qualified, declared in HEADER as
# `std::string_view FUNCTION()`), so that the executable prints exactly the file that is shipped
# and installed. CMake configures again when FILE changes.
function(stacksim_embed_text target file header function)
  set(source ${PROJECT_SOURCE_DIR}/${file})
  file(READ ${source} STACKSIM_EMBED_TEXT)
  set(STACKSIM_EMBED_HEADER ${header})
  set(STACKSIM_EMBED_FUNCTION ${function})
  string(MAKE_C_IDENTIFIER ${file} name)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cc)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_text.cc.in ${output} @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
  target_sources(${target} PRIVATE ${output})
endfunction()
