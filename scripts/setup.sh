#!/usr/bin/env bash
# One-time (and idempotent) set-up of a machine for citydc: Debian packages for the lab, the Pulumi
# toolchain (CLI, Node.js language host, command plugin: found, installed or built, see scripts/toolchain.sh),
# npm packages, and the compiled CLI. A second run takes seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "setup: $*" >&2; }

# 1. Debian packages the lab and the end-to-end tests use (root needed only when something is missing), and
#    those of `citydc docs` and its tests: Graphviz (the topology layout), Chromium (the pages opened headless),
#    xmllint (SVG well-formedness), the DejaVu fonts the pictures are drawn in; keepalived (VRRP on the
#    twin's FRR routers), nftables (QoS marking and ACLs on the twin's routers) and tcpdump (the twin's marking
#    check captures in the far namespace); ethtool (the lab's veths compute their own checksums: Open vSwitch's
#    userspace datapath forwards what a veth leaves unsummed).
need=()
for pair in ovs-vsctl:openvswitch-switch sshd:openssh-server vtysh:frr ip:iproute2 ping:iputils-ping \
            ssh-keygen:openssh-client ansible-playbook:ansible /usr/bin/time:time git:git \
            dot:graphviz chromium:chromium xmllint:libxml2-utils keepalived:keepalived \
            nft:nftables tcpdump:tcpdump ethtool:ethtool; do
  bin=${pair%%:*} pkg=${pair#*:}
  if [ "${bin#/}" != "$bin" ]; then [ -x "$bin" ] || need+=("$pkg"); else command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || [ -x "/usr/lib/frr/$bin" ] || need+=("$pkg"); fi
done
# PostgreSQL (server and psql): the shared state backend's tests start a throw-away cluster of their own, and
# `citydc cancel` reads a postgres:// backend's locks with psql. Debian keeps initdb off PATH.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && command -v psql >/dev/null 2>&1 || need+=(postgresql)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then log "root is needed to install ${need[*]} (run: sudo $0)"; exit 2; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
# The lab starts its own OVS, sshd and FRR instances per device; the distribution's daemons are not needed.

# 2. The Pulumi toolchain, each piece cached by version; it also installs the command plugin into the Pulumi
#    homes (first, so that @pulumi/command's install script below finds its plugin in place).
bin=$(bash scripts/toolchain.sh | tail -n 1)
log "pulumi: $bin/pulumi ($("$bin/pulumi" version 2>/dev/null || echo '?'))"

# 3. npm packages (exactly the lock file) and the compiled CLI. @pulumi/command's install script runs
#    `pulumi plugin install resource command 1.2.1`: with the toolchain on PATH and no registry lookup it sees
#    the plugin installed and downloads nothing.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  PATH="$bin:$PATH" PULUMI_DISABLE_REGISTRY_RESOLVE=true PULUMI_SKIP_UPDATE_CHECK=true npm ci --no-audit --no-fund >&2
else
  npx tsc -p tsconfig.json >&2
fi
log "ready"
