#!/usr/bin/env bash
# Installs the Debian 12 packages estatebot needs to build and test, and any extra packages named on
# the command line (scripts/fuzz asks for clang). Idempotent and quiet when everything is already
# there; runs `apt-get update` only when a package cannot be found.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libboost-dev libssl-dev libsqlite3-dev libsqlitecpp-dev libpq-dev
  nlohmann-json3-dev libfmt-dev libtomlplusplus-dev libpugixml-dev catch2 libfasttext-dev
  ca-certificates
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "estatebot: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "estatebot: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
apt_install() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; }
# Empty package lists (a fresh image) make the first install fail; refresh them once and retry.
if ! apt_install "${missing[@]}" >/tmp/estatebot-apt.log 2>&1; then
  "${sudo[@]}" apt-get update -q >>/tmp/estatebot-apt.log 2>&1
  apt_install "${missing[@]}" >>/tmp/estatebot-apt.log 2>&1 || { tail -20 /tmp/estatebot-apt.log >&2; exit 1; }
fi
