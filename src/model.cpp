// The compiled home of the plan model.
#include "miyagiplan/model/model-inl.hpp"
