/** Where the end-to-end server listens and the host token it is started with (playwright.config.ts). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);
export const E2E_HOST_TOKEN = "e2e-host-token-0123456789abcdef";
export const BASE_URL = `http://localhost:${E2E_PORT}`;
