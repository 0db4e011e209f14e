// The compiled home of the reports: labels, text tables and the renderers.
#include "miyagiplan/report/labels-inl.hpp"
#include "miyagiplan/report/render-inl.hpp"
#include "miyagiplan/report/text_table-inl.hpp"
