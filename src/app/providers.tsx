// App-wide providers; tests pass their own QueryClient. Icons (lucide) are 16 px and decorative by default: the
// button around one carries the name.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { LucideProvider } from 'lucide-react';
import type { ReactNode } from 'react';
import { ToastProvider } from '../components/ui/toast-provider';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LucideProvider size={16}>
        <ToastProvider>{children}</ToastProvider>
      </LucideProvider>
    </QueryClientProvider>
  );
}
