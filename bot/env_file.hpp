// The secrets file a config names (`env_file = "/etc/estatebot/env"`): KEY=value lines, as
// systemd's EnvironmentFile= reads them, so that the service and every command an administrator
// runs by hand (backup, restore, --check-config) see the same secrets. They are read for the
// config's secrets only, never put into the process's environment (other threads read it);
// variables the environment has win (systemd set them from the same file).
#pragma once
#include <functional>
#include <map>
#include <string>

namespace bot {

// The variables of `path`; throws config_error naming `key` and the line that is not KEY=value,
// or the file that cannot be read.
std::map<std::string, std::string, std::less<>> read_env_file(const std::string& path,
                                                              const std::string& key);

}  // namespace bot
