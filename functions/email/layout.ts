import { html, raw, type SafeHtml } from "./html";

/**
 * The shared frame of every email: a 600px table layout with inline styles only, no scripts,
 * no web fonts, so it renders the same in Gmail, Outlook and Apple Mail.
 */

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
export const EMAIL_COLORS = { ink: "#1d2433", muted: "#5b6475", accent: "#2f6f5e", track: "#e6ebe9", bg: "#f4f6f5" };

export interface EmailFrame {
  /** Shown as the document title and, hidden, as the inbox preview line. */
  title: string;
  preheader: string;
  body: SafeHtml;
  /** Small print under the card: why they got it, unsubscribe. */
  footer?: SafeHtml;
}

export function renderEmailFrame(frame: EmailFrame): string {
  const c = EMAIL_COLORS;
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${frame.title}</title></head>
<body style="margin:0;padding:0;background:${c.bg};">
<div style="display:none;max-height:0;overflow:hidden;">${frame.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${c.bg};"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;">
<tr><td style="padding:20px 28px 0 28px;${raw(FONT)}font-size:14px;font-weight:700;color:${c.accent};letter-spacing:0.04em;">MISTVINE</td></tr>
<tr><td style="padding:8px 28px 28px 28px;${raw(FONT)}font-size:15px;line-height:1.5;color:${c.ink};">${frame.body}</td></tr>
</table>
${frame.footer ? html`<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;"><tr><td style="padding:16px 28px;${raw(FONT)}font-size:12px;line-height:1.5;color:${c.muted};">${frame.footer}</td></tr></table>` : ""}
</td></tr></table>
</body></html>`.value;
}

/** A heading inside the card. */
export function emailHeading(text: string, level: 1 | 2 = 2): SafeHtml {
  const size = level === 1 ? 22 : 17;
  return html`<h${level} style="${raw(FONT)}font-size:${size}px;line-height:1.3;margin:20px 0 8px 0;color:${EMAIL_COLORS.ink};">${text}</h${level}>`;
}

export function emailParagraph(content: SafeHtml | string): SafeHtml {
  return html`<p style="margin:0 0 12px 0;">${content}</p>`;
}

/** A button-like link that survives clients which strip CSS (it is still a plain link). */
export function emailButton(href: string, label: string): SafeHtml {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0;"><tr><td style="background:${EMAIL_COLORS.accent};border-radius:6px;"><a href="${href}" style="display:inline-block;padding:10px 18px;${raw(FONT)}font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;">${label}</a></td></tr></table>`;
}

/**
 * Horizontal bars as table cells: each row shows the label, a bar of width value% and the
 * number, so the chart reads even with images and styles off.
 */
export function emailBarTable(rows: readonly { label: string; value: number; note?: string }[], max = 100): SafeHtml {
  const c = EMAIL_COLORS;
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:8px 0 16px 0;">${rows.map((r) => {
    const pct = Math.max(0, Math.min(100, Math.round((r.value / max) * 100)));
    return html`<tr>
<td style="padding:6px 8px 6px 0;${raw(FONT)}font-size:14px;width:38%;">${r.label}</td>
<td style="padding:6px 0;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>${pct > 0 ? html`<td width="${pct}%" style="background:${c.accent};height:12px;font-size:0;line-height:0;">&nbsp;</td>` : ""}${pct < 100 ? html`<td style="background:${c.track};height:12px;font-size:0;line-height:0;">&nbsp;</td>` : ""}</tr></table></td>
<td style="padding:6px 0 6px 8px;${raw(FONT)}font-size:14px;font-weight:700;text-align:right;white-space:nowrap;width:64px;">${r.value}${r.note ? html`<br><span style="font-weight:400;color:${c.muted};font-size:12px;">${r.note}</span>` : ""}</td>
</tr>`;
  })}</table>`;
}

export function emailList(items: readonly string[]): SafeHtml {
  return html`<ul style="margin:0 0 12px 0;padding-left:20px;">${items.map((i) => html`<li style="margin:0 0 6px 0;">${i}</li>`)}</ul>`;
}

/** A text-part bar: ten cells, filled in proportion to value/max. */
export function textBar(value: number, max = 100): string {
  const filled = Math.max(0, Math.min(10, Math.round((value / max) * 10)));
  return "#".repeat(filled) + "-".repeat(10 - filled);
}
