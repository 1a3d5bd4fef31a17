import { host } from "../api/client.js";
import { saveText } from "../ui/download.js";
import { useAction } from "../ui/useHost.js";

/** The two CSV files: the whole log, and the report's findings. Both are safe to open in a spreadsheet. */
export function Exports({ eventId }: { eventId: string }) {
  const { busy, error, run } = useAction();
  const save = async (which: "entries" | "report") => {
    const file = await run(() => host("export/csv", { eventId, which }));
    if (file) saveText(file.filename, file.text);
  };
  return (
    <>
      <button className="button secondary small" type="button" disabled={busy} onClick={() => void save("entries")}>
        Download the log (CSV)
      </button>
      <button className="button secondary small" type="button" disabled={busy} onClick={() => void save("report")}>
        Download the report (CSV)
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
