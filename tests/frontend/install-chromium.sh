#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for tests/browser.rs (package chromium:
# /usr/bin/chromium), with apt-get. Nothing downloads a browser of its own. Says plainly why
# and fails when it cannot be installed.
set -euo pipefail

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ -x "$chromium" ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Chromium ($chromium) is not installed, and this machine has no apt-get to install Debian's chromium package" >&2
  exit 1
fi
sudo=()
if [[ "$(id -u)" != 0 ]]; then
  if ! sudo -n true 2>/dev/null; then
    echo "Chromium ($chromium) is not installed, and installing Debian's chromium package needs root (or sudo without a password)" >&2
    exit 1
  fi
  sudo=(sudo -n)
fi
echo "installing Debian's chromium package (apt-get)"
if ! { "${sudo[@]}" apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null; }; then
  echo "apt-get could not install Debian's chromium package" >&2
  exit 1
fi
if [[ ! -x "$chromium" ]]; then
  echo "apt-get installed chromium, but $chromium is not there" >&2
  exit 1
fi
