import type { ContractStatus } from '../../api/contracts';

export const STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  active: 'green',
  expiring: 'orange',
  expired: 'red',
  renewed: 'blue',
  terminated: 'default',
};

/** Integer minor units as money in the user's language (2 decimals for most currencies). */
export function money(minor: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
}
