import { render } from 'preact';
import { App } from '../../components/app';
import './style.css';

render(<App />, document.getElementById('app')!);
