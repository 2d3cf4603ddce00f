/** Query keys of the users feature, broadest first, so that invalidating `all` refreshes every list. */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};
