import { expect, test } from "@playwright/test";

test("the app page loads and the API answers", async ({ page, request }) => {
  const health = await request.get("/api/v1/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).ok).toBe(true);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Doorlist" })).toBeVisible();
});
