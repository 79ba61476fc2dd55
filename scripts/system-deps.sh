#!/usr/bin/env bash
# Install the Debian packages that sscvisit's run, tests and tools need.
#
# Runs on every `make test` and `make run`, so the common case (everything present) must stay a
# single dpkg-query call. Installs only when something is missing: as root directly, otherwise it
# prints the sudo line and fails, because a half-provisioned machine gives confusing test errors.
set -euo pipefail

packages=(
    # Qt with QT_QPA_PLATFORM=offscreen (tests, screenshots)
    libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3
    # a real window under Xvfb (xcb platform plugin)
    xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-shape0
    # a font, so text renders the same on every machine
    fonts-dejavu-core
    # export packet checks (pdfsig, qpdf, openssl cms) and the PostgreSQL test server
    poppler-utils qpdf openssl postgresql
)

# Debian's python3 lacks venv/ensurepip unless python3-venv is installed (`python3 -m venv --help`
# alone passes without it; creating the venv then fails on ensurepip). One interpreter start.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    packages+=(python3-venv)
fi

# One dpkg-query for all packages; names dpkg does not know at all go to stderr and count as missing.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null |
    awk '$NF == "installed" && $(NF-1) == "ok" { sub(/:.*/, "", $1); print $1 }' || true)

missing=()
for pkg in "${packages[@]}"; do
    if ! grep -qxF -- "$pkg" <<<"$installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

install_cmd="apt-get install -y --no-install-recommends ${missing[*]}"

if ((EUID != 0)); then
    {
        echo "system-deps: missing Debian packages: ${missing[*]}"
        echo "system-deps: install them with:"
        echo "    sudo apt-get update && sudo $install_cmd"
    } >&2
    exit 1
fi

echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive

# Keep package scripts from starting services (Debian's postgresql would start its own cluster on
# port 5432). Our tests start their own throw-away server, so nothing needs the packaged one.
# Only when no policy is in place already, and removed again whatever happens.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    trap 'rm -f "$policy"' EXIT
    printf '#!/bin/sh\n# temporary, from sscvisit scripts/system-deps.sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
fi

apt-get update -q
apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" </dev/null
echo "system-deps: done" >&2
