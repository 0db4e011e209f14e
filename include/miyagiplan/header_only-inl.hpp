// Header-only mode (as fmt does): the definitions (*-inl.hpp) that the public headers included
// so far need. The outermost public header includes this file at its end, when every header it
// included has declared everything, so each *-inl.hpp finds its declarations complete whatever
// the order the headers came in. Each public header with MIYAGIPLAN_FUNC functions defines
// MIYAGIPLAN_NEEDS_<topic>_DEFINITIONS; the *-inl.hpp files have #pragma once, so including
// this file again only adds what is new.
// No #pragma once: included once per outermost header.

#undef MIYAGIPLAN_OUTERMOST_HEADER  // a header an *-inl.hpp includes is outermost in its turn

#ifdef MIYAGIPLAN_NEEDS_CALENDAR_DEFINITIONS
// The calendar's *-inl.hpp files depend on one another; a calendar header one of them includes
// only declares (it is not outermost), so that they come in this order and no other.
#define MIYAGIPLAN_OUTERMOST_HEADER
#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/calendar_eras-inl.hpp"
#include "miyagiplan/calendar/calendar_lunisolar-inl.hpp"
#include "miyagiplan/calendar/calendar_fast-inl.hpp"
#include "miyagiplan/calendar/calendar_read-inl.hpp"
#include "miyagiplan/calendar/calendar_parse-inl.hpp"
#include "miyagiplan/calendar/calendar_find-inl.hpp"
#include "miyagiplan/calendar/calendar_write-inl.hpp"
#undef MIYAGIPLAN_OUTERMOST_HEADER
#endif
#ifdef MIYAGIPLAN_NEEDS_MODEL_DEFINITIONS
#include "miyagiplan/model/model-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_JSON_DEFINITIONS
#include "miyagiplan/io/json-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_ARCHIVE_DEFINITIONS
#include "miyagiplan/io/archive-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_FILES_DEFINITIONS
#include "miyagiplan/io/files-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_OBSERVATION_DEFINITIONS
#include "miyagiplan/eval/observation-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_EVAL_DEFINITIONS
#include "miyagiplan/eval/eval-inl.hpp"
#include "miyagiplan/eval/years-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_RECORD_DEFINITIONS
#include "miyagiplan/eval/record-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_PLANS_DEFINITIONS
#include "miyagiplan/plans/plans-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_OFFICE_ENCODING_DEFINITIONS
#include "miyagiplan/office/encoding-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_XLSX_READER_DEFINITIONS
#include "miyagiplan/office/xlsx_reader-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_XLSX_WRITER_DEFINITIONS
#include "miyagiplan/office/xlsx_writer-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_WORKBOOK_DEFINITIONS
#include "miyagiplan/io/workbook_read-inl.hpp"
#include "miyagiplan/io/workbook_write-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_REPORT_LABELS_DEFINITIONS
#include "miyagiplan/report/labels-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_REPORT_RENDER_DEFINITIONS
#include "miyagiplan/report/render-inl.hpp"
#endif
#ifdef MIYAGIPLAN_NEEDS_TEXT_TABLE_DEFINITIONS
#include "miyagiplan/report/text_table-inl.hpp"
#endif
