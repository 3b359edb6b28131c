#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test: unit, integration (a throwaway PostgreSQL cluster
# on a free port) and browser (Playwright driving Debian's Chromium); then the benchmarks' smoke form, so they
# cannot rot (it checks that they run, not their targets: bench/run measures).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prereqs.sh
dotnet build Platform.sln --nologo -v q
# A test or benchmark that hangs fails the run with its name instead of holding CI until its limit: the whole suite
# takes minutes, so a single test past 10 min or a smoke past 20 min is stuck, never slow.
dotnet test Platform.sln --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
timeout --kill-after=30s 20m dotnet run --project bench/Platform.Bench --no-build -- --quick
