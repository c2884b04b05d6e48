#!/usr/bin/env bash
# Installs what Crucible needs on a Debian machine that has Swift 6: only what is missing, so it is quick to re-run.
set -euo pipefail

# The embedded interpreter is Debian's CPython 3.11; Debian's python3-* packages are its default libraries for
# DS-1000 (scripts/python-env.sh builds the pinned set the official results used).
# libcurl4 carries FoundationNetworking's HTTP client (model servers).
apt_packages=(pkg-config libsqlite3-dev libpython3-dev zlib1g-dev libcurl4
  python3-numpy python3-pandas python3-scipy python3-sklearn python3-matplotlib python3-seaborn python3-statsmodels)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# `setup.sh test`: the tests also load reports and charts in a real browser (headless Chromium, with a known font)
# and compile the LaTeX tables (pdflatex with booktabs). Only what they need, without recommended extras.
if [ "${1:-}" = "test" ]; then
  test_missing=()
  for package in chromium fonts-dejavu-core texlive-latex-base texlive-latex-recommended; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || test_missing+=("$package")
  done
  if [ ${#test_missing[@]} -gt 0 ]; then
    echo "setup: installing ${test_missing[*]} (for the tests)"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${test_missing[@]}"
  fi
fi

# pip builds the pinned DS-1000 package set (scripts/python-env.sh); any python3 with pip will do.
if ! python3 -m pip --version >/dev/null 2>&1 && ! command -v pip3 >/dev/null 2>&1; then
  missing_pip=(python3-pip)
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing_pip[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH"
  done
fi
command -v swift >/dev/null 2>&1 || { echo "setup: Swift 6 is required (https://swift.org/install)" >&2; exit 1; }
