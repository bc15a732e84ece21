# lab-dc1-spine1: Open vSwitch bridge br0 (ovs-vsctl commands, one transaction per object)
# VLAN 120 (videoconferencing)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-120=videoconferencing
# VLAN 130 (ip-telephony)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-130=ip-telephony
# VLAN 140 (backup)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-140=backup
# VLAN 300 (university)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-300=university
# LAG bond0 (active) members p1,p2; trunk VLANs 120,130,140,300
ovs-vsctl --timeout=10 -- --if-exists del-port br0 p1 -- --if-exists del-port br0 p2 -- --may-exist add-bond br0 bond0 p1 p2 lacp=active -- set port bond0 vlan_mode=trunk trunks=120,130,140,300 external_ids:citydc=managed -- clear port bond0 tag
# LAG bond1 (active) members p4,p6; trunk VLANs 120,140
ovs-vsctl --timeout=10 -- --if-exists del-port br0 p4 -- --if-exists del-port br0 p6 -- --may-exist add-bond br0 bond1 p4 p6 lacp=active -- set port bond1 vlan_mode=trunk trunks=120,140 external_ids:citydc=managed -- clear port bond1 tag -- set interface p4 mtu_request=9000 -- set interface p6 mtu_request=9000
# port p3 trunk VLANs 120,130,300
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p3 -- --may-exist add-port br0 p3 -- set port p3 vlan_mode=trunk trunks=120,130,300 external_ids:citydc=managed -- clear port p3 tag
# port p5 access VLAN 130
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p5 -- --may-exist add-port br0 p5 -- set port p5 vlan_mode=access tag=130 external_ids:citydc=managed -- clear port p5 trunks
