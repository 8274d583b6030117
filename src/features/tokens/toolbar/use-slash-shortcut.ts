// "/" anywhere on the page (outside a text field and with no dialog open) puts the caret in the filter box: from a
// checkbox or a button too, where "/" types nothing.
import { useEffect, type RefObject } from 'react';

export function useSlashShortcut(filterRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const { target } = event;
      const typing =
        target instanceof HTMLElement &&
        (target.isContentEditable ||
          target.closest('input:not([type="checkbox"], [type="radio"]), textarea, select, [role="menu"]') !== null);
      if (typing || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const box = filterRef.current;
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [filterRef]);
}
