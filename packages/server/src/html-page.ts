import { escapeHtml as e } from '@faultline/report';
import type { Principal } from './auth.js';

/**
 * The dashboard's own pages: no inline script or style at all, so the CSP can forbid both.
 * Charts are SVG with presentation attributes (not style attributes) for the same reason.
 */
export const dashboardCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const nav: Array<[string, string]> = [
  ['/live', 'Live'],
  ['/runs', 'Runs'],
  ['/findings', 'Findings'],
  ['/trends', 'Trends'],
  ['/library', 'Library'],
];

export interface PageOptions {
  title: string;
  active?: string;
  principal?: Principal;
  scripts?: string[];
}

/** The frame of every dashboard page around already-escaped body HTML. */
export function htmlPage(body: string, options: PageOptions): string {
  const { principal } = options;
  const links = nav
    .map(([href, label]) => `<a href="${href}"${href === options.active ? ' class="active"' : ''}>${label}</a>`)
    .join('');
  const who = principal
    ? `<span class="role">${e(principal.role)}</span>` +
      (principal.session
        ? `<form method="post" action="/logout" class="inline">${csrfField(principal)}<button>Log out</button></form>`
        : '')
    : '';
  const scripts = (options.scripts ?? []).map((src) => `<script src="${e(src)}" defer></script>`).join('');
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(options.title)} · Faultline</title><link rel="stylesheet" href="/static/app.css">${scripts}</head>` +
    `<body><header><strong class="brand">Faultline</strong><nav>${principal ? links : ''}</nav><span class="who">${who}</span></header>` +
    `<main><h1>${e(options.title)}</h1>${body}</main></body></html>`
  );
}

/** The hidden field every state-changing form carries. */
export function csrfField(principal: Principal | undefined): string {
  return principal?.session ? `<input type="hidden" name="csrf" value="${e(principal.session.csrf)}">` : '';
}
