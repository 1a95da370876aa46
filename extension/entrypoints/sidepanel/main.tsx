import { render } from 'preact';
import { App } from '../../features/shell/app';
import './style.css';

render(<App />, document.getElementById('app')!);
