import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { renderWithApp, sessionOf } from '../test/render';
import { draftKey, clearAllDrafts, useFormDraft } from './form-draft';

interface Values {
  description: string;
  active: boolean;
}
const loaded: Values = { description: 'Sales line 1', active: true };

function DidForm({ onSaved }: { onSaved?: () => void }) {
  const form = useForm<Values>({ defaultValues: loaded });
  const draft = useFormDraft(form);
  return (
    <form
      onSubmit={form.handleSubmit(() => {
        draft.clear();
        onSaved?.();
      })}
    >
      {draft.restored && (
        <p>
          Your unsaved changes were restored.{' '}
          <button type="button" onClick={draft.discard}>
            Discard them
          </button>
        </p>
      )}
      <label>
        Description <input {...form.register('description')} />
      </label>
      <label>
        Active <input type="checkbox" {...form.register('active')} />
      </label>
      <p>{form.formState.isDirty ? 'changed' : 'unchanged'}</p>
      <button type="submit">Save</button>
    </form>
  );
}

const KEY = draftKey('sam', '/dids/7/edit');
const at = { route: '/dids/7/edit', session: sessionOf('supervisor', 'sam') };

describe('useFormDraft', () => {
  it('keeps unsaved input across an unmount (the session ended) and restores it as changes', async () => {
    const user = userEvent.setup();
    const first = renderWithApp(<DidForm />, at);
    await user.clear(screen.getByLabelText('Description'));
    await user.type(screen.getByLabelText('Description'), 'Night line');
    await user.click(screen.getByLabelText('Active'));
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? 'null')).toEqual({ description: 'Night line', active: false });
    first.unmount();

    renderWithApp(<DidForm />, at);
    expect(await screen.findByText(/Your unsaved changes were restored/)).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Night line');
    expect(screen.getByLabelText('Active')).not.toBeChecked();
    // Still measured against the loaded record: the form knows these are changes.
    expect(screen.getByText('changed')).toBeInTheDocument();
  });

  it('forgets the draft once saved', async () => {
    const user = userEvent.setup();
    renderWithApp(<DidForm />, at);
    await user.type(screen.getByLabelText('Description'), ' B');
    expect(sessionStorage.getItem(KEY)).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sessionStorage.getItem(KEY)).toBeNull());
  });

  it('drops the draft when the input is back to the loaded values', async () => {
    const user = userEvent.setup();
    renderWithApp(<DidForm />, at);
    await user.click(screen.getByLabelText('Active'));
    expect(sessionStorage.getItem(KEY)).not.toBeNull();
    await user.click(screen.getByLabelText('Active'));
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('discards a restored draft back to the loaded values', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ description: 'Old idea', active: true }));
    const user = userEvent.setup();
    renderWithApp(<DidForm />, at);
    await user.click(await screen.findByRole('button', { name: 'Discard them' }));
    expect(screen.getByLabelText('Description')).toHaveValue('Sales line 1');
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(screen.queryByText(/restored/)).not.toBeInTheDocument();
  });

  it('keeps drafts per user and per page', async () => {
    sessionStorage.setItem(draftKey('hana', '/dids/7/edit'), JSON.stringify({ description: 'Hana was here', active: true }));
    sessionStorage.setItem(draftKey('sam', '/dids/8/edit'), JSON.stringify({ description: 'Other DID', active: true }));
    renderWithApp(<DidForm />, at);
    expect(screen.getByLabelText('Description')).toHaveValue('Sales line 1');
    expect(screen.queryByText(/restored/)).not.toBeInTheDocument();
  });

  it('forgets every draft at logout', () => {
    sessionStorage.setItem(KEY, '{}');
    sessionStorage.setItem('unrelated', 'kept');
    clearAllDrafts();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(sessionStorage.getItem('unrelated')).toBe('kept');
  });
});

interface SecretValues {
  fullName: string;
  password: string;
}

function PhoneForm() {
  const form = useForm<SecretValues>({ defaultValues: { fullName: 'Desk 1', password: '' } });
  useFormDraft(form);
  return (
    <form>
      <label>
        Name <input {...form.register('fullName')} />
      </label>
      <label>
        New password <input type="password" {...form.register('password')} />
      </label>
    </form>
  );
}

describe('useFormDraft and secrets', () => {
  it('never writes a password to browser storage; the rest of the draft comes back', async () => {
    const user = userEvent.setup();
    const page = { route: '/phones/10.20.0.11/1001/edit', session: sessionOf('supervisor', 'sam') };
    const first = renderWithApp(<PhoneForm />, page);
    await user.type(screen.getByLabelText('New password'), 'Sup3r-secret');
    await user.type(screen.getByLabelText('Name'), ' B');
    const stored = sessionStorage.getItem(draftKey('sam', '/phones/10.20.0.11/1001/edit')) ?? '';
    expect(stored).toContain('Desk 1 B');
    expect(stored).not.toContain('Sup3r-secret');
    first.unmount();

    renderWithApp(<PhoneForm />, page);
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Desk 1 B'));
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });
});
