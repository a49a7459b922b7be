import { useSyncExternalStore } from 'react';

/** Phone width: the layout swaps the side menu for a drawer and tables for cards. */
const PHONE_QUERY = '(max-width: 480px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
