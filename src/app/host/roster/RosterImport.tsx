import { useId, useMemo, useState } from "react";
import type { EventInfo } from "../../../sync/index.js";
import { holderPath } from "../../holder/link.js";
import { host } from "../api/client.js";
import type { IssuedPass, IssueProgress } from "../api/types.js";
import { saveText } from "../ui/download.js";
import { errorText } from "../ui/format.js";
import { useAction, useHostQuery } from "../ui/useHost.js";
import { csvCell } from "../../../sync/csv.js";
import { previewRoster, type RosterRow } from "./validate.js";

const PREVIEW_ROWS = 20;

/**
 * CSV in, preview out, and only then passes: the host sees every row that will not become a pass,
 * with its line number and why, before anything is issued.
 */
export function RosterImport({ event, onIssued }: { event: EventInfo; onIssued: () => void }) {
  const tiers = useHostQuery(() => host("tiers/get", { eventId: event.id }), [event.id]);
  const [text, setText] = useState("");
  const [source, setSource] = useState<string | null>(null);
  const [progress, setProgress] = useState<IssueProgress | null>(null);
  const [issued, setIssued] = useState<{ rows: RosterRow[]; passes: IssuedPass[] } | null>(null);
  const { busy, error, run } = useAction();
  const id = useId();

  const tierNames = useMemo(() => (tiers.data ?? []).map((t) => t.name), [tiers.data]);
  const preview = useMemo(() => (text.trim() ? previewRoster(text, tierNames) : null), [text, tierNames]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setIssued(null);
    setSource(file.name);
    setText(await file.text());
  };

  const issue = async () => {
    if (!preview || preview.valid.length === 0) return;
    const byTier = new Map((tiers.data ?? []).map((t) => [t.name, t.entitlements]));
    const rows = preview.valid;
    setProgress({ issued: 0, total: rows.length });
    const passes = await run(() =>
      host("passes/issue", {
        eventId: event.id,
        passes: rows.map((r) => {
          const ent = byTier.get(r.tier);
          return ent && Object.keys(ent).length > 0 ? { holder: r.holder, tier: r.tier, entitlements: ent } : { holder: r.holder, tier: r.tier };
        }),
        onProgress: setProgress,
      }),
    );
    setProgress(null);
    if (passes) {
      setIssued({ rows, passes });
      setText("");
      setSource(null);
      onIssued();
    }
  };

  /** Holder, e-mail and personal link per pass: what a host needs to mail each guest their pass. */
  const downloadIssued = () => {
    if (!issued) return;
    const origin = window.location.origin;
    const lines = ["holder,tier,email,pass_id,holder_link"];
    issued.passes.forEach((p, i) => {
      const row = issued.rows[i]!;
      lines.push([p.holder, p.tier, row.email, p.id, origin + holderPath(p.id, p.code)].map(csvCell).join(","));
    });
    saveText(`doorlist-${event.id}-issued.csv`, lines.join("\r\n") + "\r\n");
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import a guest list</h2>
      <p className="muted">
        A CSV with a holder's name and a tier per row, and optionally an e-mail (columns “holder, tier, email”, with or without that header
        row). {tierNames.length > 0 ? `Tiers of this event: ${tierNames.join(", ")}.` : "This event has no tiers yet, so any tier name is accepted; set tiers up under Setup to catch typos."}
      </p>
      {tiers.error !== null && <p className="error">{errorText(tiers.error)}</p>}
      <div className="row">
        <label className="button secondary" htmlFor={`${id}-file`}>
          Choose a CSV file
        </label>
        <input id={`${id}-file`} className="visually-hidden" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
        {source && <span className="muted">{source}</span>}
      </div>
      <label htmlFor={`${id}-text`}>…or paste it here</label>
      <textarea
        id={`${id}-text`}
        className="host-textarea"
        rows={5}
        value={text}
        spellCheck={false}
        placeholder={"holder,tier,email\nAda Lovelace,VIP,ada@example.org"}
        onChange={(e) => {
          setIssued(null);
          setSource(null);
          setText(e.target.value);
        }}
      />
      {preview && <Preview preview={preview} />}
      {preview && preview.valid.length > 0 && (
        <button className="button" type="button" disabled={busy || !tiers.data || preview.fileProblems.length > 0} onClick={() => void issue()}>
          {busy ? "Issuing…" : `Issue ${preview.valid.length} pass${preview.valid.length === 1 ? "" : "es"}`}
          {preview.invalid.length > 0 ? ` (skip ${preview.invalid.length} row${preview.invalid.length === 1 ? "" : "s"} with problems)` : ""}
        </button>
      )}
      {progress && (
        <p role="status">
          <progress max={progress.total} value={progress.issued} /> {progress.issued} of {progress.total} issued
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {issued && (
        <p role="status">
          Issued {issued.passes.length} pass{issued.passes.length === 1 ? "" : "es"}.{" "}
          <button className="link-button" type="button" onClick={downloadIssued}>
            Download them with holder links (CSV)
          </button>
        </p>
      )}
    </section>
  );
}

function Preview({ preview }: { preview: NonNullable<ReturnType<typeof previewRoster>> }) {
  return (
    <div className="host-preview">
      {preview.fileProblems.map((p) => (
        <p key={p} className="error" role="alert">
          {p}
        </p>
      ))}
      <p role="status">
        <strong>{preview.valid.length}</strong> row{preview.valid.length === 1 ? "" : "s"} ready
        {preview.invalid.length > 0 && (
          <>
            , <strong className="error">{preview.invalid.length}</strong> with problems (not issued)
          </>
        )}
        {preview.hadHeader ? "; the first row was read as a header." : "."}
      </p>
      {preview.invalid.length > 0 && (
        <table className="host-table">
          <caption>Rows that will not be issued</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Holder</th>
              <th scope="col">Tier</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.invalid.map((r) => (
              <tr key={r.line}>
                <th scope="row" className="num">
                  {r.line}
                </th>
                <td>{r.holder || <span className="muted">(empty)</span>}</td>
                <td>{r.tier || <span className="muted">(empty)</span>}</td>
                <td>{r.problems.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.valid.length > 0 && (
        <table className="host-table">
          <caption>
            Rows to issue{preview.valid.length > PREVIEW_ROWS ? ` (first ${PREVIEW_ROWS} of ${preview.valid.length})` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Holder</th>
              <th scope="col">Tier</th>
              <th scope="col">E-mail</th>
            </tr>
          </thead>
          <tbody>
            {preview.valid.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.line}>
                <th scope="row" className="num">
                  {r.line}
                </th>
                <td>{r.holder}</td>
                <td>{r.tier}</td>
                <td>{r.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
