/**
 * The report as the host reads it: a pass let in on two devices shows as a finding, the finding
 * opens onto the entries behind it, and the report's CSV carries it.
 */
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { BASE_URL, E2E_HOST_TOKEN } from "./support/env.js";
import { HostApi } from "./support/server.js";

const api = new HostApi();

/** A device enrolled and pushing over plain HTTP, as a scripted kiosk would. */
async function device(eventId: string, label: string) {
  const { code } = await api.enrollment(eventId, "door");
  const res = await fetch(`${BASE_URL}/api/v1/enroll`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, label }) });
  const d = (await res.json()) as { deviceId: string; token: string };
  let seq = 0;
  return {
    async admit(passId: string, at: number) {
      seq++;
      const entry = { id: `${d.deviceId}-${seq}`, deviceId: d.deviceId, seq, type: "admit", at, passId, data: { verdict: "ADMIT" } };
      const r = await fetch(`${BASE_URL}/api/v1/sync/push`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${d.token}` },
        body: JSON.stringify({ entries: [entry] }),
      });
      expect(r.status).toBe(200);
    },
  };
}

test("report: a pass admitted on two devices is a finding, with its entries and in the CSV", async ({ browser }) => {
  const event = await api.createEvent({ name: "Report e2e" });
  const [ada] = await api.issuePasses(event.id, [{ holder: "Ada Lovelace", tier: "GA" }, { holder: "Alan Turing", tier: "GA" }]);
  const front = await device(event.id, "Front door");
  const side = await device(event.id, "Side door");
  const now = Date.now();
  await front.admit(ada!.id, now - 120_000);
  await side.admit(ada!.id, now - 60_000);

  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(`/host?event=${event.id}&tab=report#token=${E2E_HOST_TOKEN}`);
    await expect(page.getByRole("status").filter({ hasText: "Complete" })).toBeVisible();
    const finding = page.locator("section.host-finding", { has: page.getByRole("heading", { name: /Passes admitted more than once/ }) });
    await expect(finding).toContainText("Ada Lovelace");
    await expect(finding).toContainText("on different devices");
    await finding.getByRole("button", { name: "Show entries of pass Ada Lovelace" }).click();
    const entries = finding.getByRole("table", { name: /Entries of pass Ada Lovelace/ });
    await expect(entries.getByRole("row")).toHaveCount(3);
    await expect(entries).toContainText("Front door");
    await expect(entries).toContainText("Side door");
    await expect(page.getByText("50% 1 of 2 valid passes")).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the report (CSV)" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n").filter((l) => l.startsWith("duplicate admissions,admitted again"))).toHaveLength(1);
  } finally {
    await context.close();
  }
});
