import { useId, useState, type FormEvent } from "react";
import { host } from "../api/client.js";
import { useAction } from "../ui/useHost.js";
import { storeToken } from "./token.js";

/** Pasting the token, for when the first-start link was not clicked (another machine, a lost tab). */
export function SignIn({ message, onSignedIn }: { message: string | null; onSignedIn: () => void }) {
  const [token, setToken] = useState("");
  const { busy, error, run, setError } = useAction();
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim().replace(/^.*#token=/, "");
    if (!t) return setError("Paste the host token first.");
    const ok = await run(() => host("auth/check", { token: t }));
    if (ok) {
      storeToken(t);
      onSignedIn();
    } else if (ok === false) setError("This server does not accept that token. Check that you copied all of it.");
  };

  return (
    <main className="host host-narrow">
      <h1>Host console</h1>
      <form className="panel" onSubmit={submit} aria-describedby={`${id}-help`}>
        <label htmlFor={`${id}-token`}>Host token</label>
        <input id={`${id}-token`} type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
        <p id={`${id}-help`} className="muted">
          The server printed it, with a sign-in link, the first time it started. You can paste the whole link. The token is kept in this
          browser only.
        </p>
        {(error ?? message) && (
          <p className="error" role="alert">
            {error ?? message}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
