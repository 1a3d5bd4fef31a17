import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { EventInfo } from "../../../sync/index.js";
import type { PassListItem } from "../../../sync/host.js";
import { holderPath } from "../../holder/link.js";
import { qrDataUrl } from "../../holder/qr.js";
import { host } from "../api/client.js";
import { dateTime } from "../ui/format.js";
import { useAction } from "../ui/useHost.js";

/**
 * One pass: its QR, its holder link, and revocation. A native <dialog> opened modal: it traps
 * focus, closes on Escape and returns focus to the button that opened it.
 */
export function PassDialog({ event, pass, onClose }: { event: EventInfo; pass: PassListItem; onClose: (changed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [image, setImage] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [revoked, setRevoked] = useState(pass.revokedAt !== null);
  const [copied, setCopied] = useState(false);
  const { busy, error, run, setError } = useAction();
  const id = useId();
  const link = window.location.origin + holderPath(pass.id, pass.code);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    let live = true;
    void qrDataUrl(pass.code).then((url) => live && setImage(url));
    return () => {
      live = false;
    };
  }, [pass.code]);

  const revoke = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError("Say why (refund, transfer, lost…): the report shows it next to any scan of this pass.");
    const done = await run(async () => {
      await host("passes/revoke", { eventId: event.id, passId: pass.id, reason: reason.trim() });
      return true;
    });
    if (done) setRevoked(true);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError("Copying is not allowed here; select the link and copy it by hand.");
    }
  };

  const changed = revoked && pass.revokedAt === null;
  return (
    <dialog ref={ref} className="host-dialog" aria-labelledby={`${id}-title`} onClose={() => onClose(changed)}>
      <h2 id={`${id}-title`}>
        {pass.holder} · {pass.tier}
      </h2>
      {image ? <img className="host-qr" src={image} alt={`QR code of the pass of ${pass.holder}`} /> : <p role="status">Drawing the QR code…</p>}
      <p className="host-small">
        Pass <code>{pass.id}</code>
        {Object.keys(pass.entitlements).length > 0 && <> · entitles {Object.entries(pass.entitlements).map(([k, n]) => `${n}× ${k}`).join(", ")}</>}
      </p>
      <label htmlFor={`${id}-link`}>Holder page (send this to the guest)</label>
      <div className="row">
        <input id={`${id}-link`} readOnly value={link} onFocus={(e) => e.target.select()} />
        <button className="button secondary small" type="button" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      {revoked ? (
        <p role="status">
          <strong>Revoked</strong>
          {pass.revokedAt !== null ? ` ${dateTime(pass.revokedAt)}${pass.revokeReason ? `: ${pass.revokeReason}` : ""}` : ". Door devices refuse it from their next sync."}
        </p>
      ) : (
        <form onSubmit={revoke} className="host-form">
          <label htmlFor={`${id}-reason`}>Reason for revoking</label>
          <input id={`${id}-reason`} value={reason} maxLength={500} placeholder="refund" onChange={(e) => setReason(e.target.value)} />
          <button className="button danger" type="submit" disabled={busy}>
            {busy ? "Revoking…" : "Revoke this pass"}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form method="dialog">
        <button className="button secondary" type="submit">
          Close
        </button>
      </form>
    </dialog>
  );
}
