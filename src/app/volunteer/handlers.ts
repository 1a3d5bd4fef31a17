/** Volunteer mode's part of the handler map (src/app/commands/types.ts). */
import type { Ed25519Verifier } from "../../pass/index.js";
import type { Handlers } from "../commands/types.js";
import type { DoorlistDB } from "../db/database.js";
import { catalog } from "./catalog.js";
import { findPickup, lookupPickup, recordPickup } from "./pickup.js";
import { recent } from "./recent.js";
import { sell } from "./sell.js";
import { closeShift, shiftView } from "./shift.js";
import { voidEntry } from "./voiding.js";

export type VolunteerHandlerName = Extract<keyof Handlers, `volunteer/${string}`>;
export type VolunteerHandlers = Pick<Handlers, VolunteerHandlerName>;

export interface VolunteerDeps {
  db: DoorlistDB;
  now: () => number;
  verifier?: () => Promise<Ed25519Verifier>;
  /** after a local write: screens refresh, the header's pending count moves, sync is nudged */
  written: (tables: string[]) => void;
}

const WRITE_TABLES = ["log", "outbox", "stock", "ledger", "voids", "shifts"];

export function volunteerHandlers(deps: VolunteerDeps): VolunteerHandlers {
  const { db, now } = deps;
  const after = <T>(value: T): T => {
    deps.written(WRITE_TABLES);
    return value;
  };
  return {
    "volunteer/catalog": () => catalog(db),
    "volunteer/sell": async (args) => after(await sell(db, now, args)),
    "volunteer/pickup-find": ({ text }) => findPickup(db, text, deps.verifier),
    "volunteer/pickup-lookup": ({ passId }) => lookupPickup(db, passId),
    "volunteer/pickup": async (args) => after(await recordPickup(db, now, args)),
    "volunteer/recent": (args) => recent(db, args?.limit),
    "volunteer/void": async (args) => after(await voidEntry(db, now, args)),
    "volunteer/shift": () => shiftView(db, now),
    "volunteer/close-shift": async (args) => after(await closeShift(db, now, args)),
  };
}
