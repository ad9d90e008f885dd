// The secrets file a config names (`env_file = "/etc/estatebot/env"`): KEY=value lines, as
// systemd's EnvironmentFile= reads them, so that the service and every command an administrator
// runs by hand (backup, restore, --check-config) see the same secrets. Variables already in the
// environment win (systemd has set them from the same file).
#pragma once
#include <string>

namespace bot {

// Sets each variable of `path` not already set; throws config_error naming `key` and the line
// that is not KEY=value, or the file that cannot be read.
void load_env_file(const std::string& path, const std::string& key);

}  // namespace bot
