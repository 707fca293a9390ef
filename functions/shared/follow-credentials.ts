/**
 * Something built from credentials, rebuilt only when they change: each call reads the credentials
 * as stored now (cheap: Secrets Manager values are cached for minutes) and reuses what was built
 * from the same values. The first read starts at once, during a Lambda's init phase.
 */
export const followCredentials = <C extends readonly string[], T>(
  read: () => Promise<C>,
  build: (credentials: C) => T,
): (() => Promise<T>) => {
  let first: Promise<C> | undefined = read();
  first.catch(() => undefined);
  let current: { readonly credentials: C; readonly value: T } | undefined;
  return async () => {
    const pending = first ?? read();
    first = undefined;
    const credentials = await pending;
    const unchanged =
      current?.credentials.length === credentials.length &&
      credentials.every((value, i) => current?.credentials[i] === value);
    if (!current || !unchanged) current = { credentials, value: build(credentials) };
    return current.value;
  };
};
