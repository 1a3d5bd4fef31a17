/**
 * The camera scanner. Loaded lazily (React.lazy) so @zxing/browser, the largest dependency, stays
 * out of the first screen's JavaScript; the service worker precaches this chunk like any other,
 * so it still loads offline.
 */
import { BrowserCodeReader, type IScannerControls } from "@zxing/browser";
import { ChecksumException, FormatException, NotFoundException } from "@zxing/library";
import { useEffect, useRef, useState } from "react";
import { CameraPicker } from "./CameraPicker.js";
import { cameraErrorMessage } from "./cameraError.js";
import { RotatingQRReader } from "./RotatingQRReader.js";
import { TorchButton } from "./TorchButton.js";

export interface CameraScannerProps {
  /** called once per appearance of a code; repeats while it stays in view are dropped here */
  onText: (text: string) => void;
}

// The library waits 500 ms between attempts by default; a frame decodes in ~3 ms here, so
// short delays cost little and make the verdict follow the code almost at once.
const SCAN_DELAY_MS = 50;
// A code that stays in front of the camera is reported again on every frame. It counts as a
// new appearance only after it has been out of view this long.
const SAME_CODE_GAP_MS = 1000;
const CAMERA_KEY = "doorlist.camera";

function savedCamera(): string | null {
  try {
    return window.localStorage.getItem(CAMERA_KEY);
  } catch {
    return null;
  }
}

function forgetCamera(): void {
  try {
    window.localStorage.removeItem(CAMERA_KEY);
  } catch {
    // nothing stored, nothing to forget
  }
}

export default function CameraScanner({ onText }: CameraScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  // The latest callback, read from the scan loop without restarting the camera when it changes.
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  const [deviceId, setDeviceId] = useState<string | null>(savedCamera);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [controls, setControls] = useState<IScannerControls | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"starting" | "scanning">("starting");

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // Set on unmount (or camera change). StrictMode runs this effect twice, and the stream may
    // arrive after the component is gone: every path checks it and stops what it started.
    let cancelled = false;
    let active: IScannerControls | null = null;
    let last = { text: "", seenAt: 0 };
    setState("starting");
    setError(null);

    const reader = new RotatingQRReader(undefined, {
      delayBetweenScanAttempts: SCAN_DELAY_MS,
      delayBetweenScanSuccess: SCAN_DELAY_MS,
    });
    // `ideal`, never `exact` or `min`: a laptop or a fake camera has no facing mode and its own size.
    const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
    const constraints: MediaStreamConstraints = {
      audio: false,
      video: deviceId ? { deviceId: { exact: deviceId }, ...size } : { facingMode: { ideal: "environment" }, ...size },
    };

    reader
      .decodeFromConstraints(constraints, video, (result, err, ctrl) => {
        if (cancelled) {
          ctrl.stop();
          return;
        }
        if (result) {
          const text = result.getText();
          const now = performance.now();
          const repeat = text === last.text && now - last.seenAt < SAME_CODE_GAP_MS;
          last = { text, seenAt: now };
          if (!repeat) onTextRef.current(text);
          return;
        }
        // No code in this frame, or a partly visible one: the normal case between guests.
        if (err instanceof NotFoundException || err instanceof ChecksumException || err instanceof FormatException) return;
        if (err) setError(cameraErrorMessage(err));
      })
      .then((c) => {
        if (cancelled) {
          c.stop();
          return;
        }
        active = c;
        setControls(c);
        setState("scanning");
        // Labels are only readable once permission is granted, so list cameras now.
        void BrowserCodeReader.listVideoInputDevices()
          .then((list) => {
            if (!cancelled) setCameras(list);
          })
          .catch(() => undefined);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        // A camera chosen earlier may be gone (another phone, an unplugged webcam): fall back
        // to the automatic choice rather than show an error.
        const name = e instanceof Error || e instanceof DOMException ? e.name : "";
        if (deviceId && (name === "OverconstrainedError" || name === "NotFoundError")) {
          forgetCamera();
          setDeviceId(null);
          return;
        }
        setError(cameraErrorMessage(e));
      });

    return () => {
      cancelled = true;
      active?.stop();
      setControls(null);
    };
  }, [deviceId]);

  const chooseCamera = (id: string | null): void => {
    try {
      if (id) window.localStorage.setItem(CAMERA_KEY, id);
      else window.localStorage.removeItem(CAMERA_KEY);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this visit only.
    }
    setDeviceId(id);
  };

  return (
    <section className="scanner" aria-label="Camera scanner">
      <div className="scanner-frame">
        <video ref={videoRef} className="scanner-video" data-testid="scanner-video" playsInline muted autoPlay />
        <div className="scanner-aim" aria-hidden="true" />
        {state === "starting" && !error && <p className="scanner-note">Starting camera…</p>}
        {error && (
          <p className="scanner-note scanner-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="scanner-tools">
        <CameraPicker cameras={cameras} selected={deviceId} onChoose={chooseCamera} />
        <TorchButton controls={controls} />
      </div>
      <span className="visually-hidden" data-testid="scanner-state">
        {error ? "camera error" : state}
      </span>
    </section>
  );
}
