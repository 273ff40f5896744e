# The malloc the indexer and the server link with (issue #18): Xapian's
# writer allocates a node or a string for every term and posting, and glibc's
# malloc took about a seventh of the indexer's CPU samples. tcmalloc (Debian's
# libgoogle-perftools-dev, scripts/install-deps.sh) took the least CPU of the
# three on the indexer (bench/RESULTS.md); jemalloc (libjemalloc-dev) can be
# chosen. Linked statically, so the binaries need no runtime package; with the
# library missing, or under the sanitizers (which bring their own malloc),
# plain malloc with a message.
#   -DNEWSEARCH_ALLOCATOR=jemalloc|tcmalloc|system
set(NEWSEARCH_ALLOCATOR "tcmalloc" CACHE STRING "malloc of the indexer and the server: jemalloc, tcmalloc or system")
set_property(CACHE NEWSEARCH_ALLOCATOR PROPERTY STRINGS jemalloc tcmalloc system)

add_library(newsearch_allocator INTERFACE)

if(NEWSEARCH_SANITIZE OR NEWSEARCH_FUZZ)
  message(STATUS "Allocator: plain malloc (the sanitizers bring their own)")
elseif(NEWSEARCH_ALLOCATOR STREQUAL "jemalloc")
  find_library(NEWSEARCH_JEMALLOC_LIBRARY NAMES libjemalloc_pic.a)
  if(NEWSEARCH_JEMALLOC_LIBRARY)
    message(STATUS "Allocator: jemalloc (${NEWSEARCH_JEMALLOC_LIBRARY})")
    target_link_libraries(newsearch_allocator INTERFACE ${NEWSEARCH_JEMALLOC_LIBRARY} Threads::Threads ${CMAKE_DL_LIBS})
    # Pulled from the archive even when only the shared libraries call malloc.
    target_link_options(newsearch_allocator INTERFACE "LINKER:--undefined=malloc")
  else()
    message(STATUS "Allocator: jemalloc not found (apt-get install libjemalloc-dev): plain malloc")
  endif()
elseif(NEWSEARCH_ALLOCATOR STREQUAL "tcmalloc")
  find_library(NEWSEARCH_TCMALLOC_LIBRARY NAMES libtcmalloc_minimal.a)
  if(NEWSEARCH_TCMALLOC_LIBRARY)
    message(STATUS "Allocator: tcmalloc_minimal (${NEWSEARCH_TCMALLOC_LIBRARY})")
    target_link_libraries(newsearch_allocator INTERFACE ${NEWSEARCH_TCMALLOC_LIBRARY} Threads::Threads)
    target_link_options(newsearch_allocator INTERFACE "LINKER:--undefined=malloc")
  else()
    message(STATUS "Allocator: tcmalloc not found (scripts/install-deps.sh installs libgoogle-perftools-dev): plain malloc")
  endif()
elseif(NOT NEWSEARCH_ALLOCATOR STREQUAL "system")
  message(FATAL_ERROR "NEWSEARCH_ALLOCATOR must be jemalloc, tcmalloc or system, not '${NEWSEARCH_ALLOCATOR}'")
else()
  message(STATUS "Allocator: plain malloc")
endif()
