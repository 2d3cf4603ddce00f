import { inputRules } from '@/lib/api/input-rules';
import type { Messages } from '@/lib/i18n/messages/en';

/** A password's length limits, as the API states them for the field that carries it. */
export interface PasswordLimits {
  minLength: number;
  maxLength: number;
}

/** A user's password, set by an administrator. */
export const USER_PASSWORD: PasswordLimits = inputRules.UserInput.properties.password;
/** The signed-in user's new password. */
export const NEW_PASSWORD: PasswordLimits = inputRules.PasswordChangeInput.properties.newPassword;

/**
 * The server's password rules, checked as the user types; the server checks them again. Returns
 * the first broken rule's message, or undefined. That a password must not contain the username
 * is a rule the API's schema cannot state; the server checks it too.
 */
export function passwordProblem(
  password: string,
  username: string,
  limits: PasswordLimits,
  texts: Pick<Messages['password'], 'tooShort' | 'tooLong' | 'containsUsername'>,
): string | undefined {
  if (password.length < limits.minLength) return texts.tooShort(limits.minLength);
  if (password.length > limits.maxLength) return texts.tooLong(limits.maxLength);
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) return texts.containsUsername;
  return undefined;
}
