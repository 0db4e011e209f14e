// The compiled home of the bundled plans.
#include "miyagiplan/plans/plans-inl.hpp"
