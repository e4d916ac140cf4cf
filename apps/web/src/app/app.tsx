import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { ToastProvider } from '../components/toast';
import { RouteError } from './route-error';
import { AppRoutes } from './routes';

/** The providers around the pages: data (TanStack Query), toasts, the router, a last-resort error boundary. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <main id="main" className="app-main">
          <RouteError error={error} />
        </main>
      )}
    >
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ToastProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
