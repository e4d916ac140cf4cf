import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { type UpdatePhoneRequest, updatePhoneRequestSchema } from '@vicidash/contracts/phone';
import { type PhoneFormValues, phoneChanges } from './phone-changes';

const validateChanges = zodResolver(updatePhoneRequestSchema);
type ValidateOptions = Parameters<typeof validateChanges>[2];

/**
 * The edit form's resolver: the contract's update schema applied to the changes only. A field left
 * as loaded is not checked (VICIdial may hold a value older than today's rules) and not sent.
 * `loaded` gives the values the form started from.
 */
export function phoneChangesResolver(loaded: () => PhoneFormValues): Resolver<PhoneFormValues> {
  return async (values, context, options) => {
    const changes = phoneChanges(loaded(), values);
    // Nothing changed is no error: Save is simply not offered.
    if (Object.keys(changes).length === 0) return { values, errors: {} };
    // Unchecked values (an emptied required field is null) are what the schema is there to refuse.
    const request = changes as UpdatePhoneRequest;
    // The request's field names are the form's, so each error lands on its field as it is.
    const result = await validateChanges(request, context, options as unknown as ValidateOptions);
    const errors = result.errors as FieldErrors<PhoneFormValues>;
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

/** The request body for the user's values: call it once the resolver accepted them. */
export const phoneUpdateRequest = (loaded: PhoneFormValues, values: PhoneFormValues): UpdatePhoneRequest =>
  updatePhoneRequestSchema.parse(phoneChanges(loaded, values));
