#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers then clash with Foundation's
// copy of the ICU types ("'UErrorCode' has different definitions"). We never use
// libxml2's ICU encoding support, so hide it before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

/// `xmlFree` is a C global function pointer, which Swift 6 refuses as shared mutable state.
static inline void cxml_free(void *p) { xmlFree(p); }
#endif
