// libyaml for the settings benchmarks' floor measurement (its own module name, so that it never
// clashes with the main package's CYAML).
#ifndef PIXELCLIENT_BENCHMARKS_CLIBYAML_SHIM_H
#define PIXELCLIENT_BENCHMARKS_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
