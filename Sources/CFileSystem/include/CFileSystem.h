#ifndef TANDEM_C_FILE_SYSTEM_H
#define TANDEM_C_FILE_SYSTEM_H

/// Sets or clears a directory's "top of a hierarchy" flag (`chattr +T`), a
/// hint to ext4's Orlov allocator to spread the directory's subdirectories
/// over the disk instead of packing them beside it.
///
/// Returns 0, or -1 where the file system or platform has no such flag (the
/// caller goes on without it).
int tandem_set_top_directory(int descriptor, int on);

/// Swaps two paths in one step (`renameat2` with `RENAME_EXCHANGE`): both
/// must exist. Returns 0, or -1 with `errno` set, also where the platform or
/// file system cannot exchange (the caller falls back to two renames).
int tandem_exchange_paths(const char *first, const char *second);

#endif
