// React 19: the element is used directly in JSX; no wrapper component is needed.
import '@faceid-verify/element/define.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { describeUpstream } from '../shared/backend.js';
import { App } from './App.js';

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
document.querySelector('#upstream')!.textContent = await describeUpstream();
