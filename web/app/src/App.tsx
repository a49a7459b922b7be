import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { AuthProvider } from './auth/AuthProvider';
import { RuntimeConfigGate } from './RuntimeConfigGate';
import { router } from './routes';

/**
 * Providers, outermost first: server state, runtime config, session, then routes. Ant Design's
 * provider sits in the lazily loaded layout, so the entry chunk carries no component library.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RuntimeConfigGate>
        {(config) => (
          <AuthProvider config={config}>
            <RouterProvider router={router} />
          </AuthProvider>
        )}
      </RuntimeConfigGate>
    </QueryClientProvider>
  );
}
