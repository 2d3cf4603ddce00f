import type { Messages } from '@/lib/i18n/messages/en';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * The server's password rules, checked as the user types; the server checks them again. Returns
 * the first broken rule's message, or undefined.
 */
export function passwordProblem(
  password: string,
  username: string,
  texts: Pick<Messages['password'], 'tooShort' | 'tooLong' | 'containsUsername'>,
): string | undefined {
  if (password.length < PASSWORD_MIN) return texts.tooShort;
  if (password.length > PASSWORD_MAX) return texts.tooLong;
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) return texts.containsUsername;
  return undefined;
}
