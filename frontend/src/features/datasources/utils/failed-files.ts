import type { Provisioning, ProvisioningError } from '@/lib/api/types';

/** How many of a file's errors the banner spells out; the rest are counted. */
export const ERRORS_SHOWN = 3;

export interface FailedFile {
  file: string;
  /** The first {@link ERRORS_SHOWN} errors. */
  shown: ProvisioningError[];
  /** How many errors there are beyond those shown. */
  more: number;
}

/** The files whose last apply failed, with the errors worth spelling out. None when no folder is read. */
export function failedFiles(provisioning: Provisioning | undefined): FailedFile[] {
  if (!provisioning?.enabled) return [];
  return provisioning.files
    .filter((file) => file.status === 'FAILED')
    .map((file) => {
      const errors = file.errors;
      return {
        file: file.file,
        shown: errors.slice(0, ERRORS_SHOWN),
        more: Math.max(0, errors.length - ERRORS_SHOWN),
      };
    });
}
