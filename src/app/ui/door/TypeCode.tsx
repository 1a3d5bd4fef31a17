import { useState, type FormEvent } from "react";
import { scanText } from "./scan.js";

/** For a code read aloud, or a hand scanner that types: the same verdict engine as the camera. */
export function TypeCode() {
  const [text, setText] = useState("");
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const code = text.trim();
    if (!code) return;
    setText("");
    void scanText(code, "typed");
  };
  return (
    <form className="panel inline-form" onSubmit={submit}>
      <label htmlFor="type-code">Type a code</label>
      <div className="row">
        <input
          id="type-code"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="DL:…"
        />
        <button type="submit" className="button">
          Check
        </button>
      </div>
    </form>
  );
}
