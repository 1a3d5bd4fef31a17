export * from "./database.js";
export * from "./names.js";
export * from "./records.js";
