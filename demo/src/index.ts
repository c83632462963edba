// The overview page: only the upstream banner is dynamic.
import { describeUpstream } from './shared/backend.js';

const banner = document.querySelector('#upstream');
if (banner) banner.textContent = await describeUpstream();
