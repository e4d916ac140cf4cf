import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form resolver that validates the request, not the typed text: `toRequest` builds
 * what would be sent (only the changes, only the chosen route's fields) and the contract's schema
 * checks exactly that, with zodResolver. So a hidden route field can neither block saving nor be
 * sent, and the submit handler receives the parsed request itself.
 *
 * The request's field paths are the form's (routing.inGroup is routing.inGroup), so each problem
 * lands on its field; a routing block that is missing altogether is the route not chosen, so its
 * problem goes on routing.route (choosing a route then clears it: react-hook-form checks again only
 * the field that changed). A problem of the request as a whole ("nothing to change"), or of a part the
 * person does not type (the list of DIDs of a bulk change), goes to errors.root.
 */
export function requestResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toRequest: (values: V) => unknown,
): Resolver<V, unknown, z.output<S>> {
  type Result = Awaited<ReturnType<Resolver<V, unknown, z.output<S>>>>;
  const validate = zodResolver(schema as z.ZodType<z.output<S>, FieldValues>) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
  return async (values, context, options) => {
    const result = await validate(toRequest(values) as FieldValues, context, options as Parameters<typeof validate>[2]);
    const onFields: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const [name, error] of Object.entries(result.errors as Record<string, FieldError>)) {
      if (name === 'routing' && error.message !== undefined) onFields.routing = { route: error };
      else if (name in values) onFields[name] = error;
      else elsewhere.push(error.message ?? '');
    }
    if (Object.keys(result.errors).length === 0) return result as Result;
    return { values: {}, errors: elsewhere.length === 0 ? onFields : { ...onFields, root: { type: 'request', message: elsewhere.join(' ') } } } as Result;
  };
}
