// The compiled home of the office-file layer: text encodings, .xlsx reading and writing.
#include "miyagiplan/office/encoding-inl.hpp"
#include "miyagiplan/office/xlsx_reader-inl.hpp"
#include "miyagiplan/office/xlsx_writer-inl.hpp"
