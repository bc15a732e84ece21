/**
 * A page of the docs as a list of blocks (headings, paragraphs, tables, lists, pictures, code, Mermaid),
 * written once and rendered twice: as Markdown (GitHub, GitLab, a pull request) and as HTML (the static
 * site, opened from disk). Pictures are inlined into the HTML (so the page needs no server and its text is
 * in the DOM) and linked from the Markdown.
 */

/** Inline text: plain text, a link or code. */
export type Inline = string | { readonly text: string; readonly href: string } | { readonly code: string };
export type Text = Inline | readonly Inline[];

export type Block =
  | { readonly h: 1 | 2 | 3; readonly text: string }
  | { readonly p: Text }
  | { readonly list: readonly Text[] }
  | { readonly table: { readonly head: readonly string[]; readonly rows: readonly (readonly Text[])[] } }
  /** A picture: `file` relative to the page; `svg` its text, inlined into the HTML. */
  | { readonly picture: { readonly file: string; readonly alt: string; readonly svg: string } }
  | { readonly code: string; readonly lang?: string }
  /** Mermaid text: a diagram in the Markdown, left out of the HTML (which shows the SVG). */
  | { readonly mermaid: string };

export interface Page {
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Link back to the index, relative to the page ("index.html" or "../index.html"). */
  readonly home?: string;
}

const list = (t: Text): readonly Inline[] => (Array.isArray(t) ? (t as readonly Inline[]) : [t as Inline]);

// ------------------------------------------------------------------ Markdown

function mdEscape(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/([*_`[\]|<>#])/g, "\\$1");
}

function mdInline(t: Text, inTable = false): string {
  return list(t)
    .map((i) => {
      if (typeof i === "string") return mdEscape(i);
      if ("code" in i) return "`" + i.code.replace(/`/g, "'").replace(/\|/g, inTable ? "\\|" : "|") + "`";
      return `[${mdEscape(i.text)}](${encodeURI(i.href)})`;
    })
    .join("");
}

export function toMarkdown(page: Page): string {
  const out: string[] = [`# ${mdEscape(page.title)}`];
  for (const b of page.blocks) {
    out.push("");
    if ("h" in b) out.push(`${"#".repeat(b.h + 1)} ${mdEscape(b.text)}`);
    else if ("p" in b) out.push(mdInline(b.p));
    else if ("list" in b) out.push(...(b.list.length ? b.list.map((t) => `- ${mdInline(t)}`) : ["(none)"]));
    else if ("table" in b) {
      if (b.table.rows.length === 0) {
        out.push("(none)");
        continue;
      }
      out.push(`| ${b.table.head.map((h) => mdEscape(h)).join(" | ")} |`, `|${b.table.head.map(() => " --- ").join("|")}|`);
      for (const r of b.table.rows) out.push(`| ${r.map((c) => mdInline(c, true).replace(/\n/g, " ") || " ").join(" | ")} |`);
    } else if ("picture" in b) out.push(`![${mdEscape(b.picture.alt)}](${encodeURI(b.picture.file)})`);
    else if ("code" in b) out.push("```" + (b.lang ?? ""), b.code.replace(/\n$/, ""), "```");
    else if ("mermaid" in b) out.push("```mermaid", b.mermaid.replace(/\n$/, ""), "```");
  }
  return out.join("\n") + "\n";
}

// ------------------------------------------------------------------ HTML

export function html(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function htmlInline(t: Text): string {
  return list(t)
    .map((i) => (typeof i === "string" ? html(i) : "code" in i ? `<code>${html(i.code)}</code>` : `<a href="${html(encodeURI(i.href))}">${html(i.text)}</a>`))
    .join("");
}

/** An SVG file's text without its XML declaration and doctype, to sit inside an HTML page. */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, "")
    .replace(/<!DOCTYPE[^>]*>\s*/, "")
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .trim();
}

const STYLE = `body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#212529;max-width:1400px}
table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ced4da;padding:3px 8px;text-align:left;font-size:13px;vertical-align:top}
th{background:#f1f3f5}code,pre{font-family:"DejaVu Sans Mono",monospace;font-size:12px}pre{background:#f8f9fa;padding:8px;overflow:auto}
figure{margin:8px 0 16px;overflow:auto}figure svg{max-width:100%;height:auto}nav{font-size:13px;margin-bottom:8px}`;

export function toHtml(page: Page): string {
  const out: string[] = ["<!DOCTYPE html>", `<html lang="en">`, "<head>", `<meta charset="utf-8">`, `<title>${html(page.title)}</title>`, `<style>${STYLE}</style>`, "</head>", "<body>"];
  if (page.home) out.push(`<nav><a href="${html(page.home)}">city overview</a></nav>`);
  out.push(`<h1>${html(page.title)}</h1>`);
  for (const b of page.blocks) {
    if ("h" in b) out.push(`<h${b.h + 1}>${html(b.text)}</h${b.h + 1}>`);
    else if ("p" in b) out.push(`<p>${htmlInline(b.p)}</p>`);
    else if ("list" in b) out.push(b.list.length ? `<ul>${b.list.map((t) => `<li>${htmlInline(t)}</li>`).join("")}</ul>` : "<p>(none)</p>");
    else if ("table" in b) {
      if (b.table.rows.length === 0) {
        out.push("<p>(none)</p>");
        continue;
      }
      out.push("<table>", `<tr>${b.table.head.map((h) => `<th>${html(h)}</th>`).join("")}</tr>`);
      for (const r of b.table.rows) out.push(`<tr>${r.map((c) => `<td>${htmlInline(c)}</td>`).join("")}</tr>`);
      out.push("</table>");
    } else if ("picture" in b) out.push(`<figure>`, inlineSvg(b.picture.svg), `<figcaption><a href="${html(encodeURI(b.picture.file))}">${html(b.picture.alt)} (SVG)</a></figcaption>`, `</figure>`);
    else if ("code" in b) out.push(`<pre>${html(b.code)}</pre>`);
  }
  out.push("</body>", "</html>");
  return out.join("\n") + "\n";
}
