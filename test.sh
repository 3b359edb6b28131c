#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test: unit, integration (a throwaway PostgreSQL cluster
# on a free port) and browser (Playwright driving Debian's Chromium); then the benchmarks' smoke form, so they
# cannot rot (it checks that they run, not their targets: bench/run measures).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prereqs.sh
dotnet build Platform.sln --nologo -v q
dotnet test Platform.sln --no-build --nologo "$@"
dotnet run --project bench/Platform.Bench --no-build -- --quick
