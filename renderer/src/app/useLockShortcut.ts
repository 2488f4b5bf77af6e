import { useEffect, useRef } from 'react';

/** Ctrl+L (Cmd+L on macOS) locks the vault from anywhere, also while typing in a field. */
export function useLockShortcut(lock: () => void): void {
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.shiftKey || event.repeat) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== 'l' && event.code !== 'KeyL') return;
      event.preventDefault();
      lockRef.current();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
