// The browser's storage for what belongs to the user on this computer, not to a project (the
// language, the split, the memory limit). Null where storage is missing or refused (private
// mode, a sandboxed page, Node in tests), and every caller then falls back to its default.

export type UserStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function userStorage(): UserStorage | null {
  try {
    return (globalThis as { localStorage?: UserStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}
