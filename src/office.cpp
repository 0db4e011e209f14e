// The compiled home of the office-file layer: text encodings, .xlsx reading and writing.
#include "miyagiplan/office/encoding-inl.hpp"
