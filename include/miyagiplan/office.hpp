// The office-file layer: text encodings (UTF-8, CP932) and .xlsx workbooks, read and written.
#pragma once

#include "miyagiplan/office/encoding.hpp"

#ifdef MIYAGIPLAN_HEADER_ONLY
#include "miyagiplan/office/encoding-inl.hpp"
#endif
