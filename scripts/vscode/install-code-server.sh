#!/usr/bin/env bash
# Installs a REAL VS Code for the editor tests: code-server 4.100.3 (= VS Code 1.100.3 server + web
# workbench) from the npm registry, finished by hand with Debian packages. Nothing is downloaded from
# GitHub or Microsoft: code-server's postinstall (which needs both, and refuses to run as root) is
# replaced by the steps below. Idempotent: a finished install is re-checked in about a second.
#
#   bash scripts/vscode/install-code-server.sh [DIR]      # DIR defaults to .vscode-test/code-server
#   npm run vscode:install
#
# env: CS_VERSION     code-server version (default 4.100.3: the newest one whose engines accept Node 20)
#      SKIP_APT=1     never call apt-get (install ripgrep, libkrb5-dev, g++, make, python3, chromium yourself)
#      SKIP_CHROMIUM=1  do not install Chromium (only the UI walk-through and the payload route need it)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEST=${1:-$ROOT/.vscode-test/code-server}
CS_VERSION=${CS_VERSION:-4.100.3}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
CS="$DEST/node_modules/code-server"
VS="$CS/lib/vscode"
STAMP="$DEST/.installed-$CS_VERSION.ok"
CFG="$DEST/code-server.yaml" # without --config, code-server writes ~/.config/code-server/config.yaml
NATIVE="node-pty @vscode/spdlog native-watchdog @vscode/deviceid @parcel/watcher"
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
T0=$(date +%s)
log() { printf '[vscode:install %s] %s\n' "$(date +%T)" "$*"; }

chromium_hint() {
  if [ -z "$CHROMIUM" ] && [ "${SKIP_CHROMIUM:-}" != 1 ]; then
    cat >&2 <<'EOF'
[vscode:install] Chromium was not found. The editor tests drive VS Code's workbench in a headless
[vscode:install] Chromium (playwright-core never downloads a browser). Install it with:
[vscode:install]     sudo apt-get install -y --no-install-recommends chromium
[vscode:install] or point CHROMIUM=/path/to/chromium at an existing Chromium/Chrome.
[vscode:install] 未找到 Chromium。编辑器测试需要无头 Chromium，请运行上面的 apt-get 命令安装，或设置 CHROMIUM 环境变量。
EOF
    return 1
  fi
}

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export JOBS=${JOBS:-max}
node_ver=$(node -p 'process.versions.node')
case "$node_ver" in 20.*) ;; *) echo "code-server $CS_VERSION needs Node 20, found $node_ver" >&2; exit 1 ;; esac
# node-gyp must build against the local Node headers; it would download them otherwise.
if [ -z "${npm_config_nodedir:-}" ]; then
  for d in /usr /usr/local "$(dirname "$(dirname "$(command -v node)")")"; do
    h="$d/include/node/node_version.h"
    if [ -f "$h" ] && [ "$(awk '/define NODE_(MAJOR|MINOR|PATCH)_VERSION/{printf "%s%s", s, $3; s="."}' "$h")" = "$node_ver" ]; then
      export npm_config_nodedir="$d"; break
    fi
  done
fi

[ -f "$CFG" ] || printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$CFG"

native_ok() { (cd "$VS" && node -e 'for (const m of process.argv.slice(1)) require("./node_modules/" + m)' $NATIVE) >/dev/null 2>&1; }

# 1. Debian packages, only the missing ones: ripgrep (replaces @vscode/ripgrep's GitHub download),
#    a toolchain for the native modules, libkrb5-dev (kerberos module), chromium (to drive the workbench)
#    and a small CJK font (screenshots of the zh-CN UI).
pkgs=()
command -v rg >/dev/null || pkgs+=(ripgrep)
command -v g++ >/dev/null || pkgs+=(g++)
command -v make >/dev/null || pkgs+=(make)
command -v python3 >/dev/null || pkgs+=(python3)
dpkg -s libkrb5-dev >/dev/null 2>&1 || pkgs+=(libkrb5-dev)
if [ "${SKIP_CHROMIUM:-}" != 1 ]; then
  [ -n "$CHROMIUM" ] || pkgs+=(chromium)
  # A CJK font, so the zh-CN UI renders Chinese text (not boxes) in screenshots; 1.6 MB.
  { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || pkgs+=(fonts-wqy-microhei)
fi
if [ ${#pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  if [ "${SKIP_APT:-}" = 1 ] || { [ -n "$SUDO" ] && ! command -v sudo >/dev/null; }; then
    log "missing Debian packages: ${pkgs[*]} — install them with:"
    log "    sudo apt-get install -y --no-install-recommends ${pkgs[*]}"
  else
    log "apt-get install ${pkgs[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
    CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
  fi
fi
command -v rg >/dev/null || { echo "ripgrep (rg) is required: sudo apt-get install ripgrep" >&2; exit 1; }

if [ -f "$STAMP" ] && [ -x "$DEST/node_modules/.bin/code-server" ] && native_ok \
   && [ -x "$VS/node_modules/@vscode/ripgrep/bin/rg" ] && (cd "$DEST" && node -e 'require("argon2")') 2>/dev/null; then
  log "already installed: code-server $("$DEST/node_modules/.bin/code-server" --config "$CFG" --version | head -1) in $DEST"
  chromium_hint || exit 2
  exit 0
fi

[ -n "${npm_config_nodedir:-}" ] || log "WARNING: no Node $node_ver headers found (apt-get install nodejs-dev?); node-gyp will try to download them"

# 2. code-server WITHOUT its postinstall (it refuses root, and its install scripts download from GitHub).
cd "$DEST"
[ -f package.json ] || echo '{ "name": "jitai-events-vscode-test", "private": true }' > package.json
if [ "$(node -p "try{require('$CS/package.json').version}catch{''}")" != "$CS_VERSION" ]; then
  log "npm install --ignore-scripts code-server@$CS_VERSION"
  npm install --ignore-scripts --save-exact --loglevel=error "code-server@$CS_VERSION"
fi
# argon2 is loaded at start even with --auth none; node-pre-gyp would try a GitHub prebuild first.
if ! node -e 'require("argon2")' 2>/dev/null; then
  log "building argon2 from source"
  npm_config_build_from_source=true npm rebuild argon2 >/dev/null
fi

# 3. VS Code's own dependencies (what postinstall.sh would do), from the registry only.
cd "$VS"
# Older code-server shrinkwraps pin packages to git URLs; the same versions are on the registry.
node -e '
  const fs = require("fs"), f = "npm-shrinkwrap.json";
  if (!fs.existsSync(f)) process.exit(0);
  const j = JSON.parse(fs.readFileSync(f, "utf8")); let n = 0;
  for (const v of Object.values(j.packages || {})) if (v.resolved && !/^https?:/.test(v.resolved)) { delete v.resolved; n++; }
  if (n) { fs.writeFileSync(f, JSON.stringify(j, null, 2) + "\n"); console.log("unpinned " + n + " git dependency(ies)"); }'
if [ ! -d node_modules/@vscode/proxy-agent ] || [ ! -d node_modules/@vscode/ripgrep ]; then
  log "npm install --omit=dev --ignore-scripts (lib/vscode)"
  npm install --omit=dev --ignore-scripts --loglevel=error
fi
if ! native_ok; then
  log "building native modules: $NATIVE"
  # yes=true: node-pty's install script runs `npx node-gyp`, which must not stop to ask.
  npm_config_yes=true npm rebuild --foreground-scripts $NATIVE > "$DEST/native-build.log" 2>&1 || true
fi
if ! node -e 'require("./node_modules/kerberos")' 2>/dev/null; then
  log "building kerberos (optional: Kerberos proxy authentication only)"
  npm rebuild kerberos >/dev/null 2>&1 || log "kerberos did not build (optional, ignored)"
fi
native_ok || { echo "VS Code's native modules do not load ($NATIVE); last lines of $DEST/native-build.log:" >&2; tail -30 "$DEST/native-build.log" >&2; exit 1; }
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
[ -L node_modules.asar ] || { rm -rf node_modules.asar; ln -s node_modules node_modules.asar; }
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

# 4. The built-in extensions' shared dependency (typescript for the TS/JS language features).
cd "$VS/extensions"
if [ ! -f node_modules/typescript/package.json ]; then
  log "npm install --omit=dev --ignore-scripts (built-in extensions)"
  npm install --omit=dev --ignore-scripts --loglevel=error
  node postinstall.mjs >/dev/null
fi

# 5. Smoke test: the server starts on a free port and answers /healthz.
tmp=$(mktemp -d)
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$tmp/config.yaml"
mkdir -p "$tmp/tmp"
TMPDIR="$tmp/tmp" EXTENSIONS_GALLERY='{}' setsid "$DEST/node_modules/.bin/code-server" --config "$tmp/config.yaml" \
  --user-data-dir "$tmp/ud" --extensions-dir "$tmp/ext" --disable-telemetry --disable-update-check > "$tmp/log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 150); do
  url=$(sed -n 's#.*HTTP server listening on \(http://[^ ]*\).*#\1#p' "$tmp/log" | head -1)
  [ -n "$url" ] && break; sleep 0.2
done
code=$( [ -n "$url" ] && node -e 'fetch(process.argv[1] + "healthz").then(r => console.log(r.status), () => console.log(0))' "$url" || echo 0)
kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if [ "$code" != 200 ]; then echo "smoke test failed (healthz=$code); server log:" >&2; tail -20 "$tmp/log" >&2; rm -rf "$tmp"; exit 1; fi
rm -rf "$tmp"

touch "$STAMP"
log "OK: code-server $("$DEST/node_modules/.bin/code-server" --config "$CFG" --version | head -1) in $DEST ($(du -sh "$DEST" | cut -f1), $(( $(date +%s) - T0 )) s)"
chromium_hint || exit 2
