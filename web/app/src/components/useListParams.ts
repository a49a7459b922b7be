import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters live in the URL (?q=&tag=&sort=…), so a filtered view can be bookmarked,
 * shared and restored with the back button.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, keys]);

  const update = useCallback(
    (changes: Partial<Record<K, string | undefined>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(
    (keep: readonly K[] = []) =>
      setParams(
        (current) => {
          const next = new URLSearchParams();
          for (const key of keep) {
            const value = current.get(key);
            if (value) next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { values, update, clear };
}

/** One of `allowed`, or undefined for anything else a hand-edited URL may hold. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}
