/**
 * What the configuration-text platforms share (Huawei VRP, NX-OS, EOS, FRR's vtysh): the session script
 * built from the platform's ShellDialect, the patch that turns an old object into a new one built from
 * the platform's ChangeSyntax, and the line read-back. A platform file holds only its syntax and quirks:
 * its renderer, its dialect, its change syntax, its full-configuration layout, and a `quirk` hook for
 * the changes only it needs.
 *
 * Patching, for objects whose re-applied lines would not undo the old state:
 *   - a port or LAG that changes role (mode, LAG membership) is removed and applied again;
 *   - inside an interface: VLANs taken off an additive trunk list (VRP), a native VLAN dropped, a
 *     description, an MTU, a speed, a spanning-tree role or a multi-chassis membership dropped get their
 *     undo lines before the section's exit line (unless the new lines already hold them);
 *   - a gateway whose VRRP group id changes has the old group removed first; one whose priority goes
 *     back to the platform's default (which citydc never writes) gets the line that resets it;
 *   - BGP: a new AS number replaces the process; neighbours and networks that are gone are removed.
 */
import { bgpRemoved, displayText, lineReadBack, removedVlans, roleChanged, buildObjects, type Renderer } from "./common";
import type { ConfigObject, Platform, ReadBackResult, RunningConfig, ShellDialect } from "./types";
import type { DeviceIntent } from "../intent/types";
import type { PlatformName } from "../model/types";
import type { PlatformCapabilities } from "../model/capabilities";

/** The words a platform uses to patch a section, as data. */
export interface ChangeSyntax {
  /** The line that leaves a section ("quit", "exit"). */
  readonly exit: string;
  /** Indent of lines inside an interface section. */
  readonly indent: string;
  /** The negation word ("undo", "no"). */
  readonly no: string;
  /** The interface that carries a VLAN's gateway ("Vlanif120", "Vlan120"). */
  readonly vlanInterface: (vlan: number) => string;
  /** The words that name VRRP group `vrid` inside that interface ("vrrp vrid 1", "vrrp 1"). */
  readonly vrrpGroup: (vrid: number) => string;
  /** The words that set a trunk's native VLAN ("port trunk pvid vlan", "switchport trunk native vlan"). */
  readonly nativeVlan: string;
  /** Where a trunk's allowed list is additive (re-applying never removes a VLAN): the lines (without negation) that name the VLANs removed. */
  readonly additiveTrunk?: (gone: readonly number[]) => string[];
  /**
   * Lines inside an interface that take a setting away when the new object no longer has it (the old one
   * did): MTU, speed, spanning-tree role, multi-chassis membership. Given the old object's fields.
   */
  readonly unset?: Partial<Record<"mtu" | "speed" | "stpEdge" | "stpGuard" | "mlag" | "peerLink", (old: ConfigObject["fields"]) => string[]>>;
  /** The VRRP priority the platform uses when none is set; it hides it, so citydc does not write it. */
  readonly defaultVrrpPriority?: number;
  /** Lines inside the VLAN interface that put group `vrid` back to the default priority. */
  readonly vrrpDefaultPriority?: (vrid: number) => string[];
  readonly bgp: {
    /** The line that enters the BGP process. */
    readonly header: (asn: number) => string;
    /** Indent of the lines inside it. */
    readonly indent: string;
    /** The words that name a neighbour ("peer 10.0.0.1", "neighbor 10.0.0.1"). */
    readonly neighbor: (address: string) => string;
    /** The words that name a network ("network 10.1.0.0 255.255.0.0", "network 10.1.0.0/16"). */
    readonly network: (prefix: string) => string;
    /** Networks live in an address family: its enter and exit lines and the indent inside it. */
    readonly addressFamily?: { readonly enter: string; readonly exit: string; readonly indent: string };
  };
}

/** One configuration-text platform, described by data and its renderer. */
export interface CliPlatformSpec {
  readonly name: PlatformName;
  readonly capabilities: PlatformCapabilities;
  readonly renderer: Renderer;
  readonly dialect: ShellDialect;
  readonly change: ChangeSyntax;
  /** Lines of `apply` that a device never displays (defaults, navigation): not compared on read-back. */
  readonly notDisplayed: RegExp;
  /** The full configuration as the device displays it. */
  readonly fullConfig: (intent: DeviceIntent, objects: readonly ConfigObject[]) => string;
  /** The platform's own patches, tried before the shared ones; undefined: none applies. */
  readonly quirk?: (oldObject: ConfigObject, newObject: ConfigObject) => string[] | undefined;
  /** Session script (default: the dialect's enter, the lines, commit, exit, save). */
  readonly wrap?: (commands: readonly string[]) => string[];
  /** Merges lines the device combines or splits its own way (long VLAN lists), for the line read-back. */
  readonly fold?: (lines: readonly string[]) => string[];
  /** Displayed lines citydc owns inside its objects: shown but not intended is drift (a hand-set VRRP priority). */
  readonly owned?: RegExp;
  /** Read-back parser (default: every significant apply line must be displayed). */
  readonly parseReadBack?: (object: ConfigObject, output: string) => ReadBackResult;
  /** How the device shows its running configuration (the backups before and after a change). */
  readonly runningConfig: RunningConfig;
}

/** The script typed in one session: enter configuration mode, the lines, commit, leave, save. */
export function dialectScript(dialect: ShellDialect, commands: readonly string[]): string[] {
  if (commands.length === 0) return [];
  return [...dialect.enterConfig, ...commands, ...dialect.commit, ...dialect.exitConfig, ...dialect.save];
}

/** The shared patch (see the header), or undefined when re-sending `newObject.apply` does it. */
export function patchObject(s: ChangeSyntax, oldObject: ConfigObject, newObject: ConfigObject): string[] | undefined {
  const o = oldObject.fields;
  const n = newObject.fields;
  if (newObject.kind === "port" || newObject.kind === "lag") {
    if (roleChanged(oldObject, newObject)) return [...oldObject.remove, ...newObject.apply];
    const undo: string[] = [];
    const gone = s.additiveTrunk ? removedVlans(oldObject, newObject) : [];
    if (s.additiveTrunk && gone.length > 0) undo.push(...s.additiveTrunk(gone).map((l) => `${s.indent}${s.no} ${l}`));
    if (o.native !== undefined && n.native === undefined) undo.push(`${s.indent}${s.no} ${s.nativeVlan}`);
    if (o.description && !n.description) undo.push(`${s.indent}${s.no} description`);
    for (const [field, lines] of Object.entries(s.unset ?? {})) if (o[field] !== undefined && n[field] === undefined && lines) undo.push(...lines(o));
    const apply = newObject.apply;
    const wanted = undo.filter((u) => !apply.some((l) => l.trim() === u.trim()));
    if (wanted.length === 0) return undefined;
    const closes = apply.length > 0 && apply[apply.length - 1] === s.exit;
    return closes ? [...apply.slice(0, -1), ...wanted, s.exit] : [...apply, ...wanted];
  }
  if (newObject.kind === "gateway" && o.vrid !== undefined && n.vrid !== o.vrid) {
    return [s.vlanInterface(Number(o.vlan)), `${s.indent}${s.no} ${s.vrrpGroup(Number(o.vrid))}`, s.exit, ...newObject.apply];
  }
  if (newObject.kind === "gateway" && n.vrid !== undefined && o.priority !== n.priority && n.priority === s.defaultVrrpPriority && s.vrrpDefaultPriority) {
    // the default priority is never written, so re-applying would keep the old one
    return [...newObject.apply.slice(0, -1), ...s.vrrpDefaultPriority(Number(n.vrid)), s.exit];
  }
  if (newObject.kind === "acl" || newObject.kind === "qos") {
    // entries have sequence numbers and classes are referenced by policies: rebuilding is the one safe patch
    // (inside the platform's candidate or commit where it has one)
    return [...oldObject.remove, ...newObject.apply];
  }
  if (newObject.kind === "bgp") {
    if (o.asn !== n.asn) return [...oldObject.remove, ...newObject.apply];
    const gone = bgpRemoved(oldObject, newObject);
    if (gone.neighbors.length === 0 && gone.networks.length === 0) return undefined;
    const b = s.bgp;
    const af = b.addressFamily;
    const networks = gone.networks.map((p) => `${af ? af.indent : b.indent}${s.no} ${b.network(p)}`);
    return [
      b.header(Number(n.asn)),
      ...gone.neighbors.map((a) => `${b.indent}${s.no} ${b.neighbor(a)}`),
      ...(networks.length > 0 ? (af ? [af.enter, ...networks, af.exit] : networks) : []),
      s.exit,
      ...newObject.apply,
    ];
  }
  return undefined;
}

/** A Platform from its description. */
export function cliPlatform(spec: CliPlatformSpec): Platform {
  return {
    name: spec.name,
    capabilities: spec.capabilities,
    shell: spec.dialect,
    objects: (intent) => buildObjects(intent, spec.renderer),
    fullConfig: spec.fullConfig,
    wrap: spec.wrap ?? ((commands) => dialectScript(spec.dialect, commands)),
    change: (oldObject, newObject) => spec.quirk?.(oldObject, newObject) ?? patchObject(spec.change, oldObject, newObject),
    parseReadBack: spec.parseReadBack ?? ((object, output) => lineReadBack(object, output, spec.notDisplayed, spec.fold, spec.owned)),
    runningConfig: spec.runningConfig,
  };
}

/** A device's configuration as it displays it: a header, the objects' lines without navigation, separators, a footer. */
export function displayedConfig(header: readonly string[], objects: readonly ConfigObject[], navigation: RegExp, separator: string, footer: readonly string[] = []): string {
  return [...header, ...displayText(foldBindings(objects, navigation), navigation, separator), ...footer].join("\n") + "\n";
}

/**
 * QoS and ACL objects bind themselves inside interface and VLAN views (`interface Vlan130` + `ip access-group
 * ... in`); a device displays those lines inside the one stanza of that interface or VLAN. Each such stanza of a
 * qos or acl object moves into the stanza another object opens with the same line (the port, LAG, gateway or
 * VLAN); one that has none stays where it is.
 */
export function foldBindings(objects: readonly ConfigObject[], navigation: RegExp): ConfigObject[] {
  const binds = (o: ConfigObject): boolean => o.kind === "qos" || o.kind === "acl";
  if (!objects.some(binds)) return [...objects];
  const opened = new Map<string, string[]>();
  const out = objects.map((o) => (binds(o) ? o : { ...o, apply: [...o.apply] }));
  for (const o of out) if (!binds(o) && o.apply.length > 0 && /^(interface|vlan) /.test(o.apply[0]!) && !opened.has(o.apply[0]!)) opened.set(o.apply[0]!, o.apply as string[]);
  return out.map((o) => {
    if (!binds(o)) return o;
    const kept: string[] = [];
    let i = 0;
    while (i < o.apply.length) {
      const head = o.apply[i]!;
      let j = i + 1;
      while (j < o.apply.length && /^\s/.test(o.apply[j]!)) j++;
      const closes = j < o.apply.length && navigation.test(o.apply[j]!) && !/^\s/.test(o.apply[j]!);
      const target = /^(interface|vlan) /.test(head) ? opened.get(head) : undefined;
      if (target) {
        const body = o.apply.slice(i + 1, j);
        const at = target.length > 0 && navigation.test(target[target.length - 1]!) ? target.length - 1 : target.length;
        target.splice(at, 0, ...body);
        i = closes ? j + 1 : j;
      } else {
        kept.push(...o.apply.slice(i, j));
        i = j;
      }
    }
    return { ...o, apply: kept };
  });
}
