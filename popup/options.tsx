import { render } from 'preact';
render(<p>HowSocial</p>, document.getElementById('app')!);
