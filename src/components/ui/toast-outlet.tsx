// Where toasts appear; the page has one, and each open modal drawer adds its own.
import { useContext } from 'react';
import { ToastHostContext } from './toast-context';

export function ToastOutlet() {
  // A ref callback that returns a cleanup: registered while mounted.
  const register = useContext(ToastHostContext);
  return <section ref={register ?? undefined} className="toast-outlet" aria-label="Notifications" />;
}
