#!/usr/bin/env bash
# Builds the Debian package from the build directory BUILD (cpack), unpacks it into a scratch
# root with dpkg -x and runs the installed stacksim on an installed scenario.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb="$work/out/stacksim_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { ls "$work/out"; fail "no $deb"; }
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

depends=$(dpkg-deb -f "$deb" Depends)
echo "depends: $depends"
# The binary links its own libraries statically: it needs the C and C++ runtime and nothing else
# (README.md says so).
for library in libc6 libstdc++6 libgcc-s1; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
others=$(tr ',' '\n' <<<"$depends" | awk '{ print $1 }' | grep -vxE 'libc6|libstdc\+\+6|libgcc-s1' || true)
[ -z "$others" ] || fail "Depends has more than the C and C++ runtime: $others"

dpkg -x "$deb" "$work/root"
root=$work/root/usr
for file in bin/stacksim share/man/man1/stacksim.1.gz share/bash-completion/completions/stacksim \
  share/stacksim/schema/scenario.schema.json share/stacksim/schema/report.schema.json \
  share/stacksim/scenarios/single-server.json share/doc/stacksim/README.md; do
  [ -f "$root/$file" ] || fail "the package lacks /usr/$file"
done
# Dynamic libraries the installed binary needs must all be in Depends (dpkg-shlibdeps).
ldd "$root/bin/stacksim" | grep -q "not found" && fail "unresolved libraries"

out=$("$root/bin/stacksim" run "$root/share/stacksim/scenarios/single-server.json" \
  --duration 2m --quiet --json -)
grep -q '"schema_version": 1' <<<"$out" || fail "no report from the installed stacksim"
grep -q '"name": "foobar-single-server"' <<<"$out" || fail "wrong scenario in the report"
# The installed scenario's "$schema" reaches the installed schema.
"$root/bin/stacksim" validate "$root/share/stacksim/scenarios/distributed.json" | grep -qx ok ||
  fail "installed scenario does not validate"
[ -f "$root/share/stacksim/scenarios/../schema/scenario.schema.json" ] || fail "schema not beside"
echo "ok"
