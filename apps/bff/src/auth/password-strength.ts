import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { AppError } from '../errors.js';

// zxcvbn-ts: common passwords, names, words, keyboard walks and sequences, scored by guesses needed.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** zxcvbn's score (0-4) a chosen password must reach: 3 is "safely unguessable" for an online attack with throttling. */
const MIN_SCORE = 3;

/**
 * Refuses a password that is easy to guess: one holding the person's username, or one zxcvbn rates
 * below MIN_SCORE (common passwords, the person's names, patterns). The length rule is the contract's.
 */
export function assertStrongPassword(password: string, person: { username: string; displayName: string }, field = 'newPassword'): void {
  const refuse = (why: string) => {
    throw new AppError('VALIDATION', `New password: too easy to guess — ${why}`, { field });
  };
  if (password.toLowerCase().includes(person.username.toLowerCase())) refuse('it must not contain your username.');
  const { score, feedback } = zxcvbn.check(password, [person.username, ...person.displayName.split(/\s+/)]);
  if (score < MIN_SCORE) refuse(feedback.warning || feedback.suggestions[0] || 'add more words that are less common.');
}
