/** "12 d", "5 h", "3 min": how long a deal stayed in a stage. */
export function durationParts(ms: number): { unit: 'days' | 'hours' | 'minutes'; count: number } {
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 60 * 24) return { unit: 'days', count: Math.floor(minutes / (60 * 24)) };
  if (minutes >= 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'minutes', count: minutes };
}
