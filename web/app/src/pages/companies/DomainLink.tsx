/** A company's website, opened in a new tab. */
export function DomainLink({ domain }: { domain: string }) {
  return (
    <a href={`https://${domain}`} target="_blank" rel="noreferrer noopener">
      {domain}
    </a>
  );
}
