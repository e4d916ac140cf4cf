import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { connectApiClient, sessionQueryOptions } from './lib/auth';
import { createQueryClient } from './lib/query-client';
import './app/styles.css';

const queryClient = createQueryClient();
connectApiClient(queryClient);
// Ask for the session while the first page's code loads.
void queryClient.prefetchQuery(sessionQueryOptions);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
