#include "CSettingsSupport.h"

#include <sys/ioctl.h>

int csettings_pending_bytes(int descriptor) {
    int count = 0;
    if (ioctl(descriptor, FIONREAD, &count) != 0) {
        return -1;
    }
    return count;
}

#if defined(__linux__)
#include <sys/vfs.h>

long csettings_filesystem_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) {
        return -1;
    }
    return (long)info.f_type;
}
#else
long csettings_filesystem_type(const char *path) {
    (void)path;
    return -1;
}
#endif
