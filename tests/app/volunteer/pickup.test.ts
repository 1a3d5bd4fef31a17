import { describe, expect, it } from "vitest";
import { createDoorApp } from "../../../src/app/commands/app.js";
import { base45Decode, PASS_PREFIX, passToText, tweetnaclVerifier } from "../../../src/pass/index.js";
import { signPass } from "../../../src/pass/sign.js";
import { clock, enrolledDb, KEY, OTHER_EVENT, passId, passText, rosterPass, STRANGER_KEY } from "../fixtures.js";

/** The same pass with one signature bit flipped: right event, known key, bad signature. */
function forge(text: string): string {
  const bytes = new Uint8Array(base45Decode(text.slice(PASS_PREFIX.length))!);
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
  return passToText(bytes);
}

const noFetch = async (): Promise<Response> => {
  throw new TypeError("offline");
};

async function volunteerApp() {
  const db = await enrolledDb({
    passes: [rosterPass(passId(1), "Ann Lee", "Runner", { entitlements: { kit: 1, tote: 2 } })],
    identity: { role: "volunteer", label: "Kit desk" },
  });
  const t = clock();
  return createDoorApp({ db, fetch: noFetch, now: t.now, isOnline: () => false, verifier: async () => tweetnaclVerifier });
}

describe("pickup by code", () => {
  it("checks the signature and event like the door; the validity window does not matter for a pickup", async () => {
    const app = await volunteerApp();
    const ok = await app.send("volunteer/pickup-find", { text: passText({ passId: passId(1), validUntil: Date.UTC(2020, 0, 1) }) });
    expect(ok).toMatchObject({ ok: true, lookup: { passId: passId(1), holder: "Ann Lee" } });
    expect(await app.send("volunteer/pickup-find", { text: passText({ passId: passId(1) }, STRANGER_KEY) })).toMatchObject({ ok: false, reason: "UNKNOWN_KEY" });
    expect(await app.send("volunteer/pickup-find", { text: forge(passText({ passId: passId(1) })) })).toMatchObject({ ok: false, reason: "FORGED" });
    const elsewhere = signPass({ eventId: OTHER_EVENT, passId: passId(1), tier: "GA" }, KEY).text;
    expect(await app.send("volunteer/pickup-find", { text: elsewhere })).toMatchObject({ ok: false, reason: "WRONG_EVENT" });
    expect(await app.send("volunteer/pickup-find", { text: "https://example.com" })).toMatchObject({ ok: false, reason: "NOT_A_PASS" });
  });

  it("records offline in one transaction: entry, outbox row and derived state together; repeats warn with when and where", async () => {
    const app = await volunteerApp();
    const first = await app.send("volunteer/pickup", { passId: passId(1), items: { kit: 1, tote: 1 } });
    expect(first.repeated).toEqual([]);
    expect(first.lookup.entitlements).toEqual([
      { name: "kit", entitled: 1, taken: 1, left: 0 },
      { name: "tote", entitled: 2, taken: 1, left: 1 },
    ]);
    expect(await app.db.outbox.count()).toBe(1);
    const logged = await app.db.log.get(1);
    expect(logged).toMatchObject({ type: "pickup", passId: passId(1), data: { items: { kit: 1, tote: 1 }, label: "Kit desk" } });

    const second = await app.send("volunteer/pickup", { passId: passId(1), items: { kit: 1, tote: 1 } });
    expect(second.repeated).toEqual([{ name: "kit", entitled: 1, takenBefore: 1, now: 1 }]);
    expect(second.previous).toEqual([expect.objectContaining({ entryId: first.entryId, where: "Kit desk", here: true, items: { kit: 1, tote: 1 } })]);
    await expect(app.send("volunteer/pickup", { passId: passId(1), items: {} })).rejects.toThrow(/at least one/);
    expect(await app.db.outbox.count()).toBe(2);
  });
});
