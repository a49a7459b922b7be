import {
  type DefaultError,
  type QueryKey,
  type UseMutationOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';

/** The queries a write makes stale: fixed keys, or keys that depend on the answer and the input. */
export type Invalidates<TData, TVariables> =
  | readonly QueryKey[]
  | ((data: TData | undefined, variables: TVariables) => readonly QueryKey[]);

export type InvalidatingMutationOptions<TData, TVariables, TContext> = UseMutationOptions<
  TData,
  DefaultError,
  TVariables,
  TContext
> & {
  invalidates: Invalidates<TData, TVariables>;
  /**
   * `settled` (the default) refreshes after a failure too: a version conflict means what is shown
   * is stale. `success` leaves a failed edit's page alone, for an editor that would otherwise be
   * re-initialised from the refetched record under the user's unsaved changes.
   */
  invalidateOn?: 'settled' | 'success';
};

/**
 * The console's one way to write: a mutation that, once it has an answer, marks the queries it
 * names stale and stays pending until the visible ones have refetched, so a spinner stops on
 * fresh data and no page keeps showing what the write changed.
 */
export function useInvalidatingMutation<TData = unknown, TVariables = void, TContext = unknown>({
  invalidates,
  invalidateOn = 'settled',
  onSettled,
  ...options
}: InvalidatingMutationOptions<TData, TVariables, TContext>) {
  const client = useQueryClient();
  const invalidate = (data: TData | undefined, variables: TVariables) => {
    const keys = typeof invalidates === 'function' ? invalidates(data, variables) : invalidates;
    return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  };
  return useMutation<TData, DefaultError, TVariables, TContext>({
    ...options,
    onSettled: async (data, error, variables, onMutateResult, context) => {
      if (invalidateOn === 'settled' || !error) await invalidate(data, variables);
      await onSettled?.(data, error, variables, onMutateResult, context);
    },
  });
}
