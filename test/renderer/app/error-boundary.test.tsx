// @vitest-environment jsdom
// A fault in one part of the window shows a message there and leaves the rest working.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { ErrorBoundary } from '../../../renderer/app/ErrorBoundary';

afterEach(cleanup);

let fail = true;
function Fragile() {
  if (fail) throw new Error('Maximum update depth exceeded.');
  return <p>inspector content</p>;
}

function Sibling() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      clicked {n}
    </button>
  );
}

describe('error boundary', () => {
  it('shows what went wrong in the failed part only, and brings the part back on request', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fail = true;
    render(
      <>
        <ErrorBoundary part="inspector">
          <Fragile />
        </ErrorBoundary>
        <Sibling />
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The inspector ran into a problem');
    expect(alert.textContent).toContain('Maximum update depth exceeded.');
    expect(alert.textContent).toContain('Your project is safe');
    // The rest of the window still responds.
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Show the inspector again' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('inspector content')).toBeTruthy();
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
