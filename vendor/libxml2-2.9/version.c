/* The version this build was compiled from, for the test that holds it to python3-lxml's. */
#include <libxml/xmlversion.h>

const char *consoleLibxmlVersion(void) { return LIBXML_DOTTED_VERSION; }
