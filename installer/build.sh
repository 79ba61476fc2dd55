#!/usr/bin/env bash
# Build the onedir application folder with PyInstaller: installer/dist/sscvisit-<version>/.
#
# A separate build venv (installer/build/venv) keeps PyInstaller out of the development venv and
# installs sscvisit non-editable, so the bundle holds exactly what a wheel would.
# Usage: bash installer/build.sh            (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"
venv="$here/build/venv"

if [[ ! -x $venv/bin/python ]]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'pyinstaller>=6.6'
# Not editable (-e): the spec collects the installed package and its sscvisit.resources data.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$root"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$root"

# Run from installer/ so the source tree's sscvisit/ never shadows the installed package.
cd "$here"
"$venv/bin/pyinstaller" --noconfirm --clean \
    --distpath "$here/dist" --workpath "$here/build/work" sscvisit.spec

echo "built: $(ls -d "$here"/dist/sscvisit-*/ | tail -n 1)"
