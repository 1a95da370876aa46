import { render } from 'preact';
import { App } from '../../features/shell/app';
import './style.css';

// One main landmark and a level-one heading for the whole panel: it is a page of its own.
render(
  <main>
    <h1 class="sr-only">Sidecar CRM</h1>
    <App />
  </main>,
  document.getElementById('app')!,
);
