import { lazy, Suspense } from "react";
import { scanText } from "./scan.js";

// Its own chunk: the decoder library is most of the app's weight and the first paint needs none of it.
const CameraScanner = lazy(() => import("../scanner/CameraScanner.js"));

const onCameraText = (text: string): void => {
  void scanText(text, "camera");
};

export function ScannerSlot() {
  return (
    <Suspense fallback={<p className="scanner-note">Loading scanner…</p>}>
      <CameraScanner onText={onCameraText} />
    </Suspense>
  );
}
