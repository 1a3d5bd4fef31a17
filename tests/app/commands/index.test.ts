import { describe, expect, it } from "vitest";
import { send, startSync, subscribe, type AppEvent } from "../../../src/app/commands/index.js";

describe("the page's command entry points", () => {
  it("answers before enrollment, starts sync once, and tells subscribers about changes", async () => {
    expect(await send("device/get", undefined)).toBeNull();
    expect(await send("door/settings", undefined)).toEqual({ tiers: null, reentry: true, mode: "entry" });
    const events: AppEvent[] = [];
    const unsubscribe = subscribe((e) => events.push(e));
    const stop = startSync();
    expect(startSync()).toBe(stop);
    const status = await send("sync/now", undefined);
    expect(status).toMatchObject({ pending: 0, syncing: false, lastSyncAt: null });
    await send("door/save-settings", { tiers: ["GA"], reentry: false, mode: "entry" });
    expect(events.some((e) => e.type === "data-changed")).toBe(true);
    expect(events.some((e) => e.type === "sync-status")).toBe(true);
    await expect(send("door/scan", { text: "hello", source: "typed" })).rejects.toThrow(/not enrolled/);
    unsubscribe();
    stop();
    expect(startSync()).not.toBe(stop);
    startSync()();
  });
});
