#!/usr/bin/env bash
# Install the Debian packages that provide a real S3-compatible server (Ceph RADOS
# Gateway) for tests: radosgw plus the monitor and OSD daemons it needs to run a
# one-machine cluster (see scripts/s3-server/rgw.sh).
#
# Idempotent: does nothing when every package is already installed, and runs
# `apt-get update` only when the current package lists do not know a package or
# are too old to install it from.
# Must run as root (CI runs it on a fresh machine). Quiet unless something fails.
set -euo pipefail

PACKAGES=(radosgw ceph-mon ceph-osd)

# Which of the packages are not fully installed? (`dpkg-query` prints "install ok
# installed" only for packages whose installation completed.)
missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "s3-server: ${PACKAGES[*]} already installed"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "s3-server: need root to install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp -t s3-server-install.XXXXXX)
trap 'rm -f "$log"' EXIT

# Run a command with its output in $log; on failure show the tail and stop.
quiet() {
  if ! "$@" >"$log" 2>&1; then
    echo "s3-server: failed: $*" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

# --no-install-recommends keeps the download small (recommends pull in e.g. the
# ceph dashboard bits we do not use). The daemons' postinst scripts may try to
# start systemd units; that fails harmlessly in containers without systemd.
install_missing() {
  apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1
}

# A fresh machine (or a Docker image) often has empty package lists: refresh them
# first when apt knows no candidate version for one of the packages.
updated=0
for pkg in "${missing[@]}"; do
  candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
    quiet apt-get update -q
    updated=1
    break
  fi
done

# Old lists can also name versions the mirror no longer has (404 on download):
# then refresh them and try once more.
if ! install_missing; then
  if [[ $updated -eq 1 ]]; then
    echo "s3-server: apt-get install failed" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  quiet apt-get update -q
  quiet apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "s3-server: installed ${missing[*]}"
