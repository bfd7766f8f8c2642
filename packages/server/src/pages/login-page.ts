import { escapeHtml as e } from '@faultline/report';

export function renderLoginPage(error?: string, next = '/runs'): string {
  return (
    `${error ? `<p class="error">${e(error)}</p>` : ''}<form method="post" action="/login" class="login">` +
    `<input type="hidden" name="next" value="${e(next)}">` +
    `<label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>` +
    `<button>Log in</button></form><p class="muted">The operator token was given to <code>faultline serve --token</code>; a viewer token to <code>--viewer-token</code>.</p>`
  );
}
