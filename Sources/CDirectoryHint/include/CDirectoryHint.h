#ifndef TANDEM_C_DIRECTORY_HINT_H
#define TANDEM_C_DIRECTORY_HINT_H

/// Sets or clears a directory's "top of a hierarchy" flag (`chattr +T`), a
/// hint to ext4's Orlov allocator to spread the directory's subdirectories
/// over the disk instead of packing them beside it.
///
/// Returns 0, or -1 where the file system or platform has no such flag (the
/// caller goes on without it).
int tandem_set_top_directory(int descriptor, int on);

#endif
