import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance, Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { requiredIn } from '@/lib/forms/input-rules';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { Messages } from '@/lib/i18n/messages/en';
import { isIdentifierAvailable } from '../../api/identifier-availability';
import {
  checkCaCertificate,
  checkHost,
  checkIdentifier,
  checkName,
  checkPassword,
  checkPasswordRef,
  checkPort,
  checkRemarks,
  checkRequired,
  type FieldProblem,
} from '../../utils/field-rules';
import type { DataSourceFormValues } from '../../utils/form-values';
import type { ReferenceChoice } from './PasswordSourceFields';
import type { PasswordScope } from './use-password-scope';

/** Pause after the last keystroke before asking the server whether an identifier is free. */
export const AVAILABILITY_DEBOUNCE_MS = 300;

export function problemText(problem: FieldProblem, label: string, m: Messages): string {
  switch (problem.code) {
    case 'required':
      return m.rules.required(label);
    case 'bytes':
      return m.rules.bytes(problem.max);
    case 'maxChars':
      return m.rules.maxChars(problem.max);
    case 'port':
      return m.rules.port(problem.min, problem.max);
    default:
      return m.rules[problem.code];
  }
}

/** An antd rule from one of the pure checks in field-rules.ts. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- V ties the check to the field's value type
function rule<V>(check: (value: V) => FieldProblem | undefined, label: string, m: Messages): Rule {
  return {
    validator: (_, value: V) => {
      const problem = check(value);
      return problem ? Promise.reject(new Error(problemText(problem, label, m))) : Promise.resolve();
    },
  };
}

const dataSource = requiredIn('DataSourceInput');
const standby = requiredIn('StandbyInput');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Options {
  form: FormInstance<DataSourceFormValues>;
  mode: 'create' | 'edit' | 'copy';
  /** The data source being edited, left out of the uniqueness check. */
  excludeId: string | undefined;
  /**
   * Whether the data source being edited reads its password, or its standby's, from a reference.
   * An empty password would keep that reference: one who switches to a password must type it.
   */
  referenced: { primary: boolean; standby: boolean };
  /** What the edit moved, and the passwords it needs again (see use-password-scope.ts). */
  scope: PasswordScope;
  /**
   * What the user may do with the primary's and the standby's reference: one who may only keep it
   * (not an administrator) cannot have it follow a moved endpoint.
   */
  references: { primary: ReferenceChoice; standby: ReferenceChoice };
}

/** A rule that refuses the value whatever it is, with the message: for a state the form itself is in. */
function refusing(message: string): Rule {
  return { validator: () => Promise.reject(new Error(message)) };
}

/** The validation rules of every field, mirroring the server's, in the current language. */
export function useFieldRules({ form, mode, excludeId, referenced, scope, references }: Options) {
  const { primary: primaryReferenced, standby: standbyReferenced } = referenced;
  const { moved, again } = scope;
  const m = useMessages();
  const queryClient = useQueryClient();

  return useMemo(() => {
    const f = m.form;
    const name = (required: boolean, label: string) =>
      rule((value: string) => checkName(value, { required }), label, m);
    const password = (required: boolean, label: string) =>
      rule((value: string) => checkPassword(value, { required }), label, m);
    const identifierAvailable: Rule = {
      validator: async (_, value: string) => {
        if (checkIdentifier(value)) return; // the format rule speaks first
        await sleep(AVAILABILITY_DEBOUNCE_MS);
        // A newer keystroke has its own validation running; this one no longer matters.
        if (form.getFieldValue('identifier') !== value) return;
        let available = true;
        try {
          available = await isIdentifierAvailable(queryClient, value, excludeId);
        } catch {
          return; // cannot tell now; the server checks again on save
        }
        if (!available) throw new Error(m.rules.identifierTaken);
      },
    };

    const standbyPasswordRequired = standby('password') || (mode === 'edit' && standbyReferenced) || again.standby;

    return {
      type: [rule(checkRequired, f.type, m)],
      identifier: [rule(checkIdentifier, f.identifier, m), identifierAvailable],
      region: [rule(checkRequired, f.region, m)],
      attribute: [rule(checkRequired, f.attribute, m)],
      host: [rule(checkHost, f.host, m)],
      port: [rule(checkPort, f.port, m)],
      username: [name(dataSource('username'), f.username)],
      // The API requires a password on create only: on edit an empty one keeps the stored password,
      // unless the edit moved the endpoint it was saved with.
      password: [password(mode !== 'edit' || primaryReferenced || again.primary, f.password)],
      passwordRef: [
        rule((value: string) => checkPasswordRef(value, { of: 'primary' }), f.passwordRef, m),
        ...(moved.primary && references.primary === 'keep' ? [refusing(f.referenceNeedsAdmin)] : []),
      ],
      databaseName: [name(dataSource('databaseName'), f.databaseName)],
      schemaName: [name(dataSource('schemaName'), f.schemaName)],
      heartbeatSchema: [name(dataSource('heartbeatSchema'), f.heartbeatSchema)],
      remarks: [rule(checkRemarks, f.remarks, m)],
      standbyHost: [rule(checkHost, f.standbyHost, m)],
      standbyPort: [rule(checkPort, f.standbyPort, m)],
      standbyUsername: [name(standby('username'), f.standbyUsername)],
      standbyPassword: [
        password(standbyPasswordRequired, standbyPasswordRequired ? f.standbyPasswordRequired : f.standbyPassword),
      ],
      standbyPasswordRef: [
        rule((value: string) => checkPasswordRef(value, { of: 'standby' }), f.standbyPasswordRef, m),
        ...(moved.standby && references.standby === 'keep' ? [refusing(f.referenceNeedsAdmin)] : []),
      ],
      // Optional even for the verify modes: without one the service's trusted authorities are used.
      caCertificate: [rule(checkCaCertificate, f.caCertificate, m)],
    };
  }, [m, mode, form, queryClient, excludeId, primaryReferenced, standbyReferenced, moved, again, references]);
}

export type FieldRules = ReturnType<typeof useFieldRules>;
