// The office-file layer: text encodings (UTF-8, CP932) and .xlsx workbooks, read and written.
#pragma once

#include "miyagiplan/office/encoding.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"
#include "miyagiplan/office/xlsx_writer.hpp"

#ifdef MIYAGIPLAN_HEADER_ONLY
#include "miyagiplan/office/encoding-inl.hpp"
#include "miyagiplan/office/xlsx_reader-inl.hpp"
#include "miyagiplan/office/xlsx_writer-inl.hpp"
#endif
