#include "storage/file_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/database.hpp"
#include "storage/sqlite_files.hpp"

namespace storage {

file_lock::file_lock(const std::string& database_file, const std::string& holder) {
  const std::filesystem::path file = database_file + ".lock";
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  // Another user's lock file (root ran a restore by hand) still locks: flock needs no write access.
  if (fd_ < 0 && errno == EACCES) fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw database_error(fmt::format("cannot open {}: {}", file.string(), std::strerror(errno)));
  give_to_folder_owner(file.string());
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char who[256] = {};
    const auto n = ::pread(fd_, who, sizeof(who) - 1, 0);
    ::close(fd_);
    fd_ = -1;
    std::string text = n > 0 ? std::string(who, static_cast<std::size_t>(n)) : "another process";
    while (!text.empty() && text.back() == '\n') text.pop_back();
    throw database_error(fmt::format("{} is in use by {}", database_file, text));
  }
  const std::string me = fmt::format("{} (pid {})\n", holder, ::getpid());
  // The note only names us to whoever finds the lock taken; the lock holds without it.
  [[maybe_unused]] const bool noted =
      ::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, me.data(), me.size(), 0) == static_cast<ssize_t>(me.size());
}

file_lock::~file_lock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace storage
