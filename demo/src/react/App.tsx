// The React page: `<faceid-verify>` in JSX with React 19's custom-element support: `proxy` and `lang` are set
// as properties, and `onfaceid-result` (on + the exact event name) adds a listener before the element is
// inserted, so the events fired while it handles the return from the hosted page are not missed.
import type { FaceIdEventMap } from '@faceid-verify/element';
import { useState } from 'react';
import { askServerToDecide, describeDecision, PROXY_PATH, type ServerDecision } from '../shared/backend.js';
import { rememberBizToken } from '../shared/started-flow.js';
import { clearLog, readLog, recordEvent, type LogEntry } from '../shared/events.js';
import { LANGUAGES, readLanguage, saveLanguage } from '../shared/language.js';
import { MODES, readMode, saveMode } from '../shared/mode.js';

type DecisionView = ServerDecision | 'pending' | null;

export function App() {
  const [language, setLanguage] = useState(readLanguage);
  const [mode, setMode] = useState(readMode);
  const [log, setLog] = useState<LogEntry[]>(readLog);
  const [decision, setDecision] = useState<DecisionView>(null);

  const onEvent = (event: FaceIdEventMap[keyof FaceIdEventMap]) => setLog(recordEvent(event));

  return (
    <>
      <section className="card">
        <label>
          Language
          <select value={language} onChange={(event) => setLanguage(saveLanguage(event.target.value))}>
            {LANGUAGES.map(({ tag, label }) => (
              <option key={tag} value={tag}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mode
          <select value={mode} onChange={(event) => setMode(saveMode(event.target.value))}>
            {MODES.map(({ mode, label }) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <faceid-verify
          proxy={PROXY_PATH}
          lang={language}
          mode={mode}
          onfaceid-statechange={onEvent}
          onfaceid-redirect={onEvent}
          onfaceid-error={onEvent}
          onfaceid-start={(event) => {
            onEvent(event);
            rememberBizToken(event);
          }}
          onfaceid-result={(event) => {
            onEvent(event);
            setDecision('pending');
            void askServerToDecide().then(setDecision);
          }}
        ></faceid-verify>
      </section>
      <Decision decision={decision} />
      <section className="card">
        <h2>Event log (newest first)</h2>
        <button type="button" onClick={() => (clearLog(), setLog([]))}>
          Clear the log
        </button>
        <ol className="log">
          {log.map((entry) => (
            <li key={entry.id}>
              {entry.at} {entry.type}
              {entry.detail !== null && <pre>{entry.detail}</pre>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Decision({ decision }: { decision: DecisionView }) {
  if (decision === null) return null;
  return (
    <section className="card decision" data-decision={decision === 'pending' ? undefined : decision.decision}>
      <h2>Your server's decision</h2>
      <p>{decision === 'pending' ? 'Asking your server…' : describeDecision(decision)}</p>
    </section>
  );
}
