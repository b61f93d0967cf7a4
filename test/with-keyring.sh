#!/bin/sh
# with-keyring.sh CMD...: runs CMD on a private D-Bus session with an unlocked gnome-keyring
# (the Secret Service keytar talks to), in a throwaway HOME, so tests use a real keychain
# without touching yours. Needs Debian packages: dbus gnome-keyring libsecret-1-dev.
set -e
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring.sh: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring libsecret-1-dev)" >&2
  exit 2
fi
exec dbus-run-session -- sh -c '
  export MAAS_CONSOLE_REAL_HOME="$HOME"
  export HOME="$(mktemp -d)" XDG_RUNTIME_DIR="$(mktemp -d)" MAAS_CONSOLE_TEST_KEYRING=1
  printf "%s" "${KEYRING_PW:-ci-pw}" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"' sh "$@"
