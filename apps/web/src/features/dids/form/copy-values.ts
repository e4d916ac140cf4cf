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
