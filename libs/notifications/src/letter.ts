/** A rendered letter: what nodemailer sends, with a plain-text and an HTML part. */
export interface Letter {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A link a letter asks the reader to follow (a client's answer form). */
export interface LetterLink {
  label: string;
  url: string;
}

/**
 * Wraps paragraphs of plain text into the CJG's simple HTML letter layout; a link goes after
 * the paragraph at `link.after` (default: the second).
 */
export function htmlLetter(
  title: string,
  paragraphs: readonly string[],
  link?: LetterLink & { after?: number },
): string {
  const parts = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (link) {
    parts.splice(
      (link.after ?? 1) + 1,
      0,
      `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    );
  }
  const body = parts.join('\n    ');
  return `<!doctype html>
<html lang="nl">
  <head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
  <body style="font-family: sans-serif; line-height: 1.5">
    ${body}
  </body>
</html>
`;
}
