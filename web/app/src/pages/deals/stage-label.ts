import type { LostReason, Stage } from '../../api/deals';

/** A stage's or reason's label in the console's language (zh for zh-CN, English otherwise). */
export function labelOf(item: Pick<Stage | LostReason, 'label'> | undefined, language: string): string {
  if (!item) return '';
  return language.startsWith('zh') ? item.label.zh : item.label.en;
}

export const STATUS_COLORS = { open: 'processing', won: 'success', lost: 'error' } as const;
