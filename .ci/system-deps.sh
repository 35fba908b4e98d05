#!/usr/bin/env bash
# Installs the Debian packages the test suite needs: Chromium for browser tests and
# PostgreSQL 15 (server, client and pgbench) for the store tests and benchmarks.
# Fast when everything is present: it checks with dpkg before touching apt.
set -euo pipefail

needed=(chromium postgresql postgresql-contrib fonts-noto-core python3-botocore)
missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${needed[*]}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "missing Debian packages: ${missing[*]} (run as root or install them: apt-get install ${missing[*]})" >&2
    exit 1
  fi
else SUDO=; fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package starts a cluster on install; tests start their own clusters instead.
if command -v service >/dev/null; then $SUDO service postgresql stop >/dev/null 2>&1 || true; fi
echo "installed: ${missing[*]}"
