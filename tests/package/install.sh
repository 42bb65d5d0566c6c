#!/usr/bin/env bash
# The install test: the .deb that `make package` built is installed on this
# machine as a user would (apt-get install ./mamos.deb), the installed CLI and
# app are run, then the package is purged and nothing it installed may be left.
# Needs root, Xvfb and D-Bus (`make test` installs them). Run by `make
# test-package` and by .ci/run after `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
  echo "install test FAILED: $*" >&2
  exit 1
}
step() { echo "install test: $*"; }

[ "$(id -u)" = 0 ] || fail "it installs a package: run it as root"
shopt -s nullglob
debs=(target/release/bundle/deb/*.deb)
[ ${#debs[@]} = 1 ] || fail "expected exactly one .deb in target/release/bundle/deb, found ${#debs[@]}: run make package"
deb=$(realpath "${debs[0]}")
package=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  fail "$package is already installed on this machine; this test installs and removes it, so remove it first (dpkg -r $package)"
fi

work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -- "-$app_pid" 2>/dev/null || true
  # A failure half way must not leave the package installed.
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed"; then
    dpkg --purge "$package" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# What the package will install, and which of those paths exist already (/usr/bin…).
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed -e 's:^\./::' -e 's:^:/:' -e 's:/$::' | grep -v '^$' | sort -u >"$work/contents"
while read -r path; do
  if [ -e "$path" ]; then echo "$path"; fi
done <"$work/contents" >"$work/existed-before"

step "installing $deb ($package $version)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install $deb failed (above)"; }
# dpkg lists the root as "/.": it is no path of the package's.
dpkg-query -L "$package" | grep -v -x '/\.' | sort -u >"$work/installed"
missing=$(comm -23 <(grep -v -x -f "$work/existed-before" "$work/contents" || true) "$work/installed")
[ -z "$missing" ] || fail "in the .deb but not listed by dpkg -L after the install: $missing"

for path in /usr/bin/mamos /usr/bin/mamos-desktop; do
  [ -x "$path" ] || fail "$path is not installed (dpkg -L $package: $(tr '\n' ' ' <"$work/installed"))"
done
desktop_entry=$(grep '\.desktop$' "$work/installed" | head -1)
[ -n "$desktop_entry" ] || fail "no desktop entry in the package"
grep -qx 'Categories=Office;Development;' "$desktop_entry" || fail "$desktop_entry: Categories is not Office;Development;"
grep -qx 'Exec=mamos-desktop' "$desktop_entry" || fail "$desktop_entry: Exec is not mamos-desktop"
icons=$(grep -c '^/usr/share/icons/hicolor/.*/apps/.*\.png$' "$work/installed" || true)
[ "$icons" -ge 3 ] || fail "expected the icon at 3 sizes or more under /usr/share/icons/hicolor, found $icons"

step "mamos --version"
printed=$(/usr/bin/mamos --version) || fail "/usr/bin/mamos --version exited $?"
[ "$(head -1 <<<"$printed")" = "mamos $version" ] ||
  fail "/usr/bin/mamos --version printed '$(head -1 <<<"$printed")', expected 'mamos $version' (the package's version)"
grep -q '^built-in bank mamos-qe ' <<<"$printed" || fail "/usr/bin/mamos --version does not name the built-in bank: $printed"

# The bundler puts resources under /usr/lib/<productName>/ (bundle.resources in tauri.conf.json).
bank=$(grep '/banks/mamos\.json$' "$work/installed" | head -1)
[ -n "$bank" ] || fail "the bank (banks/mamos.json) is not in the package"
step "mamos validate $bank"
/usr/bin/mamos validate "$bank" || fail "/usr/bin/mamos validate $bank exited $?"

# The app, on a temp database and a temp home (WebKit's caches go there).
# Its first screen has loaded when today's backup copy appears: the window
# takes it once its page has finished loading (src-tauri/src/main.rs).
step "starting /usr/bin/mamos-desktop under Xvfb"
mkdir -p "$work/home" "$work/data"
db="$work/data/mamos.db"
HOME="$work/home" MAMOS_DB="$db" WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1 \
  setsid dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/mamos-desktop >"$work/app.log" 2>&1 &
app_pid=$!
deadline=$((SECONDS + 90))
until compgen -G "$work/data/backups/mamos-*.db" >/dev/null; do
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "mamos-desktop exited before its first screen showed (log above)"; }
  [ $SECONDS -lt $deadline ] || { cat "$work/app.log" >&2; fail "mamos-desktop showed no first screen within 90 s (no backups/mamos-*.db beside $db)"; }
  sleep 0.2
done
[ -s "$db" ] || fail "mamos-desktop did not create its database $db"
listed=$(/usr/bin/mamos --db "$db" bank list) || fail "the installed CLI cannot read the database the app made"
grep -q mamos-qe <<<"$listed" || fail "the app's database holds no built-in bank: $listed"
kill -- "-$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
step "the window started; its database and backup are in $work/data"

step "purging $package"
dpkg --purge "$package" >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "dpkg --purge $package failed"; }
left=""
while read -r path; do
  if grep -qxF "$path" "$work/existed-before"; then continue; fi
  if [ -e "$path" ] || [ -L "$path" ]; then left="$left $path"; fi
done <"$work/installed"
[ -z "$left" ] || fail "left behind after dpkg --purge $package:$left"
step "ok: installed, ran, purged; of its $(wc -l <"$work/installed") paths only the $(wc -l <"$work/existed-before") folders there before remain"
