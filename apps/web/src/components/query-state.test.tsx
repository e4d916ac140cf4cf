import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client';
import { QueryState } from './query-state';

const renderWithQueries = (ui: ReactNode) =>
  render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{ui}</QueryClientProvider>);

/** A record page whose query answers from `load`. */
function RecordPage({ load, missing }: { load: () => Promise<string>; missing?: string }) {
  const record = useQuery({ queryKey: ['record'], queryFn: load, enabled: !missing });
  return <QueryState query={record} missing={missing}>{(name) => <h1>{name}</h1>}</QueryState>;
}

describe('QueryState', () => {
  it('shows a spinner while the record loads, then the record', async () => {
    let answer: (name: string) => void = () => {};
    renderWithQueries(<RecordPage load={() => new Promise((resolve) => (answer = resolve))} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    answer('DID 3125550101');
    expect(await screen.findByRole('heading', { name: 'DID 3125550101' })).toBeInTheDocument();
  });

  it('shows the failure in the API’s words, and Try again loads the record again', async () => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls === 1) throw new ApiError(503, 'DATABASE_UNAVAILABLE', "VICIdial's database did not answer.");
      return 'DID 99';
    };
    renderWithQueries(<RecordPage load={load} />);
    expect(await screen.findByRole('alert')).toHaveTextContent("VICIdial's database did not answer.");
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'DID 99' })).toBeInTheDocument();
  });

  it('a record that is not there (deleted) is said so, without a Try again that could only fail again', async () => {
    renderWithQueries(<RecordPage load={() => Promise.reject(new ApiError(404, 'NOT_FOUND', 'There is no DID 99.'))} />);
    expect(await screen.findByText('There is no DID 99.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('says why when there is nothing to load', () => {
    renderWithQueries(<RecordPage load={async () => 'never'} missing="There is no DID with this ID." />);
    expect(screen.getByText('There is no DID with this ID.')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
