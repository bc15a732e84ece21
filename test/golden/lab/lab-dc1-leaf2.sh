# lab-dc1-leaf2: Open vSwitch bridge br0 (ovs-vsctl commands, one transaction per object)
# VLAN 120 (videoconferencing)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-120=videoconferencing
# VLAN 130 (ip-telephony)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-130=ip-telephony
# VLAN 300 (university)
ovs-vsctl --timeout=10 -- set bridge br0 external_ids:citydc-vlan-300=university
# port p1 trunk VLANs 120,130,300
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p1 -- --may-exist add-port br0 p1 -- set port p1 vlan_mode=trunk trunks=120,130,300 external_ids:citydc=managed -- clear port p1 tag
# port p5 access VLAN 120
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p5 -- --may-exist add-port br0 p5 -- set port p5 vlan_mode=access tag=120 external_ids:citydc=managed -- clear port p5 trunks
# port p6 access VLAN 130
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p6 -- --may-exist add-port br0 p6 -- set port p6 vlan_mode=access tag=130 external_ids:citydc=managed -- clear port p6 trunks
# port p7 access VLAN 300
ovs-vsctl --timeout=10 -- --if-exists --with-iface del-port br0 p7 -- --may-exist add-port br0 p7 -- set port p7 vlan_mode=access tag=300 external_ids:citydc=managed -- clear port p7 trunks
