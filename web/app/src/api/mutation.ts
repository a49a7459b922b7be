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
> & { invalidates: Invalidates<TData, TVariables> };

/**
 * The console's one way to write: a mutation that, once settled (a failure too: a version
 * conflict means what is shown is stale), marks the queries it names stale and stays pending until
 * the visible ones have refetched, so a spinner stops on fresh data.
 */
export function useInvalidatingMutation<TData = unknown, TVariables = void, TContext = unknown>({
  invalidates,
  onSettled,
  ...options
}: InvalidatingMutationOptions<TData, TVariables, TContext>) {
  const client = useQueryClient();
  return useMutation<TData, DefaultError, TVariables, TContext>({
    ...options,
    onSettled: async (data, error, variables, onMutateResult, context) => {
      const keys = typeof invalidates === 'function' ? invalidates(data, variables) : invalidates;
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
      await onSettled?.(data, error, variables, onMutateResult, context);
    },
  });
}
