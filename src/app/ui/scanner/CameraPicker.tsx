/** Choose among several cameras; hidden when there is only one. */
export interface CameraPickerProps {
  cameras: MediaDeviceInfo[];
  selected: string | null;
  onChoose: (deviceId: string | null) => void;
}

export function CameraPicker({ cameras, selected, onChoose }: CameraPickerProps) {
  if (cameras.length < 2) return null;
  return (
    <label className="camera-picker">
      <span>Camera</span>
      <select value={selected ?? ""} onChange={(e) => onChoose(e.target.value || null)}>
        <option value="">Rear camera (automatic)</option>
        {cameras.map((c, i) => (
          <option key={c.deviceId} value={c.deviceId}>
            {c.label || `Camera ${i + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
}
