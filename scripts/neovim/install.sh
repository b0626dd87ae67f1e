#!/usr/bin/env bash
# Installs Neovim for the Neovim suite (test/neovim) from Debian's packages when `nvim` is missing.
# Idempotent. env: SKIP_APT=1 never calls apt-get (install neovim yourself).
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  echo "[neovim:install] $(nvim --version | head -1) already installed"
  exit 0
fi
if [ "${SKIP_APT:-}" = 1 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[neovim:install] nvim not found and apt-get is not available: install Neovim 0.7+ (e.g. sudo apt-get install -y neovim)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "[neovim:install] apt-get install neovim"
# apt-get update only when the package is not known yet (a fresh machine has empty lists).
apt-cache show neovim >/dev/null 2>&1 || $SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim >/dev/null
echo "[neovim:install] $(nvim --version | head -1)"
