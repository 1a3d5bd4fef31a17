import { useUi } from "../store.js";

export function NotFoundScreen({ path }: { path: string }) {
  const navigate = useUi((s) => s.navigate);
  return (
    <main className="screen narrow">
      <h1>Nothing here</h1>
      <p>Doorlist has no page at {path}.</p>
      <button type="button" className="button" onClick={() => navigate("/", { replace: true })}>
        Go to the start
      </button>
    </main>
  );
}
