// The Vue page, written with `defineComponent` and a template string (compiled at run time by Vue's full
// build) so that plain `tsc` checks it without an SFC toolchain.
import { defineComponent, ref } from 'vue';
import { askServerToDecide, describeDecision, PROXY_PATH, type ServerDecision } from '../shared/backend.js';
import { rememberBizToken } from '../shared/started-flow.js';
import { clearLog, readLog, recordEvent, type LogEntry } from '../shared/events.js';
import { LANGUAGES, readLanguage, saveLanguage } from '../shared/language.js';
import { MODES, readMode, saveMode } from '../shared/mode.js';

export const App = defineComponent({
  setup() {
    const language = ref(readLanguage());
    const mode = ref(readMode());
    const log = ref<LogEntry[]>(readLog());
    const decision = ref<ServerDecision | 'pending' | null>(null);

    function onFaceIdEvent(event: Event): void {
      log.value = recordEvent(event);
      if (event.type === 'faceid-start') rememberBizToken(event);
      if (event.type === 'faceid-result') {
        decision.value = 'pending';
        void askServerToDecide().then((answer) => (decision.value = answer));
      }
    }

    return {
      PROXY_PATH,
      LANGUAGES,
      MODES,
      language,
      mode,
      log,
      decision,
      onFaceIdEvent,
      describeDecision,
      chooseLanguage: (tag: string) => (language.value = saveLanguage(tag)),
      chooseMode: (value: string) => (mode.value = saveMode(value)),
      clear: () => (clearLog(), (log.value = [])),
    };
  },
  template: `
    <section class="card">
      <label>Language
        <select :value="language" @change="chooseLanguage($event.target.value)">
          <option v-for="{ tag, label } in LANGUAGES" :key="tag" :value="tag">{{ label }}</option>
        </select>
      </label>
      <label>Mode
        <select :value="mode" @change="chooseMode($event.target.value)">
          <option v-for="choice in MODES" :key="choice.mode" :value="choice.mode">{{ choice.label }}</option>
        </select>
      </label>
      <faceid-verify
        :proxy="PROXY_PATH"
        :lang="language"
        :mode="mode"
        @faceid-statechange="onFaceIdEvent"
        @faceid-start="onFaceIdEvent"
        @faceid-redirect="onFaceIdEvent"
        @faceid-result="onFaceIdEvent"
        @faceid-error="onFaceIdEvent"
      ></faceid-verify>
    </section>
    <section v-if="decision" class="card decision" :data-decision="decision === 'pending' ? null : decision.decision">
      <h2>Your server's decision</h2>
      <p>{{ decision === 'pending' ? 'Asking your server…' : describeDecision(decision) }}</p>
    </section>
    <section class="card">
      <h2>Event log (newest first)</h2>
      <button type="button" @click="clear">Clear the log</button>
      <ol class="log">
        <li v-for="entry in log" :key="entry.id">
          {{ entry.at }} {{ entry.type }}
          <pre v-if="entry.detail !== null">{{ entry.detail }}</pre>
        </li>
      </ol>
    </section>
  `,
});
