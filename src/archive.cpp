// The compiled home of the archive format and of plan files.
#include "miyagiplan/io/archive-inl.hpp"
#include "miyagiplan/io/files-inl.hpp"
