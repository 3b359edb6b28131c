#!/usr/bin/env bash
# Makes TorchSharp's libLibTorchSharp.so load on a C++ runtime older than GCC 13 (Debian 12: GLIBCXX up to 3.4.30).
# The library needs exactly one GLIBCXX_3.4.32 symbol, std::ios_base_library_init(); we supply it from a shim
# placed beside it and mark the version requirement weak so the loader stops rejecting the old libstdc++.
# See /work/shared/notes/torchsharp-on-debian12.md for the diagnosis.
#
#   fix-libtorchsharp.sh check                   prints "needed" or "not-needed" for this machine
#   fix-libtorchsharp.sh patch ORIGINAL OUTDIR   writes OUTDIR/libLibTorchSharp.so and OUTDIR/<shim> from a
#                                                pristine ORIGINAL (never edits ORIGINAL, the NuGet cache copy)
set -euo pipefail

readonly missing_version=GLIBCXX_3.4.32
readonly shim_name=libtorchsharp-glibcxx-shim.so
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly here

system_libstdcxx() {
  # ldconfig's cache is what the loader consults; the fixed paths cover minimal images without a cache.
  local path
  path="$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }')"
  for candidate in "$path" /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6; do
    if [[ -n "$candidate" && -e "$candidate" ]]; then
      readlink -f "$candidate"
      return
    fi
  done
}

check() {
  local lib
  lib="$(system_libstdcxx)"
  # No libstdc++ at all means nothing we could shim against; let TorchSharp report its own load error.
  if [[ -n "$lib" ]] && ! grep -qF "$missing_version" "$lib"; then
    echo needed
  else
    echo not-needed
  fi
}

# Lines in MSBuild's canonical error format surface as build errors with this text, not just an exit code.
die() {
  echo "fix-libtorchsharp.sh : error TSFIX001: $*" >&2
  exit 1
}

patch() {
  local original="$1" outdir="$2"
  local tool
  for tool in g++ patchelf; do
    command -v "$tool" >/dev/null \
      || die "'$tool' is required to make TorchSharp load on this system's libstdc++ (it lacks $missing_version). Install the Debian packages: sudo apt-get install g++ patchelf"
  done
  [[ -f "$original" ]] || die "no libLibTorchSharp.so at '$original'"

  mkdir -p "$outdir"
  # Global, not local: the EXIT trap runs after this function has returned.
  work="$(mktemp -d "$outdir/.fix.XXXXXX")"
  trap 'rm -rf "$work"' EXIT

  g++ -shared -fPIC -O2 -o "$work/$shim_name" -Wl,-soname,"$shim_name" \
    -Wl,--version-script="$here/glibcxx-shim.map" "$here/glibcxx-shim.cpp" \
    || die "compiling the GLIBCXX shim failed"
  g++ -O2 -o "$work/weaken-verneed" "$here/weaken-verneed.cpp" || die "compiling weaken-verneed failed"

  cp "$original" "$work/libLibTorchSharp.so"
  chmod u+w "$work/libLibTorchSharp.so"
  "$work/weaken-verneed" "$work/libLibTorchSharp.so" "$missing_version" \
    || die "could not mark $missing_version weak in $original"
  if ! patchelf --print-needed "$work/libLibTorchSharp.so" | grep -qxF "$shim_name"; then
    patchelf --add-needed "$shim_name" "$work/libLibTorchSharp.so" || die "patchelf --add-needed failed"
  fi

  # The library moves last: MSBuild treats the pair as up to date once both exist and are newer than the inputs.
  mv -f "$work/$shim_name" "$outdir/$shim_name"
  mv -f "$work/libLibTorchSharp.so" "$outdir/libLibTorchSharp.so"
  echo "fix-libtorchsharp.sh: patched $original into $outdir"
}

case "${1:-}" in
  check) check ;;
  patch) [[ $# -eq 3 ]] || die "usage: $0 patch ORIGINAL OUTDIR"; patch "$2" "$3" ;;
  *) die "usage: $0 check | patch ORIGINAL OUTDIR" ;;
esac
