// estatebot: the property-management service desk in owners' group chats.
//   estatebot [--config FILE]                 run (default: config.toml if present, else built-in defaults)
//   estatebot --check-config FILE             validate a config and exit
//   estatebot import-roster FILE [--config FILE] [--community NAME]
//   estatebot backup FILE [--config FILE]     copy the live database (online backup API)
//   estatebot restore FILE [--config FILE]    put a backup in the database's place (service stopped)
//   estatebot migrate [--backup-to FILE] [--config FILE]
//                                             bring the database to this build's schema and exit
//   estatebot copy-db --from FILE [--config FILE]   copy an SQLite database into PostgreSQL
#include <fmt/format.h>
#include <unistd.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <utility>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/log.hpp"
#include "bot/service_manager.hpp"
#include "commands/all_commands.hpp"
#include "domain/units/roster_import.hpp"
#include "storage/copy_db.hpp"
#include "storage/file_lock.hpp"
#include "storage/sqlite_files.hpp"
#include "storage/stores.hpp"

namespace {

constexpr const char* usage =
    "usage: estatebot [--config FILE]\n"
    "       estatebot --check-config FILE\n"
    "       estatebot import-roster FILE [--config FILE] [--community NAME]\n"
    "       estatebot backup FILE [--config FILE]\n"
    "       estatebot restore FILE [--config FILE]\n"
    "       estatebot migrate [--backup-to FILE] [--config FILE]\n"
    "       estatebot copy-db --from FILE [--config FILE]\n"
    "       estatebot --version\n";

struct options {
  std::string command = "run";
  std::string config_path;
  std::string roster_path;
  std::string backup_path;
  std::string copy_from;
  std::string community;
};

options parse_args(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--config" || a == "-c") {
      o.config_path = value();
    } else if (a == "--check-config") {
      o.command = "check";
      o.config_path = value();
    } else if (a == "--community") {
      o.community = value();
    } else if (a == "--version") {
      o.command = "version";
    } else if (a == "--help" || a == "-h") {
      o.command = "help";
    } else if (a == "import-roster") {
      o.command = "import";
      o.roster_path = value();
    } else if (a == "migrate") {
      o.command = "migrate";
    } else if (a == "--backup-to") {
      o.backup_path = value();
    } else if (a == "copy-db") {
      o.command = "copy-db";
    } else if (a == "--from") {
      o.copy_from = value();
    } else if (a == "backup") {
      o.command = "backup";
      o.backup_path = value();
    } else if (a == "restore") {
      o.command = "restore";
      o.backup_path = value();
    } else {
      throw std::invalid_argument("unknown argument " + a);
    }
  }
  return o;
}

// The config file this run reads: --config, else ./config.toml if present, else none (defaults).
std::string config_file(const options& o) {
  if (!o.config_path.empty()) return o.config_path;
  return std::filesystem::exists("config.toml") ? "config.toml" : "";
}

bot::config load(const options& o) {
  const std::string file = config_file(o);
  return file.empty() ? bot::config::defaults() : bot::config::load_file(file, commands::config_checks());
}

// SIGHUP: nothing in the config is changed live (adapters, routes and limits are built at start);
// the file is checked again so that an administrator learns before a restart whether it will start.
void check_again(const options& o) {
  const std::string file = config_file(o);
  try {
    if (!file.empty()) bot::config::load_file(file, commands::config_checks());
    bot::log::info("main",
                   "SIGHUP: {} is valid; restart the service to apply changes (systemctl restart estatebot)",
                   file.empty() ? "the built-in config" : file);
  } catch (const std::exception& e) {
    bot::log::error("main", "SIGHUP: {} would not start: {}; still running on the config read at start", file,
                    e.what());
  }
}

// systemd's watchdog, fed from the event loop: a loop that stops turning stops feeding it.
void feed_watchdog(boost::asio::steady_timer& timer, const bot::service_manager& systemd) {
  timer.expires_after(systemd.watchdog_interval() / 2);
  timer.async_wait([&timer, &systemd](boost::system::error_code ec) {
    if (ec) return;
    systemd.watchdog();
    feed_watchdog(timer, systemd);
  });
}

void wait_for_hangup(boost::asio::signal_set& hangup, const options& o) {
  hangup.async_wait([&hangup, &o](boost::system::error_code ec, int) {
    if (ec) return;
    check_again(o);
    wait_for_hangup(hangup, o);
  });
}

int run(const options& o, const bot::config& cfg) {
  const bot::service_manager systemd;
  std::unique_ptr<storage::file_lock> lock;
  if (!cfg.storage.postgres() && cfg.storage.path != ":memory:")
    lock = std::make_unique<storage::file_lock>(cfg.storage.path, "the estatebot service");
  boost::asio::io_context io;
  bot::system_clock clk;
  bot::app service(cfg, io, clk);
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  boost::asio::signal_set hangup(io, SIGHUP);
  boost::asio::steady_timer watchdog(io);
  signals.async_wait([&](boost::system::error_code ec, int sig) {
    if (!ec) {
      bot::log::info("main", "signal {} received", sig);
      systemd.stopping();
      hangup.cancel();
      watchdog.cancel();
      service.stop();
    }
  });
  wait_for_hangup(hangup, o);
  service.start();
  systemd.ready();
  if (systemd.watchdog_interval().count() > 0) feed_watchdog(watchdog, systemd);
  io.run();
  bot::log::info("main", "stopped");
  return 0;
}

int import(const options& o, const bot::config& cfg) {
  std::ifstream in(o.roster_path, std::ios::binary);
  if (!in) {
    std::cerr << "estatebot: cannot read " << o.roster_path << "\n";
    return 2;
  }
  bot::system_clock clk;
  storage::database database(cfg.storage.target(), cfg.storage.busy_timeout_ms, cfg.storage.durability);
  storage::stores db(database);
  std::string name = o.community.empty() ? cfg.community.name : o.community;
  auto community = db.communities.ensure(name, clk.now_ms());
  auto report = domain::units::import_roster(db, community, in);
  for (const auto& e : report.errors) std::cerr << e << "\n";
  std::cout << "imported " << report.imported << " units into " << name << " (" << database.describe() << ")"
            << (report.errors.empty() ? "" : ", some lines skipped") << "\n";
  return report.errors.empty() ? 0 : 1;
}

// A consistent copy of the database, safe while estatebot runs (copying a WAL database's file by
// hand may miss what is still in the -wal file). The target must not exist yet.
int backup(const options& o, const bot::config& cfg) {
  if (cfg.storage.postgres()) {
    std::cerr << "estatebot: a PostgreSQL database is backed up with pg_dump\n";
    return 4;  // not this tool's to do: the daily backup timer then does nothing
  }
  if (std::filesystem::exists(o.backup_path)) {
    std::cerr << "estatebot: " << o.backup_path << " exists already; choose a new file\n";
    return 2;
  }
  storage::copy_sqlite(cfg.storage.path, o.backup_path, cfg.storage.busy_timeout_ms);
  std::cout << "backed up " << cfg.storage.path << " to " << o.backup_path << "\n";
  return 0;
}

// The service must be stopped: the restore holds the service's lock on the file while it runs.
int restore(const options& o, const bot::config& cfg) {
  if (cfg.storage.postgres()) {
    std::cerr
        << "estatebot: a PostgreSQL database is restored with pg_restore (it was backed up with pg_dump)\n";
    return 2;
  }
  std::unique_ptr<storage::file_lock> lock;
  try {
    lock = std::make_unique<storage::file_lock>(cfg.storage.path, "estatebot restore");
  } catch (const storage::database_error& e) {
    std::cerr << "estatebot: " << e.what() << "; stop the service first (systemctl stop estatebot)\n";
    return 3;
  }
  auto r = storage::restore_sqlite(o.backup_path, cfg.storage.path);
  if (!r.kept.empty()) std::cout << "kept the database it replaced as " << r.kept << "\n";
  std::cout << "restored " << o.backup_path << " (schema version " << r.source_version << ") to "
            << cfg.storage.path << ", now at schema version " << r.version << "\n";
  return 0;
}

// Opening the database migrates it; several instances may run this at once (the migration takes
// the writers' lock). --backup-to copies an existing SQLite file first (package upgrades); a
// database newer than this build is refused before anything is copied or changed.
int migrate(const options& o, const bot::config& cfg) {
  if (!o.backup_path.empty()) {
    if (cfg.storage.postgres()) {
      std::cout << "not backed up: a PostgreSQL database is backed up with pg_dump\n";
    } else if (std::filesystem::exists(cfg.storage.path)) {
      const int version = storage::sqlite_schema_version(cfg.storage.path);
      if (version > storage::database::latest_version())
        throw storage::database_error(fmt::format(
            "{} has schema version {}, newer than this estatebot understands ({}): it was written by a newer "
            "estatebot. Install that version again, or restore a backup made before it (estatebot restore "
            "FILE)",
            cfg.storage.path, version, storage::database::latest_version()));
      storage::copy_sqlite(cfg.storage.path, o.backup_path, cfg.storage.busy_timeout_ms);
      std::cout << "backed up " << cfg.storage.path << " (schema version " << version << ") to "
                << o.backup_path << "\n";
    }
  }
  storage::database database(cfg.storage.target(), cfg.storage.busy_timeout_ms, cfg.storage.durability);
  std::cout << database.describe() << " is at schema version " << database.schema_version() << "\n";
  return 0;
}

int copy_db(const options& o, const bot::config& cfg) {
  if (o.copy_from.empty())
    throw std::invalid_argument("copy-db needs --from FILE (an estatebot SQLite database)");
  if (!std::filesystem::exists(o.copy_from)) {
    std::cerr << "estatebot: " << o.copy_from << " does not exist\n";
    return 2;
  }
  storage::database from(o.copy_from, cfg.storage.busy_timeout_ms);
  storage::database to(cfg.storage.target(), cfg.storage.busy_timeout_ms, cfg.storage.durability);
  std::cerr << "copying " << o.copy_from << " into " << to.describe() << "\n";
  const bool terminal = ::isatty(2) != 0;
  auto counts =
      storage::copy_database(from, to, [&](const std::string& table, std::int64_t done, std::int64_t all) {
        constexpr int width = 30;
        const int filled = all > 0 ? static_cast<int>(done * width / all) : width;
        const std::string bar = std::string(static_cast<std::size_t>(filled), '#') +
                                std::string(static_cast<std::size_t>(width - filled), '.');
        if (terminal)
          std::cerr << fmt::format("\r  {:<24} [{}] {}/{}\033[K", table, bar, done, all) << std::flush;
        if (done == all) std::cerr << (terminal ? "\n" : fmt::format("  {:<24} {}/{}\n", table, done, all));
      });
  bool same = true;
  std::cout << fmt::format("{:<26} {:>10} {:>10} {:>10}\n", "table", "source", "target", "copied now");
  for (const auto& c : counts) {
    std::cout << fmt::format("{:<26} {:>10} {:>10} {:>10}{}\n", c.table, c.source, c.target, c.copied,
                             c.source == c.target ? "" : "  ≠");
    same = same && c.source == c.target;
  }
  std::cout << (same ? "every table has as many rows as the source\n"
                     : "some tables differ from the source (≠): rows the target had before, or kept apart\n");
  return same ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    options o = parse_args(argc, argv);
    if (bot::stderr_is_journal()) bot::log::use_journal_format();
    if (o.command == "help") {
      std::cout << usage;
      return 0;
    }
    if (o.command == "version") {
      std::cout << "estatebot " << ESTATEBOT_VERSION << "\n";
      return 0;
    }
    bot::config cfg = load(o);
    if (o.command == "check") {
      std::cout << "config OK: " << o.config_path << "\n";
      return 0;
    }
    if (o.command == "import") return import(o, cfg);
    if (o.command == "backup") return backup(o, cfg);
    if (o.command == "restore") return restore(o, cfg);
    if (o.command == "migrate") return migrate(o, cfg);
    if (o.command == "copy-db") return copy_db(o, cfg);
    return run(o, cfg);
  } catch (const bot::config_error& e) {
    std::cerr << "estatebot: config error: " << e.what() << "\n";
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "estatebot: " << e.what() << "\n" << usage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "estatebot: " << e.what() << "\n";
    return 1;
  }
}
