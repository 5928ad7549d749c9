#!/usr/bin/env bash
# Installs Ghost (the version below, from the npm registry) into the directory given, for
# `npm run bench:ghost`, the way ghost-cli does: its package unpacked and its production
# dependencies installed inside it. better-sqlite3 (the one native module the benchmark needs) is
# built from source against this Node.js's headers where no prebuilt binary can be fetched. Ghost
# 6 asks for Node.js 22; on Node.js 20 the one package that does not load, undici 8 (jsdom's, used
# to turn HTML into Lexical), is replaced by undici 7.
set -euo pipefail
GHOST_VERSION=6.65.0
target=${1:?usage: bench/ghost/install.sh <directory>}
mkdir -p "$target"
cd "$target"
if [ ! -f package/index.js ]; then
  npm pack "ghost@$GHOST_VERSION" --silent > /dev/null
  tar xzf "ghost-$GHOST_VERSION.tgz"
  rm "ghost-$GHOST_VERSION.tgz"
fi
cd package
npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error
if ! node -e "new (require('better-sqlite3'))(':memory:')" 2> /dev/null; then
  nodedir=()
  [ -f /usr/include/node/node.h ] && nodedir=(--nodedir=/usr)
  (cd node_modules/better-sqlite3 && node "$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --release "${nodedir[@]}" --loglevel=error)
fi
undici=node_modules/jsdom/node_modules/undici
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ] && [ -d "$undici" ] &&
  [ "$(node -p "require('./$undici/package.json').version.split('.')[0]")" -ge 8 ]; then
  rm -rf "$undici" && mkdir -p "$undici"
  npm pack undici@7 --silent --pack-destination .. > /dev/null
  tar xzf ../undici-7.*.tgz -C "$undici" --strip-components=1 && rm ../undici-7.*.tgz
fi
# Fails here rather than in the benchmark when Ghost's HTML-to-Lexical path cannot load.
node -e "require('./core/server/lib/lexical').htmlToLexicalConverter('<p>Ghost</p>')"
echo "Ghost $GHOST_VERSION installed in $target/package"
