#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test: unit, integration (a throwaway PostgreSQL cluster
# on a free port) and browser (Playwright driving Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prereqs.sh
dotnet build Platform.sln --nologo -v q
exec dotnet test Platform.sln --no-build --nologo "$@"
