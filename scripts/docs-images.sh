#!/usr/bin/env bash
# The pictures of the README (docs/img/), made by the real commands: `citydc docs` on the city inventory
# (its kg-dc1 topology and rack kg-dc1-r02, as SVG and as Chromium screenshots, and a screenshot of the
# index page), and `citydc diff --impact --format markdown --assets` for a small change (leaf4's spare port
# becomes a storage port, the JKP WAN link stops running BGP). Needs graphviz and chromium (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=docs/img
command -v chromium >/dev/null 2>&1 || { echo "docs-images: chromium is not installed: install the Debian package chromium (or run scripts/setup.sh)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

node bin/citydc.js docs inventory/kragujevac.yaml --out "$tmp/site" >&2
cp "$tmp/site/sites/kg-dc1-topology.svg" "$out/kg-dc1-topology.svg"
cp "$tmp/site/racks/kg-dc1-r02.svg" "$out/kg-dc1-r02.svg"

sed -e 's|{ name: 10GE1/0/48, speed: 10G, enabled: false, description: "spare" }|{ name: 10GE1/0/48, speed: 10G, mode: access, vlan: 150, description: "second storage port" }|' \
    -e 's|{ kind: wan, bgp: true, description: "JKP metro fibre"|{ kind: wan, bgp: false, description: "JKP metro fibre"|' \
    inventory/kragujevac.yaml > "$tmp/changed.yaml"
node bin/citydc.js diff --impact --format markdown --assets "$tmp/assets" inventory/kragujevac.yaml "$tmp/changed.yaml" > /dev/null || [ $? -eq 1 ]
cp "$tmp/assets/diff-impact.svg" "$out/diff-impact.svg"

shot() { # url file size
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$tmp/profile" \
    --window-size="$3" --screenshot="$2" "$1" 2>/dev/null >&2
}
shot "file://$tmp/site/index.html" "$out/index.png" 1280,1400
shot "file://$tmp/site/sites/kg-dc1-topology.svg" "$out/kg-dc1-topology.png" 2000,560
shot "file://$tmp/site/racks/kg-dc1-r02.svg" "$out/kg-dc1-r02.png" 420,960
shot "file://$tmp/assets/diff-impact.svg" "$out/diff-impact.png" 1400,620
ls -l "$out" >&2
