/**
 * A guest's pass on their own phone: the QR full-screen on white, as bright as the screen allows,
 * readable by a door phone at arm's length. Needs no network once opened: the pass text is in the
 * link's fragment and in localStorage, the QR is drawn here, and the app shell is precached.
 */
import { useEffect, useState } from "react";
import { decodePassText } from "../../pass/index.js";
import { parseHolderLocation } from "./link.js";
import { qrDataUrl } from "./qr.js";
import { recallPass, rememberPass } from "./store.js";
import "./holder.css";

type State = { status: "loading" } | { status: "missing" } | { status: "bad"; detail: string } | { status: "ok"; code: string; tier: string; passId: string; image: string };

function usePass(): State {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    const loc = parseHolderLocation(window.location.pathname, window.location.hash);
    const code = loc.code ?? (loc.passId ? recallPass(loc.passId) : null);
    if (!code) {
      setState({ status: "missing" });
      return;
    }
    const decoded = decodePassText(code);
    if (!decoded.ok) {
      setState({ status: "bad", detail: decoded.detail });
      return;
    }
    const passId = decoded.pass.passId;
    rememberPass(passId, code);
    if (loc.passId !== null && loc.passId !== passId) rememberPass(loc.passId, code);
    let live = true;
    void qrDataUrl(code, { margin: 2 }).then((image) => {
      if (live) setState({ status: "ok", code, tier: decoded.pass.tier, passId, image });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** Keeps the screen on while the pass is showing; browsers without the API just dim as usual. */
function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let released = false;
    const take = () =>
      navigator.wakeLock
        .request("screen")
        .then((l) => {
          if (released) void l.release();
          else lock = l;
        })
        .catch(() => undefined);
    void take();
    const onVisible = () => {
      if (document.visibilityState === "visible") void take();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      released = true;
      document.removeEventListener("visibilitychange", onVisible);
      void lock?.release();
    };
  }, [active]);
}

export default function HolderPage() {
  const state = usePass();
  useWakeLock(state.status === "ok");
  useEffect(() => {
    document.title = "Your pass · Doorlist";
  }, []);

  if (state.status === "loading") return <main className="holder" aria-busy="true" />;
  if (state.status !== "ok") {
    return (
      <main className="holder holder-problem">
        <h1>This pass cannot be shown</h1>
        <p>
          {state.status === "missing"
            ? "The link is incomplete: it needs the part after the # sign. Open the full link you were sent."
            : `The link does not hold a valid pass (${state.detail}). Open the full link you were sent.`}
        </p>
      </main>
    );
  }
  return (
    <main className="holder">
      <h1 className="visually-hidden">Your pass</h1>
      <img className="holder-qr" src={state.image} alt={`QR code of your pass, tier ${state.tier}`} />
      <p className="holder-facts">
        <span className="holder-tier">{state.tier}</span> <span className="holder-id">Pass {state.passId}</span>
      </p>
      <p className="holder-hint">Show this at the door. Turn the screen brightness up. Works without a connection.</p>
    </main>
  );
}
