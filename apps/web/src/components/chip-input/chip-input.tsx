import {
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { Field } from '../form-field';
import { addItems, hasSeparator, itemKey, listInWords, splitItems } from './chips';
import './chip-input.css';

/**
 * A list of short items as chips, with a text box to add more: an ARIA combobox whose listbox
 * offers suggestions. Enter, a comma or a space adds what is typed, a pasted list adds every item,
 * Backspace in the empty box removes the last chip. The chips form one stop in the tab order:
 * arrows move between them, Delete or Backspace (or their remove button) removes one. Duplicates
 * (ignoring case) are refused with a message; invalid chips are marked in words, not only colour.
 */

export interface ChipState {
  /** Why the item cannot be saved (e.g. "no phone has this login"): shown in the chip and announced. */
  invalid?: string;
  /** The item is still being checked. */
  pending?: boolean;
}

export interface ChipSuggestion {
  value: string;
  /** Shown after the value, e.g. the phone's extension and server. */
  description?: string;
}

/** A limit on the whole list (e.g. the characters of the joined list). */
export interface ChipBudget {
  used: number;
  max: number;
  /** What is counted: "characters". */
  unit: string;
}

export interface ChipInputProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  values: readonly string[];
  onChange: (values: string[]) => void;
  onBlur?: () => void;
  /** Where a failed save puts the focus (react-hook-form's field ref). */
  ref?: Ref<HTMLInputElement>;
  chipState?: (value: string) => ChipState;
  /** Suggestions for the text being typed (which `onTextChange` reports). */
  suggestions?: readonly ChipSuggestion[];
  onTextChange?: (text: string) => void;
  /** About the suggestions ("No phone login starts with 99"): shown and announced instead of their count. */
  suggestionsNote?: string | undefined;
  budget?: ChipBudget;
}

const VALID: ChipState = {};

const suggestionCount = (count: number) =>
  `${count} ${count === 1 ? 'suggestion' : 'suggestions'}: Up and Down arrows to choose, Enter to add.`;

type FocusAfterRemoval = 'previous' | 'next' | 'input';

export function ChipInput({
  label,
  hint,
  error,
  required,
  values,
  onChange,
  onBlur,
  ref,
  chipState = () => VALID,
  suggestions = [],
  onTextChange,
  suggestionsNote,
  budget,
}: ChipInputProps) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const budgetId = `${id}-budget`;
  const [text, setTextState] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Visible: why something typed was not added. Hidden: what changed, and problems that appeared.
  const [feedback, setFeedback] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [problems, setProblems] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  const chipButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const [rovingIndex, setRovingIndex] = useState(0);
  const focusAfterChange = useRef<number | 'input' | null>(null);

  const chosen = new Set(values.map(itemKey));
  const options = suggestions.filter((suggestion) => !chosen.has(itemKey(suggestion.value)));
  const expanded = open && text.trim() !== '' && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  const optionId = (index: number) => `${id}-option-${index}`;

  const setText = (next: string) => {
    setTextState(next);
    onTextChange?.(next);
    setActive(-1);
    setOpen(next.trim() !== '');
  };

  const commit = (candidates: readonly string[]) => {
    if (candidates.length === 0) return;
    const result = addItems(values, candidates);
    if (result.added.length > 0) onChange(result.items);
    const { duplicates } = result;
    setFeedback(duplicates.length === 0 ? '' : `${listInWords(duplicates)} ${duplicates.length === 1 ? 'is' : 'are'} already in the list: not added again.`);
    setAnnouncement(result.added.length === 0 ? '' : `Added ${listInWords(result.added)}.`);
  };

  const commitText = () => {
    commit(splitItems(text));
    setText('');
  };

  const remove = (index: number, focus: FocusAfterRemoval) => {
    const removed = values[index];
    if (removed === undefined) return;
    const rest = values.filter((_, i) => i !== index);
    focusAfterChange.current =
      focus === 'input' || rest.length === 0 ? 'input' : focus === 'previous' ? Math.max(index - 1, 0) : Math.min(index, rest.length - 1);
    onChange(rest);
    setFeedback('');
    setAnnouncement(`Removed ${removed}.`);
  };

  const focusChip = (index: number) => {
    setRovingIndex(index);
    chipButtons.current[index]?.focus();
  };

  // After a removal the focus goes to the neighbouring chip (or the text box), not to the page.
  useEffect(() => {
    const target = focusAfterChange.current;
    focusAfterChange.current = null;
    if (target === 'input') input.current?.focus();
    else if (target !== null) focusChip(target);
  }, [values]);

  useProblemAnnouncements(values, chipState, budget, setProblems);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const { selectionStart, selectionEnd } = event.currentTarget;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (options.length === 0 || text.trim() === '') return;
        event.preventDefault();
        setOpen(true);
        setActive((current) =>
          event.key === 'ArrowDown' ? (current + 1) % options.length : current <= 0 ? options.length - 1 : current - 1,
        );
        return;
      case 'Enter':
        if (activeOption) {
          event.preventDefault();
          pick(activeOption);
        } else if (text.trim() !== '') {
          event.preventDefault();
          commitText();
        }
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (text !== '') {
          event.preventDefault();
          setText('');
        }
        return;
      case 'Backspace':
        if (text === '' && values.length > 0) {
          event.preventDefault();
          remove(values.length - 1, 'input');
        }
        return;
      case 'ArrowLeft':
        if (selectionStart === 0 && selectionEnd === 0 && values.length > 0) {
          event.preventDefault();
          focusChip(values.length - 1);
        }
        return;
    }
  };

  const onInputChange = (value: string) => {
    if (!hasSeparator(value)) {
      setText(value);
      return;
    }
    // A comma or space typed (or an autofill with several items): add what is complete, keep the rest.
    const parts = value.split(/[\s,]+/);
    const rest = parts.pop() ?? '';
    commit(parts.filter((part) => part !== ''));
    setText(rest);
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    // One item is pasted like typed text (it can still be edited); a list becomes chips at once.
    if (!hasSeparator(pasted.trim())) return;
    event.preventDefault();
    const { selectionStart, selectionEnd } = event.currentTarget;
    const before = text.slice(0, selectionStart ?? text.length);
    const after = text.slice(selectionEnd ?? text.length);
    commit(splitItems(`${before}${pasted}${after}`));
    setText('');
  };

  const pick = (option: ChipSuggestion) => {
    commit([option.value]);
    setText('');
    input.current?.focus();
  };

  const onChipKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, () => void> = {
      ArrowLeft: () => focusChip(Math.max(index - 1, 0)),
      ArrowRight: () => (index < values.length - 1 ? focusChip(index + 1) : input.current?.focus()),
      Home: () => focusChip(0),
      End: () => focusChip(values.length - 1),
      Delete: () => remove(index, 'next'),
      Backspace: () => remove(index, 'previous'),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const setInputRef = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );

  const roving = Math.min(rovingIndex, values.length - 1);
  // A stored list may hold a login twice (VICIdial keeps duplicates): keys stay unique all the same.
  const occurrences = new Map<string, number>();
  const chipKeys = values.map((value) => {
    const key = itemKey(value);
    const seen = occurrences.get(key) ?? 0;
    occurrences.set(key, seen + 1);
    return seen === 0 ? key : `${key}#${seen}`;
  });
  const over = budget !== undefined && budget.used > budget.max;

  return (
    <Field label={label} hint={hint} error={error} required={required} className="chip-field">
      {(control) => (
        <>
          {/* A click on the box's empty space types into it, as in a text field. */}
          <div className="chip-box" onClick={(event) => event.target === event.currentTarget && input.current?.focus()}>
            {values.length > 0 && (
              <ul className="chip-list" aria-label={`${label}: ${values.length} chosen`}>
                {values.map((value, index) => {
                  const state = chipState(value);
                  const noteId = `${id}-chip-${index}-note`;
                  const note = state.invalid ?? (state.pending ? 'checking…' : undefined);
                  return (
                    <li key={chipKeys[index]} className={state.invalid ? 'chip chip--invalid' : state.pending ? 'chip chip--pending' : 'chip'}>
                      {state.invalid && (
                        <span className="chip-icon" aria-hidden="true">
                          !
                        </span>
                      )}
                      <span className="chip-value">{value}</span>
                      {note && (
                        <span id={noteId} className="chip-note">
                          ({note})
                        </span>
                      )}
                      <button
                        ref={(element) => {
                          chipButtons.current[index] = element;
                        }}
                        type="button"
                        className="chip-remove"
                        tabIndex={index === roving ? 0 : -1}
                        aria-label={`Remove ${value}`}
                        aria-describedby={note ? noteId : undefined}
                        onFocus={() => setRovingIndex(index)}
                        onKeyDown={(event) => onChipKeyDown(event, index)}
                        onClick={() => remove(index, 'next')}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            <input
              {...control}
              ref={setInputRef}
              type="text"
              role="combobox"
              aria-expanded={expanded}
              aria-controls={expanded ? listboxId : undefined}
              aria-autocomplete="list"
              aria-activedescendant={activeOption ? optionId(active) : undefined}
              aria-describedby={[control['aria-describedby'], budget ? budgetId : undefined].filter(Boolean).join(' ') || undefined}
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(event) => onInputChange(event.target.value)}
              onKeyDown={onInputKeyDown}
              onPaste={onPaste}
              onBlur={() => {
                if (text.trim() !== '') commitText();
                setOpen(false);
                onBlur?.();
              }}
            />
          </div>
          {expanded && (
            <ul id={listboxId} className="chip-listbox" role="listbox" aria-label={`${label}: suggestions`}>
              {options.map((option, index) => (
                <li
                  key={option.value}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="chip-option"
                  // Keeps the focus in the text box: a click picks, it does not leave the field.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                >
                  <span className="chip-option-value">{option.value}</span>
                  {option.description && <span className="chip-option-description"> — {option.description}</span>}
                </li>
              ))}
            </ul>
          )}
          <p className="chip-suggestions-note" aria-live="polite">
            {text.trim() === '' ? '' : (suggestionsNote ?? (expanded ? suggestionCount(options.length) : ''))}
          </p>
          <p className="chip-feedback" aria-live="polite">
            {feedback}
          </p>
          {budget && (
            <p id={budgetId} className={over ? 'chip-budget chip-budget--over' : 'chip-budget'}>
              {over && <span aria-hidden="true">! </span>}
              {budget.used} of {budget.max} {budget.unit}
              {over && `: ${budget.used - budget.max} over the limit`}
            </p>
          )}
          <div className="visually-hidden" aria-live="polite">
            {announcement}
          </div>
          <div className="visually-hidden" aria-live="polite">
            {problems}
          </div>
        </>
      )}
    </Field>
  );
}

/**
 * Announces, politely, what newly makes the list unsavable or savable again: a chip found invalid
 * (often after a check that took a moment) and the budget crossed in either direction. Nothing is
 * announced for the list as first shown.
 */
function useProblemAnnouncements(
  values: readonly string[],
  chipState: (value: string) => ChipState,
  budget: ChipBudget | undefined,
  announce: (message: string) => void,
) {
  const invalid = values.flatMap((value) => {
    const reason = chipState(value).invalid;
    return reason === undefined ? [] : [`${value}: ${reason}.`];
  });
  const over = budget !== undefined && budget.used > budget.max;
  const signature = invalid.join('\n');
  const previous = useRef<{ invalid: Set<string>; over: boolean } | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = { invalid: new Set(invalid), over };
    if (before === null) return;
    const messages = invalid.filter((message) => !before.invalid.has(message));
    if (budget && over !== before.over) {
      messages.push(
        over
          ? `The list is over the limit: ${budget.used} of ${budget.max} ${budget.unit}.`
          : `The list is within the limit again: ${budget.used} of ${budget.max} ${budget.unit}.`,
      );
    }
    if (messages.length > 0) announce(messages.join(' '));
    // The signature stands for the list of problems: re-run only when it (or the budget side) changes.
  }, [signature, over]);
}
