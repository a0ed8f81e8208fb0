// Entry point of the renderer, shared by the desktop window and the browser build:
// choose the backend once, then render the app.
import './backend/no-eval';
// Before the first render, so it is already in the user's language.
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApi } from './backend/api';
import { desktopApi } from './backend/electron';
import { createWebApi } from './backend/web/web-api';
import { App } from './app/App';

setApi(desktopApi() ?? createWebApi());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
