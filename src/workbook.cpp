// The compiled home of the plan as a workbook.
#include "miyagiplan/io/workbook-inl.hpp"
