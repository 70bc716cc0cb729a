// The /design/models/{id} page: bpmn-js modeller, Flowable properties, validate (markers on the
// diagram), save with the version it was opened at (409 shows what changed), deploy, export.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './modeler.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import FlowablePropertiesProvider from './flowable-properties.js';
import flowableModdle from './flowable.json';

const root = document.getElementById('designer');
const api = root.dataset.api;
const modelId = root.dataset.modelId;
const csrf = { [root.dataset.csrfHeader]: root.dataset.csrfToken };
const status = document.getElementById('design-status');
const problemList = document.getElementById('design-problems');

let version = null;
let dirty = false;
let shownProblems = [];

function say(text, kind) {
  status.textContent = text;
  status.className = 'alert py-1 px-2 mb-0 small alert-' + (kind || 'secondary');
}

async function call(method, path, body, type) {
  const headers = { ...csrf, Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = type || 'application/json';
  }
  const response = await fetch(api + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body))
  });
  let data = null;
  try {
    data = await response.json();
  } catch (notJson) {
    data = { message: 'The server answered ' + response.status + '.' };
  }
  return { ok: response.ok, status: response.status, data };
}

async function start() {
  const catalogue = await call('GET', '/catalogue');
  window.OPSFLOW_DESIGN = catalogue.ok ? catalogue.data : { delegates: [], forms: [], groups: [] };
  const modeler = new BpmnModeler({
    container: '#design-canvas',
    propertiesPanel: { parent: '#design-properties' },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      { __init__: ['flowablePropertiesProvider'], flowablePropertiesProvider: ['type', FlowablePropertiesProvider] }
    ],
    moddleExtensions: { flowable: flowableModdle }
  });
  window.opsflowModeler = modeler;
  modeler.on('commandStack.changed', () => {
    dirty = true;
    say('Unsaved changes.', 'warning');
  });

  const loaded = await call('GET', '/' + encodeURIComponent(modelId));
  if (!loaded.ok) {
    say(loaded.data.message, 'danger');
    return;
  }
  version = loaded.data.version;
  document.getElementById('design-version').textContent = 'version ' + version;
  try {
    const { warnings } = await modeler.importXML(loaded.data.xml);
    const unreadable = warnings.filter((w) => /unparsable content|unrecognized element/.test(w.message));
    if (unreadable.length) {
      say('Opened, but ' + unreadable.length + ' element(s) could not be read by the modeller and would be dropped by a save from here: '
        + unreadable.map((w) => w.message.split('\n')[0]).slice(0, 3).join('; '), 'warning');
    } else {
      say('Opened version ' + version + '.', 'secondary');
    }
    modeler.get('canvas').zoom('fit-viewport');
  } catch (broken) {
    say('The diagram could not be opened in the modeller: ' + broken.message.split('\n')[0], 'danger');
  }
  root.dataset.ready = 'true';
  dirty = false;

  const xml = async () => (await modeler.saveXML({ format: true })).xml;

  function clearProblems() {
    const overlays = modeler.get('overlays');
    const canvas = modeler.get('canvas');
    overlays.remove({ type: 'opsflow-lint' });
    shownProblems.forEach((p) => {
      canvas.removeMarker(p.elementId, 'opsflow-lint-error');
      canvas.removeMarker(p.elementId, 'opsflow-lint-warning');
    });
    shownProblems = [];
    problemList.replaceChildren();
  }

  function showProblems(problems) {
    clearProblems();
    const registry = modeler.get('elementRegistry');
    const overlays = modeler.get('overlays');
    const canvas = modeler.get('canvas');
    problems.forEach((problem) => {
      const item = document.createElement('li');
      item.className = 'list-group-item py-1 small opsflow-problem-' + problem.severity;
      item.textContent = (problem.severity === 'error' ? '✖ ' : '⚠ ') + (problem.elementId ? problem.elementId + ': ' : '')
        + problem.message + ' [' + problem.rule + ']';
      problemList.appendChild(item);
      const shape = problem.elementId && registry.get(problem.elementId);
      if (shape && shape.type !== 'bpmn:Process') {
        canvas.addMarker(problem.elementId, 'opsflow-lint-' + problem.severity);
        const badge = document.createElement('div');
        badge.className = 'opsflow-lint-badge opsflow-lint-badge-' + problem.severity;
        badge.textContent = problem.severity === 'error' ? '!' : '?';
        badge.title = problem.message;
        badge.dataset.rule = problem.rule;
        overlays.add(problem.elementId, 'opsflow-lint', { position: { top: -10, right: 10 }, html: badge });
        shownProblems.push(problem);
        item.addEventListener('click', () => modeler.get('selection').select(shape));
      }
    });
  }

  async function validate() {
    const result = await call('POST', '/validate', await xml(), 'application/xml');
    if (!result.ok) {
      say(result.data.message, 'danger');
      return null;
    }
    showProblems(result.data.problems);
    const errors = result.data.problems.filter((p) => p.severity === 'error').length;
    const warnings = result.data.problems.length - errors;
    say(errors + ' error(s), ' + warnings + ' warning(s).', errors ? 'danger' : (warnings ? 'warning' : 'success'));
    return result.data.problems;
  }

  async function save() {
    const result = await call('PUT', '/' + encodeURIComponent(modelId), { version, xml: await xml() });
    if (result.status === 409) {
      const changes = result.data.changes || {};
      const list = (name) => (changes[name] && changes[name].length ? name + ': ' + changes[name].join(', ') : null);
      say(result.data.message + ' ' + ['added', 'removed', 'changed'].map(list).filter(Boolean).join('; '), 'danger');
      return false;
    }
    if (!result.ok) {
      say(result.data.message, 'danger');
      return false;
    }
    version = result.data.version;
    document.getElementById('design-version').textContent = 'version ' + version;
    dirty = false;
    say('Saved as version ' + version + '.', 'success');
    return true;
  }

  async function deploy() {
    if (dirty && !(await save())) {
      return;
    }
    const comment = document.getElementById('design-comment').value;
    const result = await call('POST', '/' + encodeURIComponent(modelId) + '/deploy', { version, comment });
    if (!result.ok) {
      if (result.data.problems) {
        showProblems(result.data.problems);
      }
      say(result.data.message, 'danger');
      return;
    }
    say('Deployed ' + result.data.processDefinitionKey + ' as version ' + result.data.processDefinitionVersion + '.', 'success');
  }

  document.getElementById('design-validate').addEventListener('click', validate);
  document.getElementById('design-save').addEventListener('click', save);
  document.getElementById('design-deploy').addEventListener('click', deploy);
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
    }
  });
}

start();
