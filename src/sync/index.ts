/** The sync module: isomorphic, imports nothing from app or server. */
export * from "./cursor.js";
export * from "./entry.js";
export * from "./protocol.js";
export * from "./verdicts.js";
