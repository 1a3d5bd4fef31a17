import type { IScannerControls } from "@zxing/browser";
import { useEffect, useState } from "react";

/**
 * The torch, where the camera track says it has one (the library only adds `switchTorch` to the
 * controls when the track's capabilities include torch). A dark venue entrance needs it.
 */
export function TorchButton({ controls }: { controls: IScannerControls | null }) {
  const [on, setOn] = useState(false);
  useEffect(() => setOn(false), [controls]);
  const switchTorch = controls?.switchTorch;
  if (!switchTorch) return null;
  const toggle = (): void => {
    const next = !on;
    switchTorch(next)
      .then(() => setOn(next))
      .catch(() => setOn(false));
  };
  return (
    <button type="button" className="button secondary" aria-pressed={on} onClick={toggle}>
      {on ? "Torch off" : "Torch on"}
    </button>
  );
}
