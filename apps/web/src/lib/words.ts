/** A count with its noun: "1 login", "2 logins" (`plural` for nouns that do not take an s). */
export const counted = (count: number, noun: string, plural = `${noun}s`): string => `${count} ${count === 1 ? noun : plural}`;
