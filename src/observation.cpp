// The compiled home of observations and their files.
#include "miyagiplan/eval/observation-inl.hpp"
