// Plain HTML: the element is in the page's markup; this module wires the page around it, then registers it.
import { askServerToDecide, describeDecision, describeUpstream } from '../shared/backend.js';
import { rememberBizToken } from '../shared/started-flow.js';
import { clearLog, listenToFaceIdEvents, readLog, recordEvent, type LogEntry } from '../shared/events.js';
import { LANGUAGES, readLanguage, saveLanguage } from '../shared/language.js';
import { MODES, readMode, saveMode } from '../shared/mode.js';

const element = document.querySelector('faceid-verify')!;
const languageSelect = document.querySelector<HTMLSelectElement>('#language')!;
const modeSelect = document.querySelector<HTMLSelectElement>('#mode')!;
const logList = document.querySelector<HTMLOListElement>('#log')!;
const decisionCard = document.querySelector<HTMLElement>('#decision')!;
const decisionText = document.querySelector<HTMLElement>('#decision-text')!;

function renderLog(entries: LogEntry[]): void {
  logList.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      item.textContent = `${entry.at} ${entry.type}`;
      if (entry.detail !== null) {
        const detail = document.createElement('pre');
        detail.textContent = entry.detail;
        item.append(detail);
      }
      return item;
    }),
  );
}

async function showServerDecision(): Promise<void> {
  decisionCard.hidden = false;
  decisionCard.removeAttribute('data-decision');
  decisionText.textContent = 'Asking your server…';
  const decision = await askServerToDecide();
  decisionCard.dataset.decision = decision.decision;
  decisionText.textContent = describeDecision(decision);
}

listenToFaceIdEvents(element, (event) => {
  renderLog(recordEvent(event));
  if (event.type === 'faceid-start') rememberBizToken(event);
  if (event.type === 'faceid-result') void showServerDecision();
});

languageSelect.append(...LANGUAGES.map(({ tag, label }) => new Option(label, tag)));
languageSelect.value = element.lang = readLanguage();
languageSelect.addEventListener('change', () => {
  element.lang = saveLanguage(languageSelect.value);
});

document.querySelector('#clear-log')!.addEventListener('click', () => {
  clearLog();
  renderLog([]);
});

renderLog(readLog());
// The element's mode (redirect, tab, handoff, auto): `?mode=` (the e2e specs open the page that way) or the switch.
modeSelect.append(...MODES.map(({ mode, label }) => new Option(label, mode)));
modeSelect.value = element.mode = readMode();
modeSelect.addEventListener('change', () => {
  element.mode = saveMode(modeSelect.value);
});
// Registered last: on a return from the hosted page the element starts reading the result as soon as it is
// defined, and the listeners above are already there to see every event.
await import('@faceid-verify/element/define.js');
document.querySelector('#upstream')!.textContent = await describeUpstream();
