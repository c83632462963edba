// The React page: `<faceid-verify>` in JSX, its events handled through a callback ref (React 19 runs the
// returned cleanup on unmount), the language as a plain attribute, the log and the server decision as state.
import { useCallback, useState } from 'react';
import {
  askServerToDecide,
  describeDecision,
  PROXY_PATH,
  rememberBizToken,
  type ServerDecision,
} from '../shared/backend.js';
import { clearLog, listenToFaceIdEvents, readLog, recordEvent, type LogEntry } from '../shared/events.js';
import { LANGUAGES, readLanguage, saveLanguage } from '../shared/language.js';

type DecisionView = ServerDecision | 'pending' | null;

export function App() {
  const [language, setLanguage] = useState(readLanguage);
  const [log, setLog] = useState<LogEntry[]>(readLog);
  const [decision, setDecision] = useState<DecisionView>(null);

  // Attached while React inserts the element, before Lit's first update, so no event is missed.
  const listen = useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    return listenToFaceIdEvents(element, (event) => {
      setLog(recordEvent(event));
      if (event.type === 'faceid-start') rememberBizToken(event);
      if (event.type === 'faceid-result') {
        setDecision('pending');
        void askServerToDecide().then(setDecision);
      }
    });
  }, []);

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
        <faceid-verify ref={listen} proxy={PROXY_PATH} lang={language}></faceid-verify>
      </section>
      <Decision decision={decision} />
      <section className="card">
        <h2>Event log</h2>
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
