import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../lib/api-client';
import type { FormDraft } from '../lib/form-draft';
import { renderWithApp, sessionOf } from '../test/render';
import { ConflictNotice, conflictingRecord, DraftNotice, useFormSaved } from './unsaved-changes';

const draftOf = (restored: boolean): FormDraft => ({ restored, clear: vi.fn(), discard: vi.fn() });

describe('DraftNotice', () => {
  it('says nothing unless the form came back from a draft', () => {
    render(<DraftNotice draft={draftOf(false)} />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('offers to discard the restored changes, with the page’s own discard where it has one', async () => {
    const draft = draftOf(true);
    const onDiscard = vi.fn();
    const user = userEvent.setup();
    render(
      <>
        <DraftNotice draft={draft} />
        <DraftNotice draft={draft} onDiscard={onDiscard} />
      </>,
    );
    const [own, pages] = screen.getAllByRole('button', { name: 'Discard them' });
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Your unsaved changes were restored.');
    await user.click(own as HTMLElement);
    expect(draft.discard).toHaveBeenCalledTimes(1);
    await user.click(pages as HTMLElement);
    expect(onDiscard).toHaveBeenCalledTimes(1);
    expect(draft.discard).toHaveBeenCalledTimes(1);
  });
});

describe('ConflictNotice', () => {
  it('is announced, takes the focus and offers both ways on', async () => {
    const onReapply = vi.fn();
    const onDiscard = vi.fn();
    render(
      <ConflictNotice record="DID" reapplyLabel="Apply my changes to the current DID" onReapply={onReapply} onDiscard={onDiscard}>
        <p>Nothing was saved.</p>
      </ConflictNotice>,
    );
    const notice = screen.getByRole('alert', { name: 'Someone else changed this DID' });
    expect(notice).toHaveTextContent('Nothing was saved.');
    expect(screen.getByRole('heading', { name: 'Someone else changed this DID' })).toHaveFocus();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Apply my changes to the current DID' }));
    await user.click(screen.getByRole('button', { name: 'Discard my changes' }));
    expect(onReapply).toHaveBeenCalledTimes(1);
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it('as a long region leaves the focus to the page, which holds the heading', () => {
    const heading = createRef<HTMLHeadingElement>();
    render(
      <ConflictNotice record="alias" reapplyLabel="Apply my changes" onReapply={() => {}} onDiscard={() => {}} announce={false} headingRef={heading}>
        <p>The newer list</p>
      </ConflictNotice>,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Someone else changed this alias' })).toBeInTheDocument();
    expect(heading.current).toHaveTextContent('Someone else changed this alias');
    expect(heading.current).not.toHaveFocus();
  });
});

describe('conflictingRecord', () => {
  const recordSchema = z.object({ id: z.number(), version: z.string() });

  it('is the current record a 409 carries', () => {
    const error = new ApiError(409, 'CONFLICT', 'Changed by someone else.', undefined, { current: { id: 7, version: 'v2' } });
    expect(conflictingRecord(error, recordSchema)).toEqual({ id: 7, version: 'v2' });
  });

  it('is undefined for any other failure, or a 409 without a record', () => {
    expect(conflictingRecord(new ApiError(422, 'VALIDATION', 'Bad.', undefined, { current: { id: 7, version: 'v2' } }), recordSchema)).toBeUndefined();
    expect(conflictingRecord(new ApiError(409, 'CONFLICT', 'Changed.', undefined, 'no details'), recordSchema)).toBeUndefined();
    expect(conflictingRecord(new ApiError(409, 'CONFLICT', 'Changed.', undefined, { current: { id: 'x' } }), recordSchema)).toBeUndefined();
    expect(conflictingRecord(new Error('network'), recordSchema)).toBeUndefined();
  });
});

describe('useFormSaved', () => {
  it('forgets the draft, says what was done and moves to the record with its state', async () => {
    const draft = draftOf(false);
    function SaveButton() {
      const saved = useFormSaved(draft);
      return (
        <button type="button" onClick={() => saved('DID 3125550101 saved.', '/dids/12', { from: 'edit' })}>
          Save
        </button>
      );
    }
    function RecordPage() {
      return <h1>DID page</h1>;
    }
    renderWithApp(
      <Routes>
        <Route path="/dids/12/edit" element={<SaveButton />} />
        <Route path="/dids/12" element={<RecordPage />} />
      </Routes>,
      { route: '/dids/12/edit', session: sessionOf('helpdesk') },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'DID page' })).toBeInTheDocument();
    expect(draft.clear).toHaveBeenCalledTimes(1);
    expect(screen.getByText('DID 3125550101 saved.')).toBeInTheDocument();
  });
});
