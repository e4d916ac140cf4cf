import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { setServerErrors } from './form-errors';

interface Values {
  pattern: string;
  routing: { inGroup: string };
}

const setup = () =>
  renderHook(() => {
    const form = useForm<Values>({ defaultValues: { pattern: '', routing: { inGroup: '' } } });
    // Reading errors subscribes the render to them (react-hook-form's proxy).
    void form.formState.errors;
    return form;
  });

describe('setServerErrors', () => {
  it('puts every field problem on its field, nested fields too', () => {
    const { result } = setup();
    const error = new ApiError(400, 'VALIDATION', 'DID pattern: 2 to 50', 'pattern', {
      issues: [
        { field: 'pattern', message: 'DID pattern: 2 to 50' },
        { field: 'routing.inGroup', message: 'In-group: required' },
      ],
    });
    act(() => setServerErrors(result.current.setError, error));
    expect(result.current.formState.errors.pattern?.message).toBe('DID pattern: 2 to 50');
    expect(result.current.formState.errors.routing?.inGroup?.message).toBe('In-group: required');
    expect(result.current.formState.errors.root?.server).toBeUndefined();
  });

  it('maps API field names to the form, and sends unknown ones to the form as a whole', () => {
    const { result } = setup();
    const error = new ApiError(400, 'VICIDIAL_REJECTED', 'In-group NOPE does not exist', 'inGroup');
    act(() => setServerErrors(result.current.setError, error, (field) => (field === 'inGroup' ? 'routing.inGroup' : undefined)));
    expect(result.current.formState.errors.routing?.inGroup?.message).toBe('In-group NOPE does not exist');

    act(() => setServerErrors(result.current.setError, new ApiError(400, 'VICIDIAL_REJECTED', 'Campaign off', 'campaignId'), () => undefined));
    expect(result.current.formState.errors.root?.server?.message).toBe('Campaign off');
  });

  it('puts an error without a field on the form as a whole, with its code', () => {
    const { result } = setup();
    act(() => setServerErrors(result.current.setError, new ApiError(409, 'CONFLICT', 'Someone changed this DID since you loaded it.')));
    expect(result.current.formState.errors.root?.server).toMatchObject({ type: 'CONFLICT', message: 'Someone changed this DID since you loaded it.' });
  });
});
