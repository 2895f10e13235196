/**
 * Notes are markdown written by analysts, and a note is read by others: its HTML must never carry
 * anything live. markdown-it with `html: false` escapes every raw tag; on top of that only http(s),
 * mailto and in-page links are kept (javascript:, data:, vbscript:, file: and the rest become
 * text), links open in a new tab without a referrer, and images are never drawn — an image from
 * another origin would tell its owner who read the note and when — but shown as a link to follow
 * by choice. The output is the only HTML the client sets from text it did not write itself.
 */
import MarkdownIt from 'markdown-it';

/** schemes a link in a note may have; a link without a scheme stays in the page (`#…`) only */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** true for a link target a note may keep (after markdown-it has normalised it) */
export function isSafeLink(href: string): boolean {
  const url = href.trim();
  if (SAFE_LINK.test(url)) return true;
  // a fragment of this page, nothing else relative: "/api/…" could be a state-changing GET one day
  return /^#[\w-]*$/.test(url);
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.validateLink = isSafeLink;

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && !String(token.attrGet('href') ?? '').startsWith('#')) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// an image becomes a link to it (when its address is safe) labelled with its alt text
md.renderer.rules.image = (tokens, idx, options, env) => {
  const token = tokens[idx];
  if (!token) return '';
  const alt = md.utils.escapeHtml(token.children ? md.renderer.renderInlineAsText(token.children, options, env) : '');
  const src = String(token.attrGet('src') ?? '');
  const label = `image${alt ? `: ${alt}` : ''}`;
  if (!isSafeLink(src) || src.startsWith('#')) return `<span class="note-image">[${label}]</span>`;
  return `<a class="note-image" href="${md.utils.escapeHtml(src)}" target="_blank" rel="noopener noreferrer nofollow">[${label}]</a>`;
};

/** The HTML of a note's markdown: no raw HTML, no script-bearing links, no images fetched. */
export function renderNote(text: string): string {
  return md.render(text);
}
