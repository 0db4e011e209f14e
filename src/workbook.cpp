// The compiled home of the plan as a workbook: reading it and writing it (each part brings the
// layout they share, workbook_layout-inl.hpp).
#include "miyagiplan/io/workbook_read-inl.hpp"
#include "miyagiplan/io/workbook_write-inl.hpp"
