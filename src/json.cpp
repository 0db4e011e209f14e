// The compiled home of the JSON format.
#include "miyagiplan/io/json-inl.hpp"
