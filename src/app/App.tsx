export function App() {
  return (
    <main>
      <h1>Doorlist</h1>
      <p>Offline check-in for doors, tables and pickups.</p>
    </main>
  );
}
