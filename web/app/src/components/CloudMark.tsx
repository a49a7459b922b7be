/** The Cirrus mark: a white cloud on the brand blue. */
export function CloudMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="cloud-mark" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1677ff" />
      <path d="M20 44h25a9 9 0 0 0 0-18 13 13 0 0 0-25-2 10 10 0 0 0 0 20z" fill="#fff" />
    </svg>
  );
}
