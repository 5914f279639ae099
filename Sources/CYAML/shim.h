#ifndef PIXELCLIENT_CYAML_SHIM_H
#define PIXELCLIENT_CYAML_SHIM_H
#include <yaml.h>
#endif
