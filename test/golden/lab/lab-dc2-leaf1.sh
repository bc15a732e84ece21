# lab-dc2-leaf1: Open vSwitch bridge br0 (ovs-vsctl commands, one transaction per object)
# VLAN 120 (videoconferencing)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-120=videoconferencing
# VLAN 140 (backup)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-140=backup
# LAG bond1 (active) members p1,p3; trunk VLANs 120,140
ovs-vsctl --timeout=10 -- --if-exists del-port br0 p1 -- --if-exists del-port br0 p3 -- --may-exist add-bond br0 bond1 p1 p3 lacp=active -- set port bond1 vlan_mode=trunk trunks=120,140 external_ids:citydc=managed -- clear port bond1 tag -- set interface p1 mtu_request=9000 -- set interface p3 mtu_request=9000
# port p2 access VLAN 140
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p2 -- --may-exist add-port br0 p2 -- set port p2 vlan_mode=access tag=140 external_ids:citydc=managed -- clear port p2 trunks
# port p5 access VLAN 120
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p5 -- --may-exist add-port br0 p5 -- set port p5 vlan_mode=access tag=120 external_ids:citydc=managed -- clear port p5 trunks
# port p6 access VLAN 140
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p6 -- --may-exist add-port br0 p6 -- set port p6 vlan_mode=access tag=140 external_ids:citydc=managed -- clear port p6 trunks
