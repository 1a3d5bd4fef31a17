import { lazy, Suspense } from "react";
import { SidePage, sideRoute } from "./host/entry.js";
import { DoorScreen } from "./ui/door/DoorScreen.js";
import { NotFoundScreen } from "./ui/shell/NotFoundScreen.js";
import { Notice } from "./ui/shell/Notice.js";
import { RoleScreen } from "./ui/shell/RoleScreen.js";
import { UpdatePrompt } from "./ui/shell/UpdatePrompt.js";
import { WelcomeScreen } from "./ui/shell/WelcomeScreen.js";
import { useUi } from "./ui/store.js";

// Screens used once per device (enrollment) or now and then (settings) load on demand; the door
// screen, the one that must open at once offline, is in the first chunk. The service worker
// precaches every chunk, so these still open offline.
const EnrollScreen = lazy(() => import("./ui/enroll/EnrollScreen.js").then((m) => ({ default: m.EnrollScreen })));
const SettingsScreen = lazy(() => import("./ui/settings/SettingsScreen.js").then((m) => ({ default: m.SettingsScreen })));
// Volunteer devices only: kept out of the door's first chunk, precached all the same.
const VolunteerScreen = lazy(() => import("./volunteer/ui/VolunteerScreen.js").then((m) => ({ default: m.VolunteerScreen })));

/** Routing by path: one screen per route, chosen from the UI store. */
export function App() {
  return (
    <>
      <UpdatePrompt />
      <Notice />
      <Suspense fallback={<Opening />}>
        <CurrentScreen />
      </Suspense>
    </>
  );
}

function CurrentScreen() {
  const route = useUi((s) => s.route);
  const identity = useUi((s) => s.identity);
  // The host console (/host) and a guest's pass (/p/…) are their own pages and need no device.
  const side = route.name === "not-found" ? sideRoute(route.path) : null;
  if (side) return <SidePage route={side} />;
  if (identity.status === "loading") return <Opening />;
  switch (route.name) {
    case "enroll":
      return <EnrollScreen code={route.code} />;
    case "settings":
      return <SettingsScreen />;
    case "not-found":
      return <NotFoundScreen path={route.path} />;
    case "home":
      if (identity.status === "none") return <WelcomeScreen />;
      if (identity.device.role === "volunteer") return <VolunteerScreen device={identity.device} event={identity.event} />;
      if (identity.device.role !== "door") return <RoleScreen device={identity.device} />;
      return <DoorScreen device={identity.device} event={identity.event} />;
  }
}

function Opening() {
  return (
    <main className="screen narrow" aria-busy="true">
      <p className="muted">Opening Doorlist…</p>
    </main>
  );
}
