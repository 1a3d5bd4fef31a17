// Dexie needs IndexedDB; in Node the client database runs on fake-indexeddb.
import "fake-indexeddb/auto";
