/** getUserMedia's errors in words door staff can act on. */
export function cameraErrorMessage(err: unknown): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Camera access is blocked. Allow the camera for this site in the browser settings, or type codes below.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No camera found. Type codes or search by name below.";
    case "NotReadableError":
    case "AbortError":
      return "The camera is busy in another app. Close it and reload.";
    default:
      return `The camera stopped: ${err instanceof Error ? err.message : String(err)}`;
  }
}
