#ifndef C_SETTINGS_SUPPORT_H
#define C_SETTINGS_SUPPORT_H

/// The filesystem type magic of the filesystem holding `path` (Linux `statfs().f_type`), or -1
/// when it cannot be determined. Swift's Glibc module does not export `statfs`, and the settings
/// module needs the type to decide whether inotify sees every change made to a directory.
long csettings_filesystem_type(const char *path);

/// The number of bytes waiting to be read on `descriptor` (`ioctl(FIONREAD)`, which Swift cannot
/// call because `ioctl` is variadic), or -1 on error. Lets the inotify monitor see whether events
/// are queued without consuming them.
int csettings_pending_bytes(int descriptor);

#endif
