import { useId, useState, type FormEvent } from "react";
import type { EventInfo, Role } from "../../../sync/index.js";
import { qrDataUrl } from "../../holder/qr.js";
import { host } from "../api/client.js";
import type { Enrollment } from "../api/types.js";
import { dateTime } from "../ui/format.js";
import { useAction, useHostQuery } from "../ui/useHost.js";
import { phoneEnrollUrl } from "./phoneLink.js";

const ROLE_WORDS: Record<Role, string> = {
  door: "Door: scans passes in (and out)",
  volunteer: "Volunteer: sales and pickups",
  host: "Host: a second host device",
};

/** A single-use enrollment, shown as a QR a phone scans with its camera app, and as a link to send. */
export function EnrollmentMaker({ event, onMade }: { event: EventInfo; onMade: () => void }) {
  const [role, setRole] = useState<Role>("door");
  const [label, setLabel] = useState("");
  const [made, setMade] = useState<(Enrollment & { image: string; role: Role; phoneUrl: string; rerooted: boolean }) | null>(null);
  const network = useHostQuery(() => host("host/network", undefined), []);
  const { busy, error, run } = useAction();
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const enrollment = await run(async () => {
      const en = await host("enrollments/create", { eventId: event.id, role, ...(label.trim() ? { label: label.trim() } : {}) });
      const phone = phoneEnrollUrl(en.url, window.location.hostname, network.data);
      return { ...en, image: await qrDataUrl(phone.url), role, phoneUrl: phone.url, rerooted: phone.rerooted };
    });
    if (enrollment) {
      setMade(enrollment);
      onMade();
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a device</h2>
      <form className="host-form" onSubmit={submit}>
        <fieldset>
          <legend>Role</legend>
          {(Object.keys(ROLE_WORDS) as Role[]).map((r) => (
            <label key={r} className="check">
              <input type="radio" name={`${id}-role`} value={r} checked={role === r} onChange={() => setRole(r)} />
              {ROLE_WORDS[r]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-label`}>Label (optional, e.g. “Front door”)</label>
        <input id={`${id}-label`} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Making…" : "Make an enrollment link"}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {made && (
        <div className="host-enrollment" role="status">
          <img className="host-qr" src={made.image} alt={`QR code of the enrollment link for a ${made.role} device`} />
          <div>
            <p>
              Scan this with the phone's camera, or open the link on it. It works once, until {dateTime(made.expiresAt)}.
            </p>
            <p>
              <a href={made.phoneUrl} target="_blank" rel="noopener" className="host-enroll-link">
                {made.phoneUrl}
              </a>
            </p>
            {made.rerooted && (
              <p className="host-small">
                That is this computer's address on the network, for phones. To enroll a browser on this computer instead:{" "}
                <a href={made.url} target="_blank" rel="noopener" className="host-enroll-link" data-testid="enroll-link-here">
                  {made.url}
                </a>
              </p>
            )}
            {network.data && !network.data.secure && !made.url.startsWith("https:") && (
              <p className="host-small host-warn">
                Phones allow the camera only over HTTPS (or on this computer itself): restart the server with HTTPS=1 npm start, then make a
                new link. README: “HTTPS for phones”.
              </p>
            )}
            <p>
              Code: <code className="host-code">{made.code}</code>
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
