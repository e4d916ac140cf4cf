import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp, sessionOf } from '../test/render';
import { RequirePermission } from './require-permission';

const page = (
  <RequirePermission permission="create:dids">
    <h1>Add DID</h1>
  </RequirePermission>
);

describe('RequirePermission', () => {
  it('shows the page to a role that holds the permission', () => {
    renderWithApp(page, { session: sessionOf('helpdesk') });
    expect(screen.getByRole('heading', { name: 'Add DID' })).toBeInTheDocument();
  });

  it('tells any other role why not, in the BFF’s words', () => {
    renderWithApp(page, { session: sessionOf('viewer') });
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.getByText('Your role (viewer) may not add DIDs.').closest('[role="alert"]')).not.toBeNull();
  });
});
