/** One line of a Non-Agent API answer, split into its parts. */
export type AnswerLine = StatusLine | VersionLine | OtherLine;

/** `SUCCESS|ERROR|NOTICE: [fn ]MESSAGE(: || - )user|value|value…` */
export interface StatusLine {
  type: 'status';
  status: 'SUCCESS' | 'ERROR' | 'NOTICE';
  /** The function name VICIdial printed (not always the one called), if any. */
  fn?: string;
  text: string;
  /** What follows the user field, split on `|`. */
  values: string[];
}

/** `VERSION: 2.14-202|BUILD: 250720-1841|DATE: …|` */
export interface VersionLine {
  type: 'version';
  fields: ReadonlyMap<string, string>;
}

/** Anything else: HTML, garbage, an unknown format. */
export interface OtherLine {
  type: 'other';
}

// The message runs to the first `: |` or ` - ` (messages contain neither). The function name is
// lower case; fn-less messages ("Login incorrect…", "Invalid Source") start with a capital.
const STATUS_LINE = /^(SUCCESS|ERROR|NOTICE): (?:([a-z][a-z_]*) )?(.+?)(?:: \|| - | -$|$)(.*)$/;

/** The non-empty lines of a body, each classified. */
export function splitAnswer(body: string): AnswerLine[] {
  return body
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== '')
    .map(parseLine);
}

function parseLine(line: string): AnswerLine {
  if (line.startsWith('VERSION: ')) return parseVersion(line);
  const match = STATUS_LINE.exec(line);
  if (!match) return { type: 'other' };
  const [, status, fn, text, data = ''] = match;
  // The first field is the API user, except on the fn-less "Invalid Source - x" line (harmless:
  // no value of that message is ever read).
  const values = data === '' ? [] : data.split('|').slice(1);
  return {
    type: 'status',
    status: status as StatusLine['status'],
    ...(fn === undefined ? {} : { fn }),
    text: text ?? '',
    values,
  };
}

function parseVersion(line: string): AnswerLine {
  const fields = new Map<string, string>();
  for (const part of line.split('|')) {
    if (part === '') continue;
    const separator = part.indexOf(': ');
    if (separator < 1) return { type: 'other' };
    fields.set(part.slice(0, separator), part.slice(separator + 2));
  }
  return { type: 'version', fields };
}
