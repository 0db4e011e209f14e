// The office-file layer: text encodings (UTF-8, CP932) and .xlsx workbooks, read and written.
#pragma once

#include "miyagiplan/office/encoding.hpp"
#include "miyagiplan/office/xlsx_reader.hpp"
#include "miyagiplan/office/xlsx_writer.hpp"
