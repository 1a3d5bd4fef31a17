import { clock } from "../ui/format.js";
import { fillBars, niceMax } from "./bars.js";

const W = 640;
const H = 200;
const PAD = { left: 36, right: 8, top: 10, bottom: 28 };

/**
 * Arrivals per 5 minutes as inline SVG. Screen readers get a one-sentence summary on the image
 * and the same numbers as a table (visually hidden), which is how they read a chart best.
 */
export function ArrivalsChart({ arrivals, bucketMs }: { arrivals: { start: number; count: number }[]; bucketMs: number }) {
  const bars = fillBars(arrivals, bucketMs);
  if (bars.length === 0) return <p className="muted">No arrivals yet.</p>;
  const max = niceMax(Math.max(...bars.map((b) => b.count)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / bars.length;
  const barW = Math.max(1, step * 0.8);
  const peak = bars.reduce((a, b) => (b.count > a.count ? b : a));
  const labelEvery = Math.ceil(bars.length / 8);
  const summary = `Arrivals per 5 minutes from ${clock(bars[0]!.start)} to ${clock(bars[bars.length - 1]!.start + bucketMs)}; busiest at ${clock(peak.start)} with ${peak.count}.`;
  return (
    <figure className="host-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        {[0, max / 2, max].map((v) => {
          const y = PAD.top + plotH - (v / max) * plotH;
          return (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="host-chart-grid" />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" className="host-chart-label">
                {v}
              </text>
            </g>
          );
        })}
        {bars.map((b, i) => {
          const h = (b.count / max) * plotH;
          const x = PAD.left + i * step + (step - barW) / 2;
          return (
            <g key={b.start}>
              <rect x={x} y={PAD.top + plotH - h} width={barW} height={h} className="host-chart-bar">
                <title>
                  {clock(b.start)}: {b.count}
                </title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="host-chart-label">
                  {clock(b.start)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{summary}</figcaption>
      <table className="visually-hidden">
        <caption>Arrivals per 5 minutes</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Arrivals</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.start}>
              <th scope="row">{clock(b.start)}</th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
