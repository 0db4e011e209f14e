// The compiled home of schemes and evaluation.
#include "miyagiplan/eval/eval-inl.hpp"
#include "miyagiplan/eval/years-inl.hpp"
#include "miyagiplan/eval/record-inl.hpp"
