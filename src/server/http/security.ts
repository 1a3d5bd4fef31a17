import type { MiddlewareHandler } from "hono";

/**
 * The app needs only its own origin: scripts, styles, the service worker, the API. QR images are
 * data: URLs, and WebAssembly is not used by the browser side. Styles allow 'unsafe-inline'
 * because React style props and the print sheet set inline styles; scripts never do, so an
 * injected holder name can never run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  // Enrollment links carry their code in the query string: never leak it to another site.
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  // The scanner needs the camera of this origin; nothing needs the microphone or location.
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * On every response, API and app alike, errors included. HSTS only when this process serves TLS
 * itself; behind a reverse proxy, the proxy that terminates TLS should send it.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (new URL(c.req.url).protocol === "https:") c.res.headers.set("Strict-Transport-Security", "max-age=15552000");
    // API answers are per caller and may hold tokens (enrollment): never cache them anywhere.
    if (c.req.path.startsWith("/api/")) c.res.headers.set("Cache-Control", "no-store");
  };
}
