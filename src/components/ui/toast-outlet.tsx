// Where toasts appear; the page has one, and each open modal drawer adds its own.
import { useContext, useLayoutEffect, useRef } from 'react';
import { ToastHostContext } from './toast-context';

export function ToastOutlet() {
  const register = useContext(ToastHostContext);
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (!register || !ref.current) return;
    return register(ref.current);
  }, [register]);
  return <section ref={ref} className="toast-outlet" aria-label="Notifications" />;
}
