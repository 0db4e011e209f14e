// Two link modes, one set of headers (as fmt does): the compiled library defines the
// functions of the *-inl.hpp files once in src/; the header-only target defines
// MIYAGIPLAN_HEADER_ONLY and gets them inline.
#pragma once

#ifdef MIYAGIPLAN_HEADER_ONLY
#define MIYAGIPLAN_FUNC inline
#else
#define MIYAGIPLAN_FUNC
#endif
