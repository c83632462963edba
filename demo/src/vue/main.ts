// Vue 3: the element in a template. `isCustomElement` tells Vue's template compiler to leave the tag to the
// browser; `@faceid-*` listeners are attached before the element is inserted, so no event is missed.
import '@faceid-verify/element/define.js';
import { createApp } from 'vue';
import { describeUpstream } from '../shared/backend.js';
import { App } from './App.js';

const app = createApp(App);
app.config.compilerOptions.isCustomElement = (tag) => tag === 'faceid-verify';
app.mount('#app');
document.querySelector('#upstream')!.textContent = await describeUpstream();
