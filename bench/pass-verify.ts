/**
 * Pass verification throughput in Node: decode + verify of real signed passes, with
 * WebCrypto's Ed25519 and with tweetnacl. (The door uses WebCrypto where the browser has it;
 * tweetnacl is the fallback for older browsers, so both speeds matter.)
 */
import { decodePassText, keyLookupFrom, tweetnaclVerifier, verifyPass, webCryptoVerifier, type Ed25519Verifier } from "../src/pass/index.js";
import { generateSigningKey, signPass } from "../src/pass/sign.js";
import { printResult, round, type Figure } from "./lib/figures.js";

const EVENT = "0a1b2c3d";
const key = generateSigningKey(new Uint8Array(32).fill(9));
const keys = keyLookupFrom([key]);
const texts = Array.from({ length: 2000 }, (_, i) =>
  signPass({ eventId: EVENT, passId: i.toString(16).padStart(12, "0"), tier: i % 3 ? "GA" : "VIP", validUntil: Date.UTC(2030, 0, 1) }, key).text,
);

async function run(verifier: Ed25519Verifier, count: number): Promise<number> {
  const now = Date.now();
  // warm-up: key import, JIT
  for (let i = 0; i < 50; i++) {
    const d = decodePassText(texts[i]!);
    if (d.ok) await verifyPass(d.pass, { eventId: EVENT, keys, now, verifier });
  }
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const d = decodePassText(texts[i % texts.length]!);
    if (!d.ok) throw new Error(`bench pass did not decode: ${d.reason}`);
    const v = await verifyPass(d.pass, { eventId: EVENT, keys, now, verifier });
    if (!v.ok) throw new Error(`bench pass did not verify: ${v.reason}`);
  }
  return count / ((performance.now() - start) / 1000);
}

const webcrypto = await run(webCryptoVerifier(globalThis.crypto.subtle), 20_000);
const nacl = await run(tweetnaclVerifier, 1_000);
const figures: Figure[] = [
  { name: "pass verify, WebCrypto Ed25519 (Node)", value: round(webcrypto, 0), unit: "passes/s" },
  { name: "pass verify, tweetnacl (Node)", value: round(nacl, 0), unit: "passes/s" },
];
printResult({ bench: "pass-verify", figures });
