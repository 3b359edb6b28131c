#!/usr/bin/env bash
# Installs what is missing, then starts the dashboard with its own PostgreSQL on http://127.0.0.1:5180.
# Extra arguments go to the app, e.g. ./run.sh --urls http://127.0.0.1:8080
# It runs in loopback development mode (no sign-in from this machine; the page says so). For a shared instance,
# pass --Security:LocalMode=false: the log then prints a one-time link that creates the first admin.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prereqs.sh
exec dotnet run --project src/Platform.Web --launch-profile http -- --Security:LocalMode=true "$@"
