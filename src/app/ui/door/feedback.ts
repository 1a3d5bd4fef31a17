/**
 * Sound and vibration for a verdict, so staff who are looking at the guest, not the phone, still
 * know. Admit is one short high tone; a warning two middle tones; a denial a long low buzz.
 */
import type { Tone } from "../verdictWords.js";

interface Beep {
  freq: number;
  ms: number;
  wave: OscillatorType;
}

const SOUNDS: Record<Tone, Beep[]> = {
  admit: [{ freq: 1320, ms: 110, wave: "sine" }],
  info: [{ freq: 990, ms: 90, wave: "sine" }],
  warn: [
    { freq: 660, ms: 120, wave: "triangle" },
    { freq: 660, ms: 120, wave: "triangle" },
  ],
  caution: [
    { freq: 520, ms: 150, wave: "triangle" },
    { freq: 390, ms: 200, wave: "triangle" },
  ],
  deny: [{ freq: 180, ms: 450, wave: "square" }],
};

const VIBRATION: Record<Tone, number[]> = {
  admit: [60],
  info: [40],
  warn: [90, 70, 90],
  caution: [150, 80, 150],
  deny: [350, 120, 350],
};

let audio: AudioContext | null = null;

/**
 * Browsers only let audio start after a gesture. Creating and resuming the context on the first
 * tap anywhere means the first camera verdict (no gesture of its own) can already sound.
 */
export function unlockAudioOnFirstGesture(): void {
  const unlock = (): void => {
    ensureAudio();
    window.removeEventListener("pointerdown", unlock);
    window.removeEventListener("keydown", unlock);
  };
  window.addEventListener("pointerdown", unlock);
  window.addEventListener("keydown", unlock);
}

function ensureAudio(): AudioContext | null {
  if (typeof AudioContext === "undefined") return null;
  audio ??= new AudioContext();
  if (audio.state === "suspended") void audio.resume().catch(() => undefined);
  return audio;
}

function play(beeps: Beep[]): void {
  const ctx = ensureAudio();
  if (!ctx || ctx.state !== "running") return;
  let t = ctx.currentTime;
  for (const b of beeps) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = b.wave;
    osc.frequency.value = b.freq;
    // A short ramp at both ends avoids the click of a hard start and stop.
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + b.ms / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + b.ms / 1000 + 0.02);
    t += b.ms / 1000 + 0.06;
  }
}

export function feedback(tone: Tone): void {
  play(SOUNDS[tone]);
  if (typeof navigator.vibrate === "function") navigator.vibrate(VIBRATION[tone]);
}
