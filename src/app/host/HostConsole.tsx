/**
 * The host console at /host: sign in with the host token, pick or create an event, then set up,
 * issue, enroll, watch and reconcile. Loaded lazily, so none of it weighs on the door's start.
 * Which event and tab are open lives in the query string (?event=…&tab=…): reload-safe and
 * shareable between the host's own tabs, with no router needed.
 */
import { useEffect, useState } from "react";
import { host } from "./api/client.js";
import { forgetToken, readToken, scrubTokenFromUrl, storeToken, tokenFromHash } from "./auth/token.js";
import { SignIn } from "./auth/SignIn.js";
import { Console } from "./ui/Console.js";
import { errorText } from "./ui/format.js";
import "./host.css";

type Auth = { status: "checking" } | { status: "signed-out"; message: string | null } | { status: "signed-in" };

export default function HostConsole() {
  const [auth, setAuth] = useState<Auth>(() => (tokenFromHash(window.location.hash) ? { status: "checking" } : readToken() ? { status: "signed-in" } : { status: "signed-out", message: null }));

  useEffect(() => {
    document.title = "Host console · Doorlist";
    const fromLink = tokenFromHash(window.location.hash);
    if (!fromLink) return;
    // Out of the address bar first, before anything can render, log or share the URL.
    scrubTokenFromUrl();
    host("auth/check", { token: fromLink }).then(
      (ok) => {
        if (ok) {
          storeToken(fromLink);
          setAuth({ status: "signed-in" });
        } else setAuth({ status: "signed-out", message: "The token in that link was not accepted by this server." });
      },
      (err: unknown) => setAuth({ status: "signed-out", message: errorText(err) }),
    );
  }, []);

  if (auth.status === "checking") {
    return (
      <main className="host" aria-busy="true">
        <p role="status">Signing in…</p>
      </main>
    );
  }
  if (auth.status === "signed-out") {
    return <SignIn message={auth.message} onSignedIn={() => setAuth({ status: "signed-in" })} />;
  }
  return (
    <Console
      onSignOut={(message) => {
        forgetToken();
        setAuth({ status: "signed-out", message });
      }}
    />
  );
}
