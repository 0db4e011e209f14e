// Reports for people and programs: labels in Japanese and English, compact dates, numbers, text
// tables by display width, and the renderers (text, Markdown, CSV, JSON, HTML).
#pragma once

#include "miyagiplan/eval.hpp"
#include "miyagiplan/report/labels.hpp"
#include "miyagiplan/report/render.hpp"
#include "miyagiplan/report/text_table.hpp"
