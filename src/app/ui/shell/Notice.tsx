import { useEffect } from "react";
import { useUi } from "../store.js";

const NOTICE_MS = 6000;

/** A problem worth reading (a failed sync or check), shown for a while, never blocking the screen. */
export function Notice() {
  const notice = useUi((s) => s.notice);
  const setNotice = useUi((s) => s.setNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, setNotice]);
  if (!notice) return null;
  return (
    <p className="notice" role="alert">
      {notice.message}
    </p>
  );
}
