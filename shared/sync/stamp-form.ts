/** The stamp checks of the merge's hot path: hlc.ts's packed form and its device, without regex or slicing per change. */
/** hlc.ts's packed form, which stampOf checks without the regex (the test holds the two together). */
export const STAMP_FORM = /^\d{15}-[0-9a-f]{5}-\S+$/;
const DEVICE = /^\S+$/;
/** Device ids seen to be whole \S+ (a handful per file): the regex runs once per id, not per change. */
const goodDevices = new Set<string>();

/**
 * True if `hlc` is hlc.ts's packed form (`/^\d{15}-[0-9a-f]{5}-\S+$/`) AND its device part is `device`.
 * Checked without unpacking and without slicing, once per change of every file.
 */
export function stampOf(hlc: string, device: string): boolean {
  if (hlc.length !== 22 + device.length || !hlc.startsWith(device, 22)) return false;
  if (!goodDevices.has(device)) {
    if (!DEVICE.test(device)) return false;
    if (goodDevices.size > 10_000) goodDevices.clear(); // bounded: ids are few, files may be hostile
    goodDevices.add(device);
  }
  for (let i = 0; i < 15; i++) {
    const d = hlc.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  if (hlc.charCodeAt(15) !== 45 || hlc.charCodeAt(21) !== 45) return false;
  for (let i = 16; i < 21; i++) {
    const h = hlc.charCodeAt(i);
    if (!((h >= 48 && h <= 57) || (h >= 97 && h <= 102))) return false;
  }
  return true;
}

/** True if two stamps carry the same device id (everything from offset 22), without slicing. */
export function sameDevice(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 22; i--) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}
