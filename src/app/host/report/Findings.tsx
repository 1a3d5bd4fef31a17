import type { ReportView } from "../api/types.js";
import { dateTime, offsetWords } from "../ui/format.js";
import { DrillDown } from "./DrillDown.js";
import { Finding } from "./Finding.js";
import { VolunteerFindings } from "./VolunteerFindings.js";

const KNOWN = new Set(["event", "generatedAt", "complete", "serverTime", "counts", "duplicateAdmissions", "admittedAfterRevocation", "deviceGaps", "devicesNeverSynced", "clocks", "sales", "oversold", "duplicatePickups", "cash", "voids"]);
const range = (r: { from: number; to: number }) => (r.from === r.to ? `#${r.from}` : `#${r.from}–${r.to}`);

/** Each finding of the report, with a way down to the entries behind it. */
export function Findings({ eventId, report }: { eventId: string; report: ReportView }) {
  const dups = report.duplicateAdmissions ?? [];
  const revoked = report.admittedAfterRevocation ?? [];
  const gaps = report.deviceGaps ?? [];
  const silent = report.devicesNeverSynced ?? [];
  const clocksOff = (report.clocks ?? []).filter((c) => c.clockOff);
  const other = Object.entries(report).filter(([k]) => !KNOWN.has(k));
  return (
    <>
      <Finding title="Passes admitted more than once" count={dups.length} good="No pass came in twice without going out in between.">
        <ul className="host-list">
          {dups.map((d) => (
            <li key={d.passId}>
              <strong>{d.holder ?? d.passId}</strong> — {d.admissions.filter((a) => a.duplicate).length + 1} admissions
              {d.acrossDevices ? " on different devices" : " on one device"}
              {d.admissions.some((a) => a.override) && " (staff overrode a warning)"}:{" "}
              {d.admissions.map((a) => `${a.deviceLabel} ${dateTime(a.correctedAt)}`).join("; ")}
              <DrillDown eventId={eventId} filter={{ passId: d.passId }} label={`pass ${d.holder ?? d.passId}`} />
            </li>
          ))}
        </ul>
      </Finding>
      <Finding title="Revoked passes let in" count={revoked.length} good="No revoked pass was admitted after its revocation.">
        <ul className="host-list">
          {revoked.map((r) => (
            <li key={r.entryId}>
              <strong>{r.holder ?? r.passId}</strong> — admitted by {r.deviceLabel} at {dateTime(r.correctedAt)}, revoked {dateTime(r.revokedAt)}
              {r.reason ? ` (${r.reason})` : ""}
              <DrillDown eventId={eventId} filter={{ passId: r.passId }} label={`pass ${r.holder ?? r.passId}`} />
            </li>
          ))}
        </ul>
      </Finding>
      <Finding title="Entries still on devices" count={gaps.length} good="No device has a gap in what it sent.">
        <ul className="host-list">
          {gaps.map((g) => (
            <li key={g.deviceId}>
              <strong>{g.deviceLabel}</strong> — in the log through #{g.ackedThroughSeq}; missing {g.missing.map(range).join(", ")}; {g.heldEntries} later{" "}
              {g.heldEntries === 1 ? "entry waits" : "entries wait"} for them. Let the device sync (open its app online).
              <DrillDown eventId={eventId} filter={{ deviceId: g.deviceId }} label={`device ${g.deviceLabel}`} />
            </li>
          ))}
        </ul>
      </Finding>
      <Finding title="Devices that never synced" count={silent.length} good="Every enrolled device has synced.">
        <ul className="host-list">
          {silent.map((s) => (
            <li key={s.deviceId}>
              <strong>{s.deviceLabel}</strong> ({s.role}), enrolled {dateTime(s.enrolledAt)}
              {s.revoked ? ", since revoked" : ": anything it recorded is only on that phone"}
            </li>
          ))}
        </ul>
      </Finding>
      <Finding title="Clocks that were off" count={clocksOff.length} good="Every device's clock was within two minutes of the server's.">
        <ul className="host-list">
          {clocksOff.map((c) => (
            <li key={c.deviceId}>
              <strong>{c.deviceLabel}</strong> was {offsetWords(c.clockOffsetMs)}; its times are shown corrected.
              <DrillDown eventId={eventId} filter={{ deviceId: c.deviceId }} label={`device ${c.deviceLabel}`} />
            </li>
          ))}
        </ul>
      </Finding>
      <VolunteerFindings eventId={eventId} report={report} />
      {report.counts && <Counts counts={report.counts} />}
      {other.map(([key, value]) => (
        <details key={key} className="panel">
          <summary>{key}</summary>
          <pre className="host-pre">{JSON.stringify(value, null, 2)}</pre>
        </details>
      ))}
    </>
  );
}

function Counts({ counts }: { counts: NonNullable<ReportView["counts"]> }) {
  return (
    <section className="panel">
      <h2>Everything in the log</h2>
      <p>
        {counts.entries} entries stored: {counts.served} in the log, {counts.heldBehindGaps} held behind gaps, {counts.voided} voided.{" "}
        {counts.passesAdmitted} passes admitted.
      </p>
      <table className="host-table">
        <caption>Scans by verdict</caption>
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col" className="num">
              Scans
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(counts.byVerdict).map(([v, n]) => (
            <tr key={v}>
              <th scope="row">{v.replace(/_/g, " ")}</th>
              <td className="num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
