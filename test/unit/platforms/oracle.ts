/**
 * A small syntax checker per platform for rendered configuration: does any free text break out of its
 * place? Used by the device-text tests and the property suite (test/unit/property/). It knows only what
 * matters for that question:
 *
 *  - every platform: no character that model/text.ts forbids (no line break, tab, escape, C1 control,
 *    bidi control, zero-width character) anywhere in a line, so one line stays one command;
 *  - junos: each line tokenizes (words, double-quoted strings with backslash escapes); no quote is left
 *    open, no backslash outside quotes, no `?`;
 *  - huawei-vrp, cisco-nxos, arista-eos, frr: a `description` / `name` runs to the end of the line, so
 *    the text may not start or end with a space and holds no `?` or `"` (nor `;`/`|` on NX-OS);
 *  - the exec scripts (frr's and ovs's wrap) are POSIX sh: every quote closes, and nothing is expanded
 *    (no `$`, backquote or unquoted shell operator coming from text).
 */
import { FORBIDDEN_CHARACTER } from "../../../model/text";
import type { PlatformName } from "../../../model/types";

/** Tokens of a Junos set line, quotes removed and escapes resolved; throws on broken quoting. */
export function junosTokens(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === " ") {
      i++;
      continue;
    }
    if (c === '"') {
      let tok = "";
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated quote in: ${line}`);
        const d = line[i]!;
        if (d === "\\") {
          if (i + 1 >= line.length) throw new Error(`backslash at the end of: ${line}`);
          tok += line[i + 1];
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          tok += d;
          i++;
        }
      }
      if (i < line.length && line[i] !== " ") throw new Error(`text right after a closing quote in: ${line}`);
      out.push(tok);
      continue;
    }
    let tok = "";
    while (i < line.length && line[i] !== " ") {
      if (line[i] === '"' || line[i] === "\\") throw new Error(`a quote or backslash inside a word in: ${line}`);
      tok += line[i];
      i++;
    }
    out.push(tok);
  }
  return out;
}

/** Words of a POSIX sh command line without expansions; throws on an open quote or anything that would expand. */
export function shWords(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  let cur: string | undefined;
  const flush = () => {
    if (cur !== undefined) out.push(cur);
    cur = undefined;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === " ") {
      flush();
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      cur = (cur ?? "") + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === "\\") {
      // a backslash outside quotes makes the next character literal ('\'' inside a quoted word)
      if (i + 1 >= line.length) throw new Error(`backslash at the end of: ${line}`);
      cur = (cur ?? "") + line[i + 1];
      i += 2;
    } else if (c === '"' || c === "`" || c === "$" || /[;&|<>()*?[\]{}~#]/.test(c)) {
      throw new Error(`${c} outside single quotes (the shell would expand or act on it) in: ${line}`);
    } else {
      cur = (cur ?? "") + c;
      i++;
    }
  }
  flush();
  return out;
}

/**
 * `shWords`, but the fixed parts of the frr wrap (`$(mktemp)`, `"$f"`, `"$n"`, `$?`, `&&`, `;`) are allowed: vtysh's
 * lines, then (optionally) nft's lines, the checks, the applies, keepalived's lines for citydc-vrrp, nft's apply.
 */
function frrScriptWords(script: string): string[] {
  const m =
    /^f=\$\(mktemp\) && n=\$\(mktemp\) && printf '%s\\n' (.*) > "\$f" && vtysh -C -f "\$f"(?: && printf '%s\\n' (.*) > "\$n" && nft -c -f "\$n")? && vtysh -f "\$f" && vtysh -c 'write memory'(?: && citydc-vrrp (.*?))?(?: && nft -f "\$n")?; rc=\$\?; rm -f "\$f" "\$n"; exit \$rc$/.exec(script);
  if (!m) throw new Error(`unexpected frr script shape: ${script.slice(0, 200)}`);
  return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).flatMap((x) => shWords(x));
}

const LINE_TEXT = /^\s*(?:description|name|(?:neighbor|peer) \S+ description) (.*)$/;

/** Problems of a device's rendered lines (apply lines of its objects, or its wrapped script). [] when clean. */
export function syntaxProblems(platform: PlatformName, lines: readonly string[], kind: "lines" | "script" = "lines"): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    const bad = FORBIDDEN_CHARACTER.exec(line);
    if (bad) problems.push(`U+${bad[0].codePointAt(0)!.toString(16)} in: ${JSON.stringify(line)}`);
    try {
      if (kind === "script" && platform === "frr") {
        for (const w of frrScriptWords(line)) problems.push(...syntaxProblems("frr", [w]));
        continue;
      }
      if (platform === "ovs" && /^# /.test(line)) continue; // a comment of the rendered .sh (one line: no line break got in)
      if (kind === "script" && platform === "ovs") {
        shWords(line);
        continue;
      }
      if (platform === "junos") {
        junosTokens(line);
        if (/\?/.test(line)) problems.push(`? in: ${line}`);
        continue;
      }
      if (platform === "ovs") {
        shWords(line);
        continue;
      }
      const m = LINE_TEXT.exec(line);
      if (m) {
        const text = m[1]!;
        if (text !== text.trim() || text === "") problems.push(`text with a leading or trailing space, or empty, in: ${JSON.stringify(line)}`);
        if (/["?]/.test(text)) problems.push(`? or " in text: ${line}`);
        if (platform === "cisco-nxos" && /[;|]/.test(text)) problems.push(`; or | in NX-OS text: ${line}`);
      }
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return problems;
}

/** The description text of a rendered line, as the device reads it (unquoted, unescaped for Junos); undefined when the line has none. */
export function descriptionOf(platform: PlatformName, line: string): string | undefined {
  if (platform === "junos") {
    const t = junosTokens(line);
    const at = t.indexOf("description");
    return at >= 0 ? t[at + 1] : undefined;
  }
  const m = /^\s*(?:description|(?:neighbor|peer) \S+ description) (.*)$/.exec(line);
  return m?.[1];
}
