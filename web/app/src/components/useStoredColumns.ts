import { useState } from 'react';

/** Which optional columns a list shows, remembered per list in localStorage. */
export function useStoredColumns<K extends string>(storageKey: string, all: readonly K[], defaults: readonly K[]) {
  const [visible, setVisible] = useState<K[]>(() => {
    try {
      const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null');
      if (Array.isArray(stored)) return all.filter((key) => stored.includes(key));
    } catch {
      // unreadable: fall back to the defaults
    }
    return [...defaults];
  });

  const update = (next: readonly K[]) => {
    const ordered = all.filter((key) => next.includes(key));
    setVisible(ordered);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(ordered));
    } catch {
      // not persisted; still applies to this page
    }
  };

  return [visible, update] as const;
}
