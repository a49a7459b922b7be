import type { ContractStatus } from '../../api/contracts';

export const STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  active: 'green',
  expiring: 'orange',
  expired: 'red',
  renewed: 'blue',
  terminated: 'default',
};
