#!/usr/bin/env bash
# Installs what the test suites need from Debian's packages, when missing: Neovim (test/neovim) and
# debugpy for /usr/bin/python3 (python3-debugpy: the Debug-handler DAP test in test/unit/debug).
# Idempotent. env: SKIP_APT=1 never calls apt-get (install them yourself);
# JITAI_SKIP_NEOVIM=1 leaves Neovim out.
set -euo pipefail
missing=()
if [ "${JITAI_SKIP_NEOVIM:-}" != 1 ] && ! command -v nvim >/dev/null 2>&1; then missing+=(neovim); fi
if ! /usr/bin/python3 -c 'import debugpy' >/dev/null 2>&1; then missing+=(python3-debugpy); fi
if [ ${#missing[@]} = 0 ]; then
  command -v nvim >/dev/null 2>&1 && echo "[test-deps] $(nvim --version | head -1) already installed"
  echo "[test-deps] debugpy $(/usr/bin/python3 -c 'import debugpy; print(debugpy.__version__)') already installed"
  exit 0
fi
if [ "${SKIP_APT:-}" = 1 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[test-deps] missing ${missing[*]} and apt-get is not available: install them (e.g. sudo apt-get install -y neovim python3-debugpy)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "[test-deps] apt-get install ${missing[*]}"
# apt-get update only when a package is not known yet (a fresh machine has empty lists).
for p in "${missing[@]}"; do apt-cache show "$p" >/dev/null 2>&1 || { $SUDO apt-get update -qq; break; }; done
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v nvim >/dev/null 2>&1 && echo "[test-deps] $(nvim --version | head -1)"
/usr/bin/python3 -c 'import debugpy; print("[test-deps] debugpy", debugpy.__version__)'
