/**
 * The Content Security Policy of the app window, sent as a header by electron/main and by the
 * end-to-end test bridge (renderer/index.html carries the directives a meta tag can hold).
 * No inline scripts, no eval, no remote content. Mantine needs inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
