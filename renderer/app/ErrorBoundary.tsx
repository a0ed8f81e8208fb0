// Keeps a fault in one part of the window from blanking the rest: the part shows what went
// wrong and a way back, while the toolbar (Save, Undo) and the other parts keep working. The
// project lives in the store, not in the part that failed, so nothing is lost.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part is called on screen ("canvas", "inspector", "charts"). */
  part: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever debugs it (devtools); the person using the app gets the box below.
    console.error(`BPNN Studio: the ${this.props.part} stopped with an error`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="part-error" role="alert">
        <h2>The {this.props.part} ran into a problem</h2>
        <p>
          {error.message || 'An unexpected error.'} Your project is safe: the rest of the window still works, and Save keeps everything as it was.
        </p>
        <p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Show the {this.props.part} again
          </button>
        </p>
        <p className="muted">If it happens again, save the project and report the problem with the file and what you did just before.</p>
      </div>
    );
  }
}
