// The one modal question (unsaved changes, overwrite, restore). Focus goes to the first
// choice, stays inside the dialog (Tab wraps), and returns where it was afterwards;
// Escape dismisses (the same as Cancel).
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useUiStore } from '../store/ui';

export function QuestionDialog() {
  const question = useUiStore((s) => s.question);
  const answer = useUiStore((s) => s.answer);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!question) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => previous?.focus();
  }, [question]);

  if (!question) return null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      answer(null);
      return;
    }
    if (e.key !== 'Tab') return;
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : (i + 1) % buttons.length;
    e.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-message"
        onKeyDown={onKeyDown}
      >
        <h2 id="dialog-title">{question.title}</h2>
        <p id="dialog-message">{question.message}</p>
        <div className="dialog-buttons">
          {question.choices.map((c, i) => (
            <button key={c} type="button" onClick={() => answer(c)} className={i === 0 ? 'primary' : ''}>
              {c}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
