#define _GNU_SOURCE
#include "CFileSystem.h"

#include <errno.h>

#if defined(__linux__)
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <sys/ioctl.h>

int tandem_set_top_directory(int descriptor, int on) {
    // The kernel reads and writes these flags as an int, whatever the
    // ioctl's declared type (as e2fsprogs' chattr does).
    int flags = 0;
    if (ioctl(descriptor, FS_IOC_GETFLAGS, &flags) != 0) return -1;
    flags = on ? (flags | FS_TOPDIR_FL) : (flags & ~FS_TOPDIR_FL);
    return ioctl(descriptor, FS_IOC_SETFLAGS, &flags) == 0 ? 0 : -1;
}

int tandem_exchange_paths(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
#else
int tandem_set_top_directory(int descriptor, int on) {
    (void)descriptor;
    (void)on;
    return -1;
}

int tandem_exchange_paths(const char *first, const char *second) {
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
}
#endif
