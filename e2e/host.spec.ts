/**
 * The host's whole evening, through the host console only: create an event, import a guest list,
 * enroll a door phone by its link, watch the door's scan arrive in the live view and in the log's
 * CSV, revoke a pass, and see the door refuse it after its next sync.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstPage, launchDevice, newProfileDir } from "./support/browser.js";
import { BASE_URL, E2E_HOST_TOKEN } from "./support/env.js";
import { writeY4m } from "./support/y4m.js";

const GUESTS = [
  "holder,tier,email",
  "Ada Lovelace,VIP,ada@example.org",
  '"Hopper, Grace",GA,',
  "Alan Turing,GA",
  ",GA,nobody@example.org",
  "Bob Backstage,BACKSTAGE",
  "Ada Lovelace,VIP,ada@example.org",
].join("\r\n");

interface ListedPass {
  id: string;
  code: string;
  holder: string;
}

async function passesOf(page: Page, eventId: string): Promise<ListedPass[]> {
  const res = await page.request.get(`${BASE_URL}/api/v1/events/${eventId}/passes?limit=100`, { headers: { authorization: `Bearer ${E2E_HOST_TOKEN}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { passes: ListedPass[] }).passes;
}

async function tab(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function typeCode(door: Page, code: string) {
  await door.getByLabel("Type a code").fill(code);
  await door.getByRole("button", { name: "Check" }).click();
}

async function syncDoor(door: Page) {
  await door.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(door.getByTestId("pending-count")).toHaveText("0", { timeout: 30_000 });
  await expect(door.getByRole("button", { name: "Sync", exact: true })).toBeEnabled({ timeout: 30_000 });
}

test("host console: event, import, enroll a door, live view, CSV, revoke reaches the door", async ({ browser }) => {
  test.setTimeout(150_000);
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const host = await hostContext.newPage();
  const blank = join(tmpdir(), `doorlist-e2e-${process.pid}-host-blank.y4m`);
  writeY4m(blank, [{ text: null, frames: 5 }], 5);
  const profile = newProfileDir();
  const doorContext = await launchDevice({ video: blank, profileDir: profile });
  try {
    // Sign in by the first-start link; the token leaves the address bar at once.
    await host.goto(`/host#token=${E2E_HOST_TOKEN}`);
    await expect(host.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    expect(host.url()).not.toContain(E2E_HOST_TOKEN);
    expect(await host.evaluate(() => localStorage.getItem("doorlist.hostToken"))).toBe(E2E_HOST_TOKEN);

    // Event and tiers.
    await host.getByLabel("Name").fill("Host console e2e");
    await host.getByLabel(/Capacity/).fill("100");
    await host.getByRole("button", { name: "Create event" }).click();
    await expect(host.getByRole("heading", { level: 1, name: "Setup" })).toBeVisible();
    const eventId = new URL(host.url()).searchParams.get("event")!;
    expect(eventId).toMatch(/^[0-9a-f]{8}$/);
    await host.getByRole("button", { name: "Edit the event" }).click();
    await host.getByLabel(/Capacity/).fill("120");
    await host.getByRole("button", { name: "Save", exact: true }).click();
    await expect(host.locator(".host-facts")).toContainText("120");
    await host.getByRole("button", { name: "Add a tier" }).click();
    await host.getByLabel("Tier 1 name").fill("VIP");
    await host.getByLabel("Tier 1 entitlements").fill("kit, tote");
    await host.getByRole("button", { name: "Add a tier" }).click();
    await host.getByLabel("Tier 2 name").fill("GA");
    await host.getByRole("button", { name: "Save tiers" }).click();
    await expect(host.getByText("Saved 2 tiers.")).toBeVisible();

    // Import: three good rows; an empty name, an unknown tier and a repeat are shown, not issued.
    await tab(host, "Passes");
    await host.getByLabel("…or paste it here").fill(GUESTS);
    await expect(host.getByText(/3\s+rows ready/)).toBeVisible();
    const problems = host.getByRole("table", { name: "Rows that will not be issued" });
    await expect(problems.getByRole("row")).toHaveCount(4);
    await expect(problems).toContainText("name is empty");
    await expect(problems).toContainText("not one of this event's tiers");
    await expect(problems).toContainText("repeats line 2");
    await host.getByRole("button", { name: /Issue 3 passes/ }).click();
    await expect(host.getByText("Issued 3 passes.")).toBeVisible();
    await expect(host.getByRole("row", { name: /Hopper, Grace/ })).toBeVisible();

    const passes = await passesOf(host, eventId);
    const ada = passes.find((p) => p.holder === "Ada Lovelace")!;
    const grace = passes.find((p) => p.holder === "Hopper, Grace")!;
    expect(ada && grace).toBeTruthy();

    // The pass dialog shows the QR; the holder page shows it full-screen.
    await host.getByRole("button", { name: "Open pass of Ada Lovelace" }).click();
    await expect(host.getByRole("img", { name: "QR code of the pass of Ada Lovelace" })).toBeVisible();
    const holderLink = await host.getByLabel("Holder page (send this to the guest)").inputValue();
    await host.getByRole("button", { name: "Close" }).click();
    const holder = await hostContext.newPage();
    await holder.goto(holderLink);
    await expect(holder.getByRole("img", { name: "QR code of your pass, tier VIP" })).toBeVisible();
    await holder.close();

    // Enroll a door phone through the link the console shows.
    await tab(host, "Devices");
    await host.getByLabel(/Label/).fill("Front door");
    await host.getByRole("button", { name: "Make an enrollment link" }).click();
    // The console offers a link for phones (this machine's network address) and one for this computer.
    await expect(host.getByText("Code:")).toBeVisible();
    const here = host.getByTestId("enroll-link-here");
    const enrollLink = await ((await here.count()) > 0 ? here : host.getByRole("link", { name: /\/enroll\?code=/ })).getAttribute("href");
    expect(enrollLink).toBeTruthy();
    const door = await firstPage(doorContext);
    await door.goto(new URL(enrollLink!).pathname + new URL(enrollLink!).search);
    await door.getByLabel("Name for this device").fill("Front door");
    await door.getByRole("button", { name: "Enroll this device" }).click();
    await expect(door.getByTestId("last-sync")).not.toHaveText("never", { timeout: 30_000 });
    await expect(host.getByRole("row", { name: /Front door/ })).toBeVisible({ timeout: 30_000 });

    // Scan Ada in; after the door syncs, the live view counts her.
    await typeCode(door, ada.code);
    await expect(door.getByTestId("verdict")).toHaveAttribute("data-verdict", "ADMIT");
    await syncDoor(door);
    await tab(host, "Live");
    await expect(host.getByTestId("live-admitted")).toHaveText("1", { timeout: 30_000 });
    await expect(host.getByTestId("live-inside")).toHaveText(/^1\s*of 120 capacity$/);
    await expect(host.getByRole("row", { name: /Front door/ })).toBeVisible();

    // The log's CSV has the admission.
    await tab(host, "Report");
    const [download] = await Promise.all([host.waitForEvent("download"), host.getByRole("button", { name: "Download the log (CSV)" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    const admitLine = csv.split("\r\n").find((l) => l.includes(ada.id));
    expect(admitLine).toContain(",admit,");
    expect(admitLine).toContain("Ada Lovelace");

    // Revoke Grace's pass; the door refuses it once it has synced.
    await tab(host, "Passes");
    await host.getByLabel("Find a pass by name, tier or pass id").fill("Hopper");
    await host.getByRole("button", { name: "Open pass of Hopper, Grace" }).click();
    await host.getByLabel("Reason for revoking").fill("refund");
    await host.getByRole("button", { name: "Revoke this pass" }).click();
    await expect(host.getByRole("dialog").getByText("Revoked")).toBeVisible();
    await host.getByRole("button", { name: "Close" }).click();
    await expect(host.getByRole("row", { name: /Hopper, Grace/ })).toContainText("Revoked");

    await syncDoor(door);
    await typeCode(door, grace.code);
    await expect(door.getByTestId("verdict")).toHaveAttribute("data-verdict", "REVOKED");

    // A lost phone: revoking the device stops its token at once; what it sent stays in the log.
    await tab(host, "Devices");
    await host.getByRole("button", { name: "Revoke Front door" }).click();
    await host.getByRole("button", { name: "Revoke Front door" }).click();
    await expect(host.getByRole("row", { name: /Front door/ })).toContainText("Revoked");
    await tab(host, "Live");
    await expect(host.getByTestId("live-admitted")).toHaveText("1");
  } finally {
    await doorContext.close();
    await hostContext.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(blank, { force: true });
  }
});
