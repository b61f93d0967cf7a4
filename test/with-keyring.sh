#!/bin/sh
# test/with-keyring.sh CMD [ARGS...]: runs CMD on a private D-Bus session bus with an unlocked
# gnome-keyring (the Secret Service keytar talks to) and a throwaway HOME, so keychain tests
# use a real keychain and never the developer's (shared/reference/toolchain.md §5).
# Example: test/with-keyring.sh npx vitest run test/integration/connections
set -e
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring.sh: $tool is missing; install the Debian packages dbus and gnome-keyring (.ci/apt-packages.txt)" >&2
    exit 127
  fi
done
exec dbus-run-session -- sh -c '
  export MAAS_CONSOLE_REAL_HOME="$HOME"
  HOME="$(mktemp -d)"; XDG_RUNTIME_DIR="$(mktemp -d)"; export HOME XDG_RUNTIME_DIR
  printf "%s" "${KEYRING_PW:-ci-pw}" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # Tests that need the keychain check this and refuse to run without it.
  export MAAS_CONSOLE_TEST_KEYRING=1
  rc=0; "$@" || rc=$?
  rm -rf "$HOME" "$XDG_RUNTIME_DIR"
  exit $rc' sh "$@"
