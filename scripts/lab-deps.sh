#!/usr/bin/env bash
# Installs the Debian packages the citydc lab runs on, when missing (idempotent; needs root and apt).
#   openvswitch-switch  ovsdb-server, ovs-vswitchd, ovs-vsctl (userspace datapath)
#   openssh-server      one sshd per lab device on 127.0.0.1
#   frr                 zebra, staticd, bgpd, vtysh
#   iproute2            network namespaces and veth pairs
#   iputils-ping        data-plane checks between lab hosts
set -euo pipefail
PACKAGES=(openvswitch-switch openssh-server frr iproute2 iputils-ping)
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "lab-deps: all lab packages are installed" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "lab-deps: missing ${missing[*]}; run this script as root to install them" >&2
  exit 2
fi
echo "lab-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# The lab starts its own daemons; the packages' system services are not needed.
apt-get install -y -q --no-install-recommends "${missing[@]}"
