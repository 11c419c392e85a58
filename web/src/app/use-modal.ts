/**
 * What a form modal is open for, and a key that changes each time it opens.
 * Render the modal with that key: a modal reopened for another record (even
 * while it is still fading out) gets a fresh form, never the last one's values.
 */
import { useCallback, useState } from 'react';

export interface ModalState<T> {
  target: T | null;
  key: number;
  open(target: T): void;
  close(): void;
}

export function useModal<T>(): ModalState<T> {
  const [state, setState] = useState<{ target: T | null; key: number }>({ target: null, key: 0 });
  const open = useCallback((target: T) => setState((s) => ({ target, key: s.key + 1 })), []);
  const close = useCallback(() => setState((s) => ({ target: null, key: s.key })), []);
  return { target: state.target, key: state.key, open, close };
}
