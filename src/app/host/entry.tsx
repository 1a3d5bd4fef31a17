/**
 * The two pages this part of the app adds to the door's PWA, loaded only when visited so the
 * door's first paint never waits for them: the host console (/host) and a guest's pass (/p/…).
 * App.tsx asks `sideRoute` first and renders <SidePage> instead of the door's screens.
 */
import { lazy, Suspense } from "react";

const HostConsole = lazy(() => import("./HostConsole.js"));
const HolderPage = lazy(() => import("../holder/HolderPage.js"));

export type SideRoute = "host" | "holder";

export function sideRoute(pathname: string): SideRoute | null {
  if (pathname === "/host" || pathname.startsWith("/host/")) return "host";
  if (pathname.startsWith("/p/")) return "holder";
  return null;
}

export function SidePage({ route }: { route: SideRoute }) {
  return (
    <Suspense
      fallback={
        <main className="screen narrow" aria-busy="true">
          <p className="muted">Opening…</p>
        </main>
      }
    >
      {route === "host" ? <HostConsole /> : <HolderPage />}
    </Suspense>
  );
}
