/** One's own password page: linked from the header, and where a one-time password leads. */
export const PASSWORD_PATH = '/password';
