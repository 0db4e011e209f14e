// The compiled home of schemes and evaluation.
#include "miyagiplan/eval/eval-inl.hpp"
