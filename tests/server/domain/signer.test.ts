import { describe, expect, it } from "vitest";
import { generateSigningKey, signPass } from "../../../src/pass/sign.js";
import { PassSigner } from "../../../src/server/domain/signer.js";
import { seededRandom } from "../../support/random.js";

describe("server pass signer", () => {
  it("makes byte-identical codes to src/pass signPass (Ed25519 is deterministic)", () => {
    const rand = seededRandom(7);
    for (let k = 0; k < 5; k++) {
      const key = generateSigningKey(Uint8Array.from({ length: 32 }, () => Math.floor(rand() * 256)));
      const signer = new PassSigner(key);
      for (let i = 0; i < 20; i++) {
        const fields = {
          eventId: Math.floor(rand() * 2 ** 32).toString(16).padStart(8, "0"),
          passId: Math.floor(rand() * 2 ** 48).toString(16).padStart(12, "0"),
          tier: ["GA", "VIP", "Crew", "Ünïcødé"][i % 4]!,
          validFrom: i % 3 === 0 ? 1_790_000_000_000 : undefined,
          validUntil: i % 2 === 0 ? 1_790_003_600_000 : undefined,
        };
        expect(signer.sign(fields)).toBe(signPass(fields, key).text);
      }
    }
  });
});
