import type { Role } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useSignedInUser } from './session';

/**
 * What each role may do, as the server enforces it (it answers 403 otherwise); the console uses
 * this only to disable what would be refused, and to say why.
 */
export type Capability =
  | 'changeDataSources'
  | 'testDataSources'
  | 'readAudit'
  | 'manageUsers'
  /** Follow the provisioning files' state and export the data sources as one. */
  | 'administerProvisioning'
  /**
   * Give a data source a password reference (file:NAME, env:DSM_SOURCE_…): it names a secret the
   * user never saw, so only one trusted with all of them may point it at a server.
   */
  | 'namePasswordReferences';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  VIEWER: [],
  OPERATOR: ['changeDataSources', 'testDataSources'],
  ADMIN: [
    'changeDataSources',
    'testDataSources',
    'readAudit',
    'manageUsers',
    'administerProvisioning',
    'namePasswordReferences',
  ],
};

export function roleCan(role: Role | undefined, capability: Capability): boolean {
  return role !== undefined && CAPABILITIES[role].includes(capability);
}

export interface Permissions {
  role: Role | undefined;
  can: (capability: Capability) => boolean;
  /** Why the signed-in user may not do this, in words for a tooltip; undefined when they may. */
  whyNot: (capability: Capability) => string | undefined;
}

export function usePermissions(): Permissions {
  const m = useMessages();
  const role = useSignedInUser()?.role;
  return {
    role,
    can: (capability) => roleCan(role, capability),
    whyNot: (capability) =>
      roleCan(role, capability) ? undefined : m.access.denied[capability](role ? m.roles[role] : undefined),
  };
}
