// Keeps a fault in one part of the window from blanking the rest: the part shows what went
// wrong and a way back, while the toolbar (Save, Undo) and the other parts keep working. The
// project lives in the store, not in the part that failed, so nothing is lost.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

export type Part = 'canvas' | 'resultsArea' | 'inspector';

interface Props {
  /** Which part of the window this is; its name on screen is `parts.<part>` in the catalogs. */
  part: Part;
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
      <Translation>
        {(t) => {
          const part = t(`parts.${this.props.part}`);
          return (
            <div className="part-error" role="alert">
              <h2>{t('parts.failed', { part })}</h2>
              <p>{t('parts.safe', { message: error.message || t('parts.unexpected') })}</p>
              <p>
                <button type="button" onClick={() => this.setState({ error: null })}>
                  {t('parts.showAgain', { part })}
                </button>
              </p>
              <p className="muted">{t('parts.report')}</p>
            </div>
          );
        }}
      </Translation>
    );
  }
}
