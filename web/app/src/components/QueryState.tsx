import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { QueryError } from './QueryError';

/** What QueryState reads of a TanStack query (plain or infinite). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

interface Props<T> {
  query: QueryLike<T>;
  /**
   * The data to show once loaded; an empty list here shows `empty`. Without it, QueryState shows
   * only the loading and error states, for a page that returns early:
   * `if (!query.isSuccess) return <QueryState query={query} />;`
   */
  children?: (data: T) => ReactNode;
  /** When the loaded data counts as nothing to show (a list with no items). */
  isEmpty?: (data: T) => boolean;
  /** What an empty result says: a text (shown in antd's Empty) or a whole node (e.g. ListEmpty). */
  empty?: ReactNode;
  /** Skeleton rows while loading. */
  rows?: number;
  /** A loading state other than the skeleton (e.g. the page's own). */
  loading?: ReactNode;
  /** Shown with a 404 instead of the generic "not found". */
  notFoundTitle?: string;
}

/**
 * The one loading / error / empty idiom of the console: a skeleton while the first answer is on
 * its way, the error with a retry button, the empty state, else the page's content.
 */
export function QueryState<T>({ query, children, isEmpty, empty, rows = 4, loading, notFoundTitle }: Props<T>) {
  if (query.isPending) return loading ?? <Skeleton active paragraph={{ rows }} data-testid="query-loading" />;
  if (query.isError || query.data === undefined) {
    return (
      <QueryError
        error={query.error}
        notFoundTitle={notFoundTitle}
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (isEmpty?.(query.data)) {
    return typeof empty === 'string' || empty === undefined ? (
      <Empty description={empty} data-testid="empty-state" />
    ) : (
      empty
    );
  }
  return children ? children(query.data) : null;
}
