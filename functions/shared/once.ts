/** Created on first use and kept for the container's life; a failed creation is retried on the next call. */
export const once = <T>(create: () => T): (() => T) => {
  let created: { readonly value: T } | undefined;
  return () => (created ??= { value: create() }).value;
};
