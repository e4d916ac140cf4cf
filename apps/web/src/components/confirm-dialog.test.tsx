import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client';
import { ConfirmDialog } from './confirm-dialog';

function Page({ onConfirm }: { onConfirm: () => Promise<unknown> | void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">Before</button>
      <button type="button" onClick={() => setOpen(true)}>
        Delete…
      </button>
      {open && (
        <ConfirmDialog title="Delete DID 3125550101?" confirmLabel="Delete DID" onConfirm={onConfirm} onClose={() => setOpen(false)}>
          <p>The DID stops answering calls.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

const open = async (onConfirm: () => Promise<unknown> | void = () => {}) => {
  const user = userEvent.setup();
  render(<Page onConfirm={onConfirm} />);
  const opener = screen.getByRole('button', { name: 'Delete…' });
  await user.click(opener);
  return { user, opener, dialog: screen.getByRole('alertdialog', { name: 'Delete DID 3125550101?' }) };
};

describe('ConfirmDialog', () => {
  it('opens named and described, with focus on Cancel', async () => {
    const { dialog } = await open();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/The DID stops answering calls\./);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const { user } = await open();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Delete DID' });
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
  });

  it('makes the page behind it inert while open', async () => {
    const { user, opener } = await open();
    expect(opener.closest('[inert]')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(opener.closest('[inert]')).toBeNull();
  });

  it('closes on Escape and gives focus back to the button that opened it', async () => {
    const { user, opener } = await open();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes on Cancel without running the action', async () => {
    const action = vi.fn();
    const { user, opener } = await open(action);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('runs the action, waits for it, then closes', async () => {
    let finish = () => {};
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user, opener } = await open(action);
    await user.click(screen.getByRole('button', { name: 'Delete DID' }));
    expect(action).toHaveBeenCalledTimes(1);
    const working = screen.getByRole('button', { name: 'Working…' });
    expect(working).toHaveAttribute('aria-disabled', 'true');
    // Clicking again while it runs does nothing; Escape does not abandon it either.
    await user.click(working);
    await user.keyboard('{Escape}');
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    finish();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('stays open with the reason when the action fails, so the user can retry or cancel', async () => {
    const action = vi.fn().mockRejectedValueOnce(new ApiError(403, 'FORBIDDEN', 'Your role (helpdesk) may not delete DIDs.'));
    const { user } = await open(action);
    await user.click(screen.getByRole('button', { name: 'Delete DID' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role (helpdesk) may not delete DIDs.');
    const confirm = screen.getByRole('button', { name: 'Delete DID' });
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(action).toHaveBeenCalledTimes(2);
  });
});
