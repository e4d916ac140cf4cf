import type { FieldErrors, Resolver } from 'react-hook-form';
import { type CopyDidRequest, copyDidRequestSchema } from '@vicidash/contracts/did';
import { definedFields } from './defined';

/** The copy form: the new numbers as typed (one per line, or separated by commas or spaces) and an optional description. */
export interface CopyFormValues {
  newPatterns: string;
  description: string;
}

export const NEW_COPY: CopyFormValues = { newPatterns: '', description: '' };

/** The typed numbers, in order, blanks dropped. */
export const typedPatterns = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

/** The copy request: the source DID's pattern (the BFF checks it is the DID of the path) and the new numbers. */
export const copyRequest = (sourcePattern: string, values: CopyFormValues): Record<string, unknown> =>
  definedFields({
    sourcePattern,
    newPatterns: typedPatterns(values.newPatterns),
    description: values.description.trim() || undefined,
  });

/**
 * The copy form's resolver: every problem at once, each number's own problems named by the number
 * ("31255: DID number: 2 to 50 …"), the list's (a number twice, too long a list) after them.
 */
export const copyResolver =
  (sourcePattern: string): Resolver<CopyFormValues, unknown, CopyDidRequest> =>
  async (values) => {
    const result = copyDidRequestSchema.safeParse(copyRequest(sourcePattern, values));
    if (result.success) return { values: result.data, errors: {} };
    const typed = typedPatterns(values.newPatterns);
    const messages = new Map<string, string[]>();
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      const name = field === 'newPatterns' || field === 'description' ? field : 'root';
      const message = typeof index === 'number' ? `${typed[index]}: ${issue.message}` : issue.message;
      messages.set(name, [...(messages.get(name) ?? []), message]);
    }
    const errors = Object.fromEntries([...messages].map(([name, list]) => [name, { type: 'validation', message: list.join(' ') }]));
    return { values: {}, errors: errors as FieldErrors<CopyFormValues> };
  };
