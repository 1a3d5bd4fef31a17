import type { ReactNode } from "react";

/** One kind of finding: its count as a badge, the reassuring sentence when there are none. */
export function Finding({ title, count, children, good }: { title: string; count: number; children?: ReactNode; good: string }) {
  return (
    <section className="panel host-finding">
      <h2>
        {title} <span className={count > 0 ? "host-badge-warn" : "host-badge-ok"}>{count}</span>
      </h2>
      {count === 0 ? <p className="muted">{good}</p> : children}
    </section>
  );
}
