#pragma once

// Owns a POSIX file descriptor for the cache's direct file I/O and closes it on every path out;
// a close() error after a successful fdatasync() loses nothing, so it is not reported.

#include <unistd.h>

namespace opendo::cache {

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd;
};

} // namespace opendo::cache
