/** `npm run doorlist -- <command>`: the host's operations from a shell, on the server's own store. */
import { runCommand, USAGE } from "./cli/commands.js";
import { configFromEnv } from "./config.js";
import { ApiError } from "./http/errors.js";
import { openStorage } from "./storage/open.js";

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help") {
  console.log(USAGE);
  process.exit(0);
}
const config = configFromEnv();
const storage = await openStorage(config);
let code = 0;
try {
  await runCommand(argv, { storage, origin: config.publicUrl ?? `http://localhost:${config.port}`, out: (t) => process.stdout.write(t) });
} catch (err) {
  if (err instanceof ApiError) console.error(err.message);
  else console.error(err);
  code = 1;
} finally {
  await storage.close();
}
process.exit(code);
