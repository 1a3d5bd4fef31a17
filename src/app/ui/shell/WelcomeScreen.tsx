import { useState, type FormEvent } from "react";
import { enrollCodeFrom } from "../route.js";
import { useUi } from "../store.js";

/** A device that is not enrolled yet: it needs the link the host made for it. */
export function WelcomeScreen() {
  const navigate = useUi((s) => s.navigate);
  const [link, setLink] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const code = enrollCodeFrom(link);
    if (!code) {
      setProblem("That is not an enrollment link. It looks like …/enroll?code=… — ask the host for one.");
      return;
    }
    navigate(`/enroll?code=${encodeURIComponent(code)}`);
  };
  return (
    <main className="screen narrow">
      <h1>Doorlist</h1>
      <p>Offline check-in for doors, tables and pickups.</p>
      <p>This device is not set up yet. Open the enrollment link the host sent you, or paste it here.</p>
      <form className="panel" onSubmit={submit}>
        <label htmlFor="enroll-link">Enrollment link or code</label>
        <input id="enroll-link" value={link} onChange={(e) => setLink(e.target.value)} autoComplete="off" />
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button">
          Continue
        </button>
      </form>
    </main>
  );
}
