#!/usr/bin/env bash
# Builds libxml2.mjs: Debian's libxml2 2.9.14 (the 2.9 line MAAS's lxml runs, and the one
# python3-lxml uses here) compiled to WebAssembly, one file with the module inside.
#
# Needs Debian bookworm with deb-src entries and the emscripten package:
#   apt-get install emscripten && apt-get source libxml2   (done here in a scratch dir)
# The result is committed; CI does not rebuild it. Run this after changing exports.txt or
# the flags below, then `npm test` (test/integration/xpath/libxml-version.test.ts holds the
# module to python3-lxml's libxml2 version).
set -euo pipefail
# Debian's emscripten finds its acorn where Debian keeps Node modules.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
here=$(cd "$(dirname "$0")" && pwd)
# Another 2.9 release may be built for comparison (e.g. bullseye's 2.9.10+dfsg-6.7+deb11u4,
# the line Ubuntu 20.04's MAAS runs): ./build.sh VERSION OUT.mjs (its deb-src entry needed).
version=${1:-2.9.14+dfsg-1.3~deb12u6}
out=${2:-$here/libxml2.mjs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -qq "libxml2=$version" >/dev/null
cd libxml2-*/
# Debian's patches touch Makefile.am; the generated files still fit, so keep make from
# asking for automake.
touch aclocal.m4 && sleep 1 && touch configure config.h.in && find . -name Makefile.in -exec touch {} +

# Only what the tag matcher uses: the parser, the tree, XPath and the streaming patterns
# lxml's XPath tries first. No network, catalogs, compression, modules or threads: a
# definition or a detail cannot make this code reach outside its memory.
emconfigure ./configure --host=wasm32-unknown-linux-gnu \
  --disable-shared --enable-static \
  --without-python --without-threads --without-http --without-ftp --without-catalog \
  --without-modules --without-zlib --without-lzma --without-iconv --without-icu \
  --without-readline --without-history --without-debug --without-html --without-legacy \
  --without-schematron --without-schemas --without-xinclude --without-c14n \
  CFLAGS='-O2 -w' >/dev/null
emmake make -j"$(nproc)" libxml2.la >/dev/null

emcc -O2 -Iinclude "$here/version.c" .libs/libxml2.a -o libxml2.mjs \
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=loadLibxml2 -sENVIRONMENT=node \
  -sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2147483648 -sALLOW_TABLE_GROWTH=1 \
  -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 \
  --extern-pre-js "$here/node-globals.js" \
  -sEXPORTED_FUNCTIONS="$(paste -sd, "$here/exports.txt")" \
  -sEXPORTED_RUNTIME_METHODS=addFunction,getValue,UTF8ToString,lengthBytesUTF8,stringToUTF8
cp libxml2.mjs "$out"
[ "$out" = "$here/libxml2.mjs" ] && cp Copyright "$here/COPYING"
echo "wrote $out ($(wc -c < "$out") bytes)"
