// A part of the page that a first visit does without (a dialog, the drawer), loaded as React documents it:
// React.lazy inside Suspense, and an error boundary that says when its code did not download, with Retry.
// `preload()` starts the download early, when the person points at or focuses what opens the part.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/** `name` says what did not download ("the Rotate dialog"); `fallback` stands in while it downloads. */
export function lazyPart<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => ReactNode = () => null,
) {
  type Module = { default: ComponentType<P> };
  let loaded: Module | undefined;
  const fetchPart = () => load().then((Loaded) => (loaded = { default: Loaded }));
  // React renders a lazy component at once when its loader answers synchronously: a preloaded part does not pass
  // through the fallback (which would take focus from a control the person just reached).
  const importPart = (): Promise<Module> =>
    loaded ? ({ then: (resolve: (m: Module) => void) => resolve(loaded!) } as Promise<Module>) : fetchPart();
  // React keeps a failed lazy's error for good: Retry makes a new one.
  let Lazy = lazy(importPart);
  const Part = (props: P) => (
    <PartBoundary
      name={name}
      // Parts that can be dismissed (dialogs) take `onClose`: a failed download offers Close as well as Retry.
      onClose={(props as { onClose?: () => void }).onClose}
      onRetry={() => {
        Lazy = lazy(importPart);
      }}
      render={() => (
        <Suspense fallback={fallback(props)}>
          <Lazy {...props} />
        </Suspense>
      )}
    />
  );
  Part.preload = () => void fetchPart().catch(() => {});
  return Part;
}

interface BoundaryProps {
  name: string;
  render: () => ReactNode;
  onRetry: () => void;
  onClose?: () => void;
}

class PartBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.render();
    return (
      <div className="part-failed" role="alert">
        <p>Could not open {this.props.name}: its code did not download. Check the connection, then retry.</p>
        <div className="part-failed__actions">
          <button type="button" className="btn btn--small btn--primary" onClick={this.retry}>
            Retry
          </button>
          {this.props.onClose && (
            <button type="button" className="btn btn--small" onClick={this.props.onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
}
