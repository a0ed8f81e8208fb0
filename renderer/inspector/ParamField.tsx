// One param field from its schema. A typed value is checked when the field is left or Enter is
// pressed; a bad value is refused with a message under the field and the stored value is kept.
import { useEffect, useId, useState } from 'react';
import { checkParam } from '../nodes/registry';
import type { ParamSchema } from '../nodes/types';
import { useTranslation } from 'react-i18next';
import { useSay } from '../i18n/core-text';

interface Props {
  schema: ParamSchema;
  value: number | boolean;
  onCommit(value: number | boolean): void;
}

export function ParamField({ schema, value, onCommit }: Props) {
  const { t } = useTranslation();
  const words = useSay();
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);

  // A new stored value (undo, another node) replaces the draft.
  useEffect(() => {
    setDraft(String(value));
    setError(null);
  }, [value]);

  if (schema.kind === 'boolean') {
    return (
      <div className="field field-check">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-describedby={helpId}
          onChange={(e) => onCommit(e.target.checked)}
        />
        <label htmlFor={id}>{words(schema.label)}</label>
        <p id={helpId} className="field-help">
          {words(schema.help)}
        </p>
      </div>
    );
  }

  const commit = () => {
    if (draft === String(value)) {
      setError(null);
      return;
    }
    const r = checkParam(schema, draft);
    if (r.ok) {
      setError(null);
      onCommit(r.value);
    } else {
      setError(t('blockFace.field.kept', { message: r.message, value: String(value) }));
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{words(schema.label)}</label>
      <input
        id={id}
        type="text"
        inputMode={schema.kind === 'int' ? 'numeric' : 'decimal'}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(String(value));
            setError(null);
          }
        }}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={helpId} className="field-help">
        {t('blockFace.field.help', { help: words(schema.help), min: schema.min, max: schema.max, default: schema.default })}
      </p>
    </div>
  );
}
