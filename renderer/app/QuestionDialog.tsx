// The one modal question (unsaved changes, overwrite, restore). Focus goes to the first
// choice; Escape dismisses (the same as Cancel).
import { useEffect, useRef } from 'react';
import { useUiStore } from '../store/ui';

export function QuestionDialog() {
  const question = useUiStore((s) => s.question);
  const answer = useUiStore((s) => s.answer);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (question) first.current?.focus();
  }, [question]);

  if (!question) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-message"
        onKeyDown={(e) => {
          if (e.key === 'Escape') answer(null);
        }}
      >
        <h2 id="dialog-title">{question.title}</h2>
        <p id="dialog-message">{question.message}</p>
        <div className="dialog-buttons">
          {question.choices.map((c, i) => (
            <button key={c} type="button" ref={i === 0 ? first : undefined} onClick={() => answer(c)} className={i === 0 ? 'primary' : ''}>
              {c}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
