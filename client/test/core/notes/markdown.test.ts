/**
 * A note's markdown is written by one analyst and read by others: whatever it holds, the HTML it
 * renders to carries no script, no event handler, no live dangerous link and no image to fetch.
 */
import { describe, expect, it } from 'vitest';
import { isSafeLink, renderNote } from '../../../src/core/notes/markdown.ts';

/** what would be live in a browser: a tag other than the few markdown makes, a handler, a bad URL */
function liveParts(html: string): string[] {
  const found: string[] = [];
  const allowed = new Set([
    'p',
    'a',
    'em',
    'strong',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'blockquote',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'span',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
  ]);
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, tag = '', attrs = ''] = m;
    if (!allowed.has(tag.toLowerCase())) found.push(`tag ${tag}`);
    // attributes are name="value" pairs with the value escaped: any other name is a fault
    const rest = attrs.replace(/\s([\w-]+)="([^"]*)"/g, (_all, name: string, value: string) => {
      if (!['href', 'title', 'target', 'rel', 'class'].includes(name)) found.push(`${name} in ${tag}`);
      if (name === 'href' && !isSafeLink(value)) found.push(`href=${value}`);
      return '';
    });
    if (rest.trim() && rest.trim() !== '/') found.push(`unparsed ${rest} in ${tag}`);
  }
  return found;
}

describe('renderNote', () => {
  it('has a checker that sees live parts (so the hostile cases below can fail)', () => {
    expect(liveParts('<p><img src="x" onerror="alert(1)"></p>')).toEqual(['tag img', 'src in img', 'onerror in img']);
    expect(liveParts('<a href="javascript:alert(1)">x</a>')).toEqual(['href=javascript:alert(1)']);
    expect(liveParts('<a href=x onclick=y>x</a>').length).toBeGreaterThan(0);
  });

  it('renders the markdown an analyst writes', () => {
    const html = renderNote('**Seen** in *Manila*\n\n- one\n- two\n\n`code` and [report](https://example.org/r)');
    expect(html).toContain('<strong>Seen</strong>');
    expect(html).toContain('<em>Manila</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain(
      '<a href="https://example.org/r" target="_blank" rel="noopener noreferrer nofollow">report</a>',
    );
    expect(liveParts(html)).toEqual([]);
  });

  const hostile: Array<[string, string]> = [
    ['a script tag', '<script>alert(1)</script>'],
    ['an inline handler', '<img src=x onerror="alert(1)">'],
    ['a handler in a nested tag', '<div><span onmouseover="alert(1)">hover</span></div>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a mixed-case javascript: link', '[click](JaVaScRiPt:alert(1))'],
    ['an entity-encoded javascript: link', '[click](&#106;avascript:alert(1))'],
    ['a javascript: link with a tab', '[click](java\tscript:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '[click](vbscript:msgbox(1))'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a reference link to javascript:', '[click][x]\n\n[x]: javascript:alert(1)'],
    ['an image from another origin', '![tracker](https://evil.example/pixel.png)'],
    ['a data: image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
    ['an image with a javascript: src', '![x](javascript:alert(1))'],
    ['HTML in inline code', '`<script>alert(1)</script>`'],
    ['HTML in a fenced code block', '```html\n<img src=x onerror=alert(1)>\n```'],
    ['an HTML block', '<details open ontoggle=alert(1)>\n\nx\n\n</details>'],
    ['a style attribute', '<p style="background:url(https://evil.example/)">x</p>'],
    ['a link title that closes the attribute', '[x](https://example.org "a\\" onmouseover=\\"alert(1)")'],
    ['an SVG', '<svg><script>alert(1)</script></svg>'],
  ];
  it.each(hostile)('leaves nothing live from %s', (_what, text) => {
    const html = renderNote(text);
    expect(liveParts(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|img|iframe|svg|details|div)\b/i);
  });

  it('shows raw HTML as the text it is', () => {
    expect(renderNote('<b>bold?</b>')).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(renderNote('`<script>`')).toContain('<code>&lt;script&gt;</code>');
  });

  it('turns an image into a link to follow by choice, never a picture', () => {
    const html = renderNote('![map of the site](https://example.org/map.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a class="note-image" href="https://example.org/map.png"');
    expect(html).toContain('[image: map of the site]');
    // a data: image is not even a link: it stays the text it was written as
    expect(renderNote('![x](data:image/png;base64,AAAA)')).toBe('<p>![x](data:image/png;base64,AAAA)</p>\n');
    expect(renderNote('![x](#frag)')).toContain('<span class="note-image">[image: x]</span>');
  });

  it('keeps in-page fragments without opening a tab, and drops other relative links', () => {
    expect(renderNote('[up](#top)')).toContain('<a href="#top">up</a>');
    expect(renderNote('[x](/api/users)')).not.toContain('<a');
    expect(renderNote('[x](//evil.example/)')).not.toContain('<a');
  });
});

describe('isSafeLink', () => {
  it.each(['https://example.org', 'http://example.org/a?b=c', 'mailto:a@example.org', '#section-2'])(
    'keeps %s',
    (href) => expect(isSafeLink(href)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    '/x',
    '//evil.example',
    '',
  ])('refuses %s', (href) => expect(isSafeLink(href)).toBe(false));
});
