#!/usr/bin/env node
/*
 * A scripted vendor CLI, written from vendor documentation: NOT a device. It plays the parts of a
 * network operating system's command line that citydc's shell driver depends on, so that the product's
 * own ShellDialect for each platform is exercised through a real SSH login (this program is the login's
 * ForceCommand): the prompt in each mode, paging, error markers, confirmation questions, and what
 * commit, abort and leaving configuration mode do to the running configuration. It does not check the
 * syntax of configuration lines beyond their first word (the golden files and the Ansible parsers check
 * syntax); it keeps a running and a saved configuration in a JSON state file that the tests read.
 *
 * Usage: vendor-cli.cjs <vrp|nxos|eos|junos> <state.json> [lines per page, default 24]
 *        (an exec channel: the command in SSH_ORIGINAL_COMMAND, no paging)
 *
 * Sources, per vendor:
 *  - vrp: Huawei CloudEngine 8800/6800 V200R022 Configuration Guide, Basic Configuration ("Committing
 *    the configuration", two-stage mode: `[~HOST]` with nothing uncommitted, `[*HOST]` with uncommitted
 *    lines; `commit`; `clear configuration candidate` discards; `return` with uncommitted lines asks
 *    "[Y(yes)/N(no)/C(cancel)]"), Command Reference (`screen-length 0 temporary`; `save` asks
 *    "Continue? [Y/N]:"; errors "Error: Unrecognized command found at '^' position." and "Error: Wrong
 *    parameter found at '^' position."; `---- More ----` while paging).
 *  - nxos: Cisco Nexus 9000 NX-OS Fundamentals Configuration Guide (prompts `host#`, `host(config)#`,
 *    `host(config-if)#`; each line takes effect when typed, there is no candidate; `terminal length 0`;
 *    `copy running-config startup-config`; "% Invalid command at '^' marker."; `--More--`).
 *  - eos: Arista EOS User Manual, "Configuration sessions" (`configure session NAME`, prompt
 *    `host(config-s-NAME)#`; nothing is live before `commit`; `abort` discards; both leave the session),
 *    "% Invalid input" for an unknown command, `terminal length 0` ("Pagination disabled."), `--More--`.
 *  - junos: Junos OS CLI User Guide (`user@host>`, `configure private` -> `[edit]` and `user@host#`;
 *    an unknown statement prints "syntax error." and is not added, the rest of the candidate stays;
 *    `commit` / `commit and-quit` ("commit complete"); `rollback 0` ("load complete") discards the
 *    candidate's changes; `exit configuration-mode` with uncommitted changes asks
 *    "Exit with uncommitted changes? [yes,no] (yes)"; `set cli screen-length 0`; `---(more)---`).
 */
"use strict";
const fs = require("fs");
const os = require("os");

const vendor = process.argv[2];
const stateFile = process.argv[3];
const HOST = process.env.CITYDC_CLI_HOST || "dut";
const USER = process.env.USER || os.userInfo().username;
const PAGE = Number(process.argv[4]) > 0 ? Number(process.argv[4]) : 24;

function load() {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8"));
  } catch {
    return { running: [], saved: [], log: [] };
  }
}
const state = load();
function persist() {
  fs.writeFileSync(stateFile + ".tmp", JSON.stringify(state, null, 1));
  fs.renameSync(stateFile + ".tmp", stateFile);
}

// Configuration as a tree: { line, children } nodes; Junos as a flat list of `set` lines.
const clone = (t) => JSON.parse(JSON.stringify(t));

/** The first words each CLI knows (from the vendors' command references); anything else is unknown. */
const KNOWN = {
  vrp: ["vlan", "interface", "port", "undo", "description", "name", "eth-trunk", "mode", "lacp", "stp", "vrrp", "ip",
    "ipv4-family", "bgp", "peer", "network", "import-route", "router-id", "sysname", "dfs-group", "m-lag", "priority",
    "source", "peer-link", "shutdown", "mtu", "jumboframe", "speed", "instance", "region-name", "revision-level",
    "route-distinguisher", "vpn-target", "clear", "quit", "return", "commit", "display", "save", "screen-length",
    "system-view", "dual-active", "lldp", "arp", "authentication-mode", "preempt-mode", "local-user", "ssh", "stelnet",
    // QoS and ACLs (Configuration Guide, QoS: MQC, priority mapping, congestion management; Security: ACL)
    "acl", "rule", "traffic", "traffic-filter", "traffic-policy", "if-match", "remark", "classifier", "trust", "qos"],
  nxos: ["feature", "vlan", "name", "interface", "switchport", "no", "description", "channel-group", "shutdown", "ip",
    "vrf", "vrrp", "address", "priority", "router", "neighbor", "remote-as", "address-family", "network", "router-id",
    "spanning-tree", "vpc", "role", "peer-keepalive", "peer-link", "peer-gateway", "mtu", "speed", "rd", "hostname",
    "instance", "revision", "exit", "end", "show", "copy", "terminal", "configure", "lacp", "system", "mac", "track",
    // QoS Configuration Guide (class-map, policy-map type qos and queuing, service-policy, system qos);
    // Security Configuration Guide (ip access-list, ip access-group; entries are typed with their sequence number)
    "class-map", "policy-map", "class", "set", "match", "service-policy", "bandwidth"],
  eos: ["vlan", "name", "interface", "switchport", "no", "description", "channel-group", "shutdown", "ip", "vrf",
    "vrrp", "router", "neighbor", "network", "router-id", "spanning-tree", "mlag", "domain-id", "local-interface",
    "peer-address", "peer-link", "trunk", "mtu", "speed", "rd", "hostname", "instance", "revision", "exit", "end",
    "show", "copy", "terminal", "configure", "commit", "abort", "lacp", "autostate", "address-family", "service",
    "enable", "bgp",
    // User Manual, Quality of Service (qos trust, qos map, tx-queue, class-map, policy-map type
    // quality-of-service, service-policy) and ACLs (ip access-list with sequence numbers, ip access-group)
    "class-map", "policy-map", "class", "set", "match", "service-policy", "qos", "tx-queue", "priority", "bandwidth",
    "shape", "default"],
  junos: ["set", "delete", "commit", "rollback", "exit", "show", "configure", "run", "top", "quit"],
};

/** Lines that open a sub-mode (view) in the tree CLIs. */
const OPENS = {
  vrp: /^(interface \S+|vlan \d+|bgp \d+|ipv4-family( vpn-instance \S+| unicast)?|ip vpn-instance \S+|dfs-group \d+|stp region-configuration|vrrp vrid \d+ .*never|acl name \S+ advance|traffic (classifier|behavior|policy) \S+)$/,
  nxos: /^(interface \S+|vlan \d+|vrf context \S+|router bgp \d+|neighbor \S+|address-family .+|vrf \S+|vpc domain \d+|spanning-tree mst configuration|vrrp \d+|ip access-list \S+|class-map type qos (match-all|match-any) \S+|policy-map type (qos|queuing) \S+|class (type queuing )?\S+|system qos)$/,
  eos: /^(interface \S+|vlan \d+|vrf instance \S+|router bgp \d+|vrf \S+|address-family .+|mlag configuration|spanning-tree mst configuration|ip access-list \S+|class-map type qos (match-all|match-any) \S+|policy-map type quality-of-service \S+|class \S+|tx-queue \d+)$/,
};
const NO = { vrp: "undo", nxos: "no", eos: "no" };
const INDENT = { vrp: " ", nxos: "  ", eos: "   " };

let paging = true;
let mode = "exec"; // exec | config
let path = []; // lines of the open sub-modes
let candidate; // the tree (or set lines) edited in config mode
let dirty = false;
let pendingQuestion; // { text, onAnswer }
let more; // { lines, at } while paging

function out(s) {
  process.stdout.write(s);
}
function modeName() {
  const last = path[path.length - 1] || "";
  const m = /^(interface|vlan|router|vrf|address-family|neighbor|vpc|mlag)\b/.exec(last);
  return m ? { interface: "if", vlan: "vlan", router: "router", vrf: "vrf", "address-family": "router-af", neighbor: "router-neighbor", vpc: "vpc-domain", mlag: "mlag" }[m[1]] : "sub";
}
function prompt() {
  if (vendor === "vrp") {
    if (mode === "exec") return `<${HOST}>`;
    const view = path.length ? "-" + path[path.length - 1].replace(/^interface /, "").replace(/^vlan /, "vlan").replace(/\s+/g, "-") : "";
    return `[${dirty ? "*" : "~"}${HOST}${view}]`;
  }
  if (vendor === "nxos") return mode === "exec" ? `${HOST}# ` : `${HOST}(config${path.length ? "-" + modeName() : ""})# `;
  if (vendor === "eos") return mode === "exec" ? `${HOST}# ` : `${HOST}(config-s-citydc${path.length ? "-" + modeName() : ""})# `;
  return mode === "exec" ? `${USER}@${HOST}> ` : `\n[edit]\n${USER}@${HOST}# `;
}

function errorUnknown(line) {
  if (vendor === "vrp") return `${" ".repeat(Math.min(line.length, 10))}^\nError: Unrecognized command found at '^' position.\n`;
  if (vendor === "nxos") return `${" ".repeat(Math.min(line.length, 10))}^\n% Invalid command at '^' marker.\n`;
  if (vendor === "eos") return "% Invalid input\n";
  return `${" ".repeat(Math.min(line.length, 10))}^\nsyntax error.\n`;
}
function errorParameter(line) {
  if (vendor === "vrp") return `${" ".repeat(Math.min(line.length, 10))}^\nError: Wrong parameter found at '^' position.\n`;
  if (vendor === "nxos") return "% Invalid number, range is (1-4094)\n";
  if (vendor === "eos") return "% Invalid input (at token 1: '4095')\n";
  return "error: vlan-id: '4095': Value must be a number from 1 to 4094\n";
}
/** A VLAN number outside 1..4094 where a command takes one. */
function badVlan(line) {
  const m = /^(?:vlan|vlan batch|set vlans \S+ vlan-id) (\d+)$/.exec(line);
  return m ? Number(m[1]) < 1 || Number(m[1]) > 4094 : false;
}

// --- tree editing (vrp, nxos, eos) -------------------------------------------------------------------

function nodeAt(tree, p) {
  let children = tree;
  for (const l of p) {
    let n = children.find((c) => c.line === l);
    if (!n) {
      n = { line: l, children: [] };
      children.push(n);
    }
    children = n.children;
  }
  return children;
}
function editTree(line) {
  const no = NO[vendor];
  const here = nodeAt(candidate, path);
  if (line.startsWith(no + " ")) {
    const what = line.slice(no.length + 1);
    const i = here.findIndex((c) => c.line === what || c.line.startsWith(what + " "));
    if (i >= 0) here.splice(i, 1);
    else here.push({ line, children: [] }); // a negation the device shows (`undo port trunk allow-pass vlan 1`)
    return;
  }
  if (OPENS[vendor].test(line)) {
    nodeAt(candidate, [...path, line]);
    path.push(line);
    return;
  }
  // A line that sets a single value replaces the line of the same setting (`description x` after `description y`).
  const single = /^(description|name|mtu|speed|hostname|sysname|router-id|priority|shutdown|mode|port link-type|ip address)\b/.exec(line);
  const j = here.findIndex((c) => c.children.length === 0 && (c.line === line || (single && c.line.startsWith(single[1] + " "))));
  if (j >= 0) here.splice(j, 1, { line, children: [] });
  else here.push({ line, children: [] });
}
function showTree(tree, depth = 0) {
  const lines = [];
  for (const n of tree) {
    lines.push(INDENT[vendor].repeat(depth) + n.line);
    lines.push(...showTree(n.children, depth + 1));
    if (depth === 0 && vendor === "vrp") lines.push("#");
    else if (depth === 0) lines.push("!");
  }
  return lines;
}
function runningText() {
  if (vendor === "junos") return state.running.join("\n") + (state.running.length ? "\n" : "");
  const head = vendor === "vrp" ? [`!Software Version V200R022C00`, `#`, `sysname ${HOST}`, "#"] : [`!Command: show running-config`, "!", `hostname ${HOST}`, "!"];
  return [...head, ...showTree(state.running), ...(vendor === "vrp" ? ["return"] : [])].join("\n") + "\n";
}

// --- output with paging -------------------------------------------------------------------------------

const MORE = { vrp: "  ---- More ----", nxos: " --More-- ", eos: " --More-- ", junos: "---(more)---" };
function printLong(text) {
  const lines = text.replace(/\n$/, "").split("\n");
  if (!paging || lines.length <= PAGE) {
    out(text.endsWith("\n") || text === "" ? text : text + "\n");
    return true;
  }
  out(lines.slice(0, PAGE).join("\n") + "\n" + MORE[vendor]);
  more = { lines, at: PAGE };
  return false;
}

// --- commands ---------------------------------------------------------------------------------------

function enterConfig() {
  mode = "config";
  path = [];
  candidate = clone(state.running);
  dirty = false;
}
function commit() {
  state.running = clone(candidate);
  state.log.push({ event: "commit" });
  dirty = false;
  persist();
}
function leaveConfig() {
  mode = "exec";
  path = [];
  candidate = undefined;
  dirty = false;
}

function operational(line) {
  const w = line.split(/\s+/);
  if (vendor === "vrp") {
    if (line === "screen-length 0 temporary") {
      paging = false;
      return "Info: The configuration takes effect on the current user terminal interface only.\n";
    }
    if (line === "system-view") {
      enterConfig();
      return "Enter system view, return user view with return command.\n";
    }
    if (line === "display current-configuration") return printLong(runningText()) ? "" : undefined;
    if (line === "save") {
      ask("Warning: The current configuration will be written to the device. Continue? [Y/N]:", (a) => {
        if (/^y/i.test(a)) {
          state.saved = clone(state.running);
          state.log.push({ event: "save" });
          persist();
          return "Now saving the current configuration to the slot 1.\nInfo: Save the configuration successfully.\n";
        }
        return "Info: The configuration was not saved.\n";
      });
      return undefined;
    }
  } else if (vendor === "nxos" || vendor === "eos") {
    if (line === "terminal length 0") {
      paging = false;
      return vendor === "eos" ? "Pagination disabled.\n" : "";
    }
    if (vendor === "nxos" && line === "configure terminal") {
      enterConfig();
      return "Enter configuration commands, one per line. End with CNTL/Z.\n";
    }
    if (vendor === "eos" && /^configure session \S+$/.test(line)) {
      enterConfig();
      return "";
    }
    if (line === "show running-config") return printLong(runningText()) ? "" : undefined;
    if (line === "copy running-config startup-config") {
      state.saved = clone(state.running);
      state.log.push({ event: "save" });
      persist();
      return vendor === "eos" ? "Copy completed successfully.\n" : "[########################################] 100%\nCopy complete.\n";
    }
  } else {
    if (line === "set cli screen-length 0") {
      paging = false;
      return "Screen length set to 0\n";
    }
    if (line === "configure private") {
      enterConfig();
      return "warning: uncommitted changes will be discarded on exit\nEntering configuration mode\n";
    }
    if (/^show configuration( .*)? \| display set$/.test(line) || line === "show configuration | display set") {
      const sub = /^show configuration (.*) \| display set$/.exec(line);
      const lines = state.running.filter((l) => !sub || l.startsWith(`set ${sub[1]} `) || l === `set ${sub[1]}`);
      return printLong(lines.join("\n") + (lines.length ? "\n" : "")) ? "" : undefined;
    }
  }
  return errorUnknown(line);
}

function configuration(line) {
  const w = line.split(/\s+/);
  // an access-list entry starts with its sequence number
  const entry = /^\d+$/.test(w[0]) && /^ip access-list /.test(path[path.length - 1] || "");
  if (!KNOWN[vendor].includes(w[0]) && !entry) return errorUnknown(line);
  if (badVlan(line)) return errorParameter(line);
  if (vendor === "vrp") {
    if (line === "commit") {
      commit();
      return "";
    }
    if (line === "clear configuration candidate") {
      candidate = clone(state.running);
      dirty = false;
      return "";
    }
    if (line === "quit") {
      if (path.length) path.pop();
      else return returnToUser();
      return "";
    }
    if (line === "return") return returnToUser();
    if (line === "save" || line.startsWith("display") || line === "system-view") return errorUnknown(line);
    editTree(line);
    dirty = true;
    return "";
  }
  if (vendor === "nxos") {
    if (line === "exit") {
      if (path.length) path.pop();
      else leaveConfig();
      return "";
    }
    if (line === "end") {
      leaveConfig();
      return "";
    }
    if (["show", "copy", "terminal", "configure"].includes(w[0])) return errorUnknown(line);
    // no candidate: the line is live as soon as it is accepted
    editTree(line);
    state.running = clone(candidate);
    persist();
    return "";
  }
  if (vendor === "eos") {
    if (line === "commit") {
      commit();
      leaveConfig();
      return "";
    }
    if (line === "abort") {
      state.log.push({ event: "abort" });
      persist();
      leaveConfig();
      return "";
    }
    if (line === "exit") {
      if (path.length) path.pop();
      return "";
    }
    if (line === "end") {
      // leaves the session; its changes stay pending, not live
      leaveConfig();
      return "";
    }
    if (["show", "copy", "terminal", "configure"].includes(w[0])) return errorUnknown(line);
    editTree(line);
    dirty = true;
    return "";
  }
  // junos
  if (line === "commit" || line === "commit and-quit") {
    commit();
    if (line === "commit and-quit") {
      leaveConfig();
      return "commit complete\nExiting configuration mode\n";
    }
    return "commit complete\n";
  }
  if (line === "rollback 0") {
    candidate = clone(state.running);
    dirty = false;
    state.log.push({ event: "rollback" });
    persist();
    return "load complete\n";
  }
  if (line === "exit configuration-mode" || line === "exit" || line === "quit") {
    if (dirty) {
      ask("The configuration has been changed but not committed\nExit with uncommitted changes? [yes,no] (yes) ", (a) => {
        if (/^n/i.test(a)) return "";
        leaveConfig();
        return "Exiting configuration mode\n";
      });
      return undefined;
    }
    leaveConfig();
    return "Exiting configuration mode\n";
  }
  if (w[0] === "set" && w.length >= 3) {
    if (!candidate.includes(line)) candidate.push(line);
    dirty = true;
    return "";
  }
  if (w[0] === "delete" && w.length >= 2) {
    const what = "set " + line.slice("delete ".length);
    const before = candidate.length;
    candidate = candidate.filter((l) => l !== what && !l.startsWith(what + " "));
    if (candidate.length === before) return "warning: statement not found\n";
    dirty = true;
    return "";
  }
  return errorUnknown(line);
}

function returnToUser() {
  if (dirty) {
    ask("Warning: Uncommitted configurations found. Are you sure to commit them before exiting? [Y(yes)/N(no)/C(cancel)]:", (a) => {
      if (/^c/i.test(a)) return "";
      if (/^y/i.test(a)) commit();
      leaveConfig();
      return "";
    });
    return undefined;
  }
  leaveConfig();
  return "";
}

function ask(text, onAnswer) {
  pendingQuestion = { onAnswer };
  out(text);
}

function handle(raw) {
  const line = raw.replace(/\s+$/, "").replace(/^\s+/, "");
  if (more) {
    // any key shows the next page (a space, or a line typed while paging: it is eaten, as on a device)
    const next = more.lines.slice(more.at, more.at + PAGE);
    more.at += PAGE;
    out("\n" + next.join("\n") + "\n");
    if (more.at < more.lines.length) {
      out(MORE[vendor]);
      return;
    }
    more = undefined;
    out(prompt());
    return;
  }
  if (pendingQuestion) {
    const q = pendingQuestion;
    pendingQuestion = undefined;
    const text = q.onAnswer(line);
    out(text);
    if (!pendingQuestion) out(prompt());
    return;
  }
  if (line === "") {
    out(prompt());
    return;
  }
  state.log.push({ mode, line });
  const text = mode === "exec" ? operational(line) : configuration(line);
  persist();
  if (text === undefined) return; // a question or a page is waiting
  out(text);
  out(prompt());
}

// An exec channel: one command, its output, exit.
if (process.env.SSH_ORIGINAL_COMMAND) {
  paging = false;
  const cmd = process.env.SSH_ORIGINAL_COMMAND.trim();
  const text = operational(cmd);
  persist();
  out(text ?? "");
  process.exit(text !== undefined && /(^Error:|^% |syntax error)/m.test(text) ? 1 : 0);
}

out(vendor === "vrp" ? "Info: The max number of VTY users is 21.\n" : vendor === "junos" ? "--- JUNOS 23.4R1 built 2023-12-20\n" : "");
out(prompt());
let buffer = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buffer += chunk;
  let i;
  while ((i = buffer.search(/[\r\n]/)) >= 0) {
    const line = buffer.slice(0, i);
    buffer = buffer.slice(i + 1).replace(/^\n/, "");
    handle(line);
  }
});
process.stdin.on("end", () => process.exit(0));
