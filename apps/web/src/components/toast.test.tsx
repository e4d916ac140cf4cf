import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUCCESS_TOAST_MS, ToastProvider, useToast } from './toast';

function Buttons() {
  const toast = useToast();
  return (
    <>
      <button type="button" onClick={() => toast.success('DID 3125550101 saved.')}>
        ok
      </button>
      <button type="button" onClick={() => toast.error('VICIdial did not answer.')}>
        fail
      </button>
    </>
  );
}

afterEach(() => vi.useRealTimers());

describe('toasts', () => {
  it('announces successes politely and lets them go after a while', async () => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Buttons />
      </ToastProvider>,
    );
    act(() => screen.getByRole('button', { name: 'ok' }).click());
    expect(screen.getByRole('status')).toHaveTextContent('DID 3125550101 saved.');
    act(() => vi.advanceTimersByTime(SUCCESS_TOAST_MS));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('announces errors at once and keeps them until dismissed', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <Buttons />
      </ToastProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'fail' }));
    expect(screen.getByRole('alert')).toHaveTextContent('VICIdial did not answer.');
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });
});
