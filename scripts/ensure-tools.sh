#!/usr/bin/env bash
# Installs the system tools the test-suite drives for real, when missing and when we may (root).
set -euo pipefail
need=()
command -v zip >/dev/null || need+=(zip)
command -v unzip >/dev/null || need+=(unzip)
command -v 7z >/dev/null || need+=(p7zip-full)
command -v age >/dev/null || need+=(age)
command -v gpg >/dev/null || need+=(gnupg)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "note: not root, so these are not installed and the tests that need them will skip: ${need[*]}" >&2
fi
