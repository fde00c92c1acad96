// Checks forms/*.form the way Tasklist 7.24 will use them: with form-js 1.8.7, the version
// Tasklist bundles. Newer Camunda Modeler releases can save components and properties that 1.8.7
// does not know; this catches that, and any drift from the process contract (keys, option values,
// required fields), before a responder meets it.
//
//   node .ci/check-forms.mjs [forms-dir]       (.ci/check-forms installs what it needs first)
//
// Needs @bpmn-io/form-js-viewer@1.8.7 and jsdom, resolved from FORM_CHECK_MODULES
// (default: target/form-check/node_modules).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const formsDir = path.resolve(process.argv[2] || path.join(root, 'forms'));
const modules = path.resolve(process.env.FORM_CHECK_MODULES || path.join(root, 'target/form-check/node_modules'));
const require = createRequire(path.join(modules, 'resolve-from-here.js'));

const FORM_JS_VERSION = '1.8.7';

// ---------------------------------------------------------------------------------------------
// The contract (/contract.md, "Process variables" and "Forms"): what each form lets a person
// answer. Option values are the values the gateways and delegates compare against.
// `shownWhen`: the field appears (and is then required) only for that answer.
const RUNBOOK_CONTEXT = ['incidentNumber', 'title', 'service'];

const CONTRACT = {
  'incident-report': {
    start: true,
    fields: {
      title: { type: 'textfield', required: true, maxLength: 200 },
      description: { type: 'textarea', required: false },
      service: { type: 'textfield', required: false },
    },
  },
  'incident-identify': {
    fields: {
      classification: { type: 'radio', required: true, values: ['incident', 'service_request', 'noise'] },
      classificationReason: { type: 'textarea', required: true },
    },
  },
  'incident-categorize': {
    fields: {
      category: { type: 'select', required: true, values: ['network', 'database', 'application', 'server', 'other'] },
      service: { type: 'textfield', required: true },
      impact: { type: 'select', required: true, values: ['1', '2', '3', '4', '5'] },
      urgency: { type: 'select', required: true, values: ['1', '2', '3'] },
    },
  },
  'incident-coordinate': {
    classified: true,
    fields: {
      incidentManagerNote: { type: 'textarea', required: true },
      resolverGroup: { type: 'select', required: true, values: ['network', 'database', 'application'] },
    },
  },
  'incident-initial-diagnosis': {
    classified: true,
    fields: {
      diagnosis: { type: 'textarea', required: true },
      firstLineOutcome: { type: 'radio', required: true, values: ['resolved', 'escalate'] },
      resolution: { type: 'textarea', required: true, shownWhen: { firstLineOutcome: 'resolved' } },
    },
  },
  'engagement-find-responder': {
    classified: true,
    fields: {
      responderNote: { type: 'textarea', required: true },
    },
  },
  'incident-investigate': {
    classified: true,
    fields: {
      diagnosis: { type: 'textarea', required: true },
    },
  },
  'incident-resolve': {
    classified: true,
    fields: {
      resolution: { type: 'textarea', required: true },
      rootCause: { type: 'textarea', required: false },
    },
  },
  'incident-confirm-closure': {
    classified: true,
    fields: {
      confirmation: { type: 'radio', required: true, values: ['fixed', 'not_fixed'] },
      reopenReason: { type: 'textarea', required: true, shownWhen: { confirmation: 'not_fixed' } },
    },
  },
  // Runbooks (docs/runbooks.md) receive only incidentId, incidentNumber, service and title.
  'runbook-restart-check': {
    context: RUNBOOK_CONTEXT,
    fields: {
      restartDecision: { type: 'radio', required: true, values: ['restart', 'skip'] },
      checkNote: { type: 'textarea', required: false },
    },
  },
  'runbook-restart-manual': {
    context: RUNBOOK_CONTEXT,
    fields: {
      manualRestartNote: { type: 'textarea', required: true },
    },
  },
  'runbook-verify-health': {
    context: RUNBOOK_CONTEXT,
    fields: {
      serviceHealthy: { type: 'radio', required: true, values: ['yes', 'no'] },
      healthNote: { type: 'textarea', required: false },
    },
  },
  'post-incident-review-start': {
    start: true,
    fields: {
      incidentNumber: { type: 'textfield', required: true, maxLength: 20 },
    },
  },
  'post-incident-review': {
    classified: true,
    fields: {
      whatHappened: { type: 'textarea', required: true },
      customerImpact: { type: 'textarea', required: true },
      rootCause: { type: 'textarea', required: true },
      wentWell: { type: 'textarea', required: false },
      wentBadly: { type: 'textarea', required: false },
      followUpActions: { type: 'textarea', required: false },
    },
  },
};

// Every work form shows these read-only (unless its contract names its own context, as runbooks do);
// forms after categorization also the classification.
const CONTEXT_ALWAYS = ['incidentNumber', 'title', 'description'];
const CONTEXT_CLASSIFIED = ['category', 'service', 'priority'];

// Process variables a form may show read-only (a typo here would show an empty box forever).
const KNOWN_VARIABLES = new Set([
  'incidentNumber', 'title', 'description', 'service', 'reporter', 'source', 'category', 'impact',
  'urgency', 'priority', 'resolverGroup', 'classification', 'classificationReason',
  'incidentManagerNote', 'firstLineOutcome', 'diagnosis', 'resolution', 'rootCause', 'confirmation',
  'reopenReason', 'restartHookProblem', 'restartHookResult', 'manualRestartNote',
  // The review's figures, measured from the incident's history (never typed in).
  'measuredTimeToDetect', 'measuredTimeToAcknowledge', 'measuredTimeToResolve', 'measuredTimeToClose',
  'measuredAlerts', 'measuredEscalationStages', 'measuredPeopleNotified', 'measuredResponders', 'measuredTargets',
]);

// What Tasklist's form-js 1.8.7 renders and we accept. No `html` (renders markup), `iframe`,
// `image`, `button` (Tasklist has its own Complete), `expression`, `table`, `dynamiclist`.
const ALLOWED_TYPES = new Set([
  'textfield', 'textarea', 'number', 'select', 'radio', 'checkbox', 'checklist', 'taglist',
  'datetime', 'text', 'group', 'spacer', 'separator',
]);

// What Tasklist hands the form: every process variable, as JSON values. Hostile text on purpose:
// it must come out as text, never as markup.
const SAMPLE_VARIABLES = {
  incidentNumber: 'INC-000042',
  title: '<img src=x onerror="alert(1)"> 決済DB応答なし / payment DB down',
  description: '一行目 / line one\n<script>alert(2)</script>\n**not markdown**',
  service: 'customer-db',
  reporter: 'tanaka',
  source: 'alertmanager',
  category: 'database',
  impact: 2,
  urgency: 1,
  priority: 2,
  resolverGroup: 'database',
  classification: 'incident',
  classificationReason: '監視アラート / monitoring alert',
  incidentManagerNote: '{{title}} ={{priority}} stays text',
  diagnosis: 'ディスク満杯 / disk full',
  resolution: 'ログを削除 / logs removed',
  rootCause: 'ローテーション設定漏れ / log rotation missing',
  reopenReason: 'まだ遅い / still slow',
  restartHookProblem: 'Restart hook of customer-db answered HTTP 404 <b>not found</b>',
  restartHookResult: 'HTTP 202',
  manualRestartNote: 'systemctl restart customer-db / 手動で再起動',
  measuredTimeToDetect: '4 min 30 s',
  measuredTimeToAcknowledge: '12 min 0 s',
  measuredTimeToResolve: '2 h 5 min',
  measuredTimeToClose: '1 d 2 h 0 min',
  measuredAlerts: '17',
  measuredEscalationStages: '2',
  measuredPeopleNotified: '3',
  measuredResponders: '<b>tanaka</b>, suzuki',
  measuredTargets: '応答目標内 / response target met, 解決目標超過 / resolution target missed',
};

// ---------------------------------------------------------------------------------------------

const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (!(name in globalThis)) {
    try { globalThis[name] = dom.window[name]; } catch { /* read-only global */ }
  }
}
window.matchMedia ??= () => ({ matches: false, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} });

const viewerPackage = require('@bpmn-io/form-js-viewer/package.json');
const { Form, schemaVersion: SCHEMA_VERSION } = require('@bpmn-io/form-js-viewer');
if (viewerPackage.version !== FORM_JS_VERSION) {
  console.error(`check-forms: needs @bpmn-io/form-js-viewer ${FORM_JS_VERSION}, found ${viewerPackage.version}`);
  process.exit(2);
}
const REGISTERED_TYPES = new Set(Object.keys(new Form().get('formFields')._formFields));

const tick = () => new Promise(resolve => setTimeout(resolve, 10));

// form-js registers a field for validation and submission in a Preact effect, which runs after the
// next animation frame: wait until the registered fields stop changing.
async function settled(form) {
  const registry = form.get('formFieldInstanceRegistry');
  let last = -1;
  let stable = 0;
  for (let waited = 0; waited < 5000; waited += 10) {
    await tick();
    const count = registry.getAllKeyed().length;
    stable = count === last ? stable + 1 : 0;
    last = count;
    if (count > 0 && stable >= 5) return;
  }
  throw new Error('form-js did not finish rendering within 5 s');
}
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

function walk(components, visit, parent = null) {
  for (const component of components || []) {
    visit(component, parent);
    walk(component.components, visit, component);
  }
}

function strings(value, at, visit) {
  if (typeof value === 'string') {
    visit(at, value);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      strings(v, at ? `${at}.${k}` : k, visit);
    }
  }
}

function checkFile(file, problems) {
  const bytes = fs.readFileSync(file);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push('not valid UTF-8');
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) problems.push('starts with a byte order mark');
  if (text.includes('\r')) problems.push('has CR line endings (use LF)');
  let schema;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    problems.push(`not JSON: ${e.message}`);
    return null;
  }
  if (text !== JSON.stringify(schema, null, 2) + '\n') {
    problems.push('not pretty-printed as JSON with 2 spaces and a final newline');
  }
  return schema;
}

function checkSchema(formId, schema, problems) {
  const expectHeader = {
    type: 'default',
    id: formId,
    executionPlatform: 'Camunda Platform',
    executionPlatformVersion: '7.24.0',
  };
  for (const [k, v] of Object.entries(expectHeader)) {
    if (schema[k] !== v) problems.push(`"${k}" is ${JSON.stringify(schema[k])}, expected ${JSON.stringify(v)}`);
  }
  if (!Number.isInteger(schema.schemaVersion) || schema.schemaVersion > SCHEMA_VERSION) {
    problems.push(`schemaVersion ${schema.schemaVersion}: form-js ${FORM_JS_VERSION} reads up to ${SCHEMA_VERSION}`);
  }
  if (!schema.exporter?.name || !schema.exporter?.version) problems.push('no "exporter" name and version');

  const contract = CONTRACT[formId];
  const ids = new Set();
  const editable = {};
  const context = new Set();

  walk(schema.components, (c, parent) => {
    const where = c.id || `(${c.type} without id)`;
    if (!c.id) problems.push(`${c.type} component without id`);
    else if (ids.has(c.id)) problems.push(`duplicate id ${c.id}`);
    ids.add(c.id);

    if (!REGISTERED_TYPES.has(c.type)) problems.push(`${where}: type "${c.type}" is unknown to form-js ${FORM_JS_VERSION}`);
    else if (!ALLOWED_TYPES.has(c.type)) problems.push(`${where}: type "${c.type}" is not used in incidentflow forms`);

    // Nothing may pull a variable into rendered text: labels, descriptions and `text` content are
    // static. FEEL is allowed only to show or hide a field.
    strings(c, '', (at, value) => {
      if (at === 'conditional.hide' || at.startsWith('components.')) return;
      if (value.startsWith('=') || value.includes('{{')) problems.push(`${where}: ${at} is an expression or template`);
    });

    for (const label of [c.label, ...(c.values || []).map(v => v.label)].filter(l => l !== undefined)) {
      if (!JAPANESE.test(label.split(' / ')[0] || '') || !/ \/ \S/.test(label)) {
        problems.push(`${where}: label "${label}" is not "日本語 / English"`);
      }
    }

    if (c.readonly !== undefined) {
      problems.push(`${where}: "readonly" fields are submitted back and overwrite the process variable; use "disabled"`);
    }
    if (c.key === undefined) {
      if (c.type === 'group' && parent) problems.push(`${where}: nested group`);
      if (c.type === 'group' && c.path) problems.push(`${where}: a group path would move its fields away from the process variables`);
      return;
    }
    if (c.disabled) {
      context.add(c.key);
      if (c.id !== `Context_${c.key}`) problems.push(`${where}: read-only field for ${c.key} should have id Context_${c.key}`);
      if (!KNOWN_VARIABLES.has(c.key)) problems.push(`${where}: shows "${c.key}", which is no process variable of the contract`);
    } else {
      if (c.id !== `Field_${c.key}`) problems.push(`${where}: field for ${c.key} should have id Field_${c.key}`);
      if (editable[c.key]) problems.push(`${where}: second field for ${c.key}`);
      editable[c.key] = c;
    }
  });

  if (!contract) {
    problems.push(`no form "${formId}" in the contract`);
    return { editable, context };
  }

  const expected = contract.fields;
  for (const key of Object.keys(editable)) {
    if (!expected[key]) problems.push(`field ${key} is not in the contract for ${formId}`);
  }
  for (const [key, spec] of Object.entries(expected)) {
    const c = editable[key];
    if (!c) {
      problems.push(`missing field ${key}`);
      continue;
    }
    if (c.type !== spec.type) problems.push(`${key}: type ${c.type}, expected ${spec.type}`);
    if (!!c.validate?.required !== spec.required) problems.push(`${key}: required is ${!!c.validate?.required}, expected ${spec.required}`);
    if (spec.maxLength && c.validate?.maxLength !== spec.maxLength) problems.push(`${key}: maxLength ${c.validate?.maxLength}, expected ${spec.maxLength}`);
    if (['textfield', 'textarea'].includes(c.type) && !c.validate?.maxLength) problems.push(`${key}: no maxLength`);
    if (spec.values) {
      const values = (c.values || []).map(v => v.value);
      if (JSON.stringify(values) !== JSON.stringify(spec.values)) {
        problems.push(`${key}: values ${JSON.stringify(values)}, expected ${JSON.stringify(spec.values)}`);
      }
      if (c.valuesKey || c.valuesExpression) problems.push(`${key}: options must be static`);
    }
    if (!!spec.shownWhen !== !!c.conditional?.hide) problems.push(`${key}: conditional is ${!!c.conditional?.hide}, expected ${!!spec.shownWhen}`);
  }
  if (contract.start && context.size) problems.push('a start form gets no variables: it cannot show context');
  if (!contract.start) {
    for (const key of contract.context || [...CONTEXT_ALWAYS, ...(contract.classified ? CONTEXT_CLASSIFIED : [])]) {
      if (!context.has(key)) problems.push(`context ${key} is not shown read-only`);
    }
  }
  return { editable, context };
}

// A valid answer for each field, as a person would give it in Tasklist.
function answer(spec) {
  return spec.values ? spec.values[0] : 'テスト / test';
}

async function render(schema, data) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  const { warnings } = await form.importSchema(schema, data);
  await settled(form);
  return { form, container, warnings };
}

async function checkBehaviour(formId, schema, found, problems) {
  const contract = CONTRACT[formId];
  if (!contract) return;
  const expected = contract.fields;
  const variables = contract.start ? {} : { ...SAMPLE_VARIABLES };
  for (const key of Object.keys(expected)) delete variables[key];

  // 1. What a responder sees when the task opens.
  {
    const { form, container, warnings } = await render(schema, variables);
    for (const w of warnings) problems.push(`import warning: ${w.message || w}`);
    if (container.querySelector('script, img, iframe, strong')) problems.push('variable content was rendered as markup');

    for (const key of found.context) {
      const input = container.querySelector(`[id$="-Context_${key}"]`);
      const value = SAMPLE_VARIABLES[key];
      const shown = value === undefined ? '' : String(value);
      if (!input) {
        if (shown !== '') problems.push(`context ${key} is not rendered`);
        continue;
      }
      if (!input.disabled) problems.push(`context ${key} is editable`);
      const expectedText = input.tagName === 'INPUT' ? shown.replace(/[\r\n\t]/g, ' ') : shown;
      if (input.value !== expectedText) problems.push(`context ${key} shows ${JSON.stringify(input.value)}, expected ${JSON.stringify(expectedText)}`);
    }

    // Nothing answered yet: exactly the required, visible fields complain; nothing read-only is sent.
    const { data, errors } = form.submit();
    const requiredNow = Object.entries(expected).filter(([, s]) => s.required && !s.shownWhen).map(([k]) => `Field_${k}`);
    const errorIds = Object.keys(errors).sort();
    if (JSON.stringify(errorIds) !== JSON.stringify(requiredNow.sort())) {
      problems.push(`empty form: errors on ${JSON.stringify(errorIds)}, expected ${JSON.stringify(requiredNow)}`);
    }
    for (const key of Object.keys(data)) {
      if (!expected[key]) problems.push(`submits ${key}, which the form does not ask for`);
    }
    for (const [key, spec] of Object.entries(expected)) {
      if (spec.shownWhen && key in data) problems.push(`${key} is submitted while hidden`);
    }
    form.destroy();
  }

  // 2. A complete answer submits cleanly, with every option value as the contract spells it.
  for (const [key, spec] of Object.entries(expected)) {
    for (const value of spec.values || []) {
      const answers = Object.fromEntries(Object.entries(expected).map(([k, s]) => [k, answer(s)]));
      answers[key] = value;
      const { form } = await render(schema, { ...variables, ...answers });
      const { data, errors } = form.submit();
      if (Object.keys(errors).length) problems.push(`answer ${key}=${value}: errors ${JSON.stringify(errors)}`);
      if (data[key] !== value) problems.push(`answer ${key}=${value}: submitted ${JSON.stringify(data[key])}`);
      form.destroy();
    }
  }

  // 3. A conditional field shows up, and is required, for its answer.
  for (const [key, spec] of Object.entries(expected)) {
    if (!spec.shownWhen) continue;
    const { form, container } = await render(schema, { ...variables, ...spec.shownWhen });
    if (!container.querySelector(`[id$="-Field_${key}"]`)) problems.push(`${key} is not shown for ${JSON.stringify(spec.shownWhen)}`);
    const { errors } = form.submit();
    if (spec.required && !errors[`Field_${key}`]) problems.push(`${key} is not required for ${JSON.stringify(spec.shownWhen)}`);
    form.destroy();
  }

  // 4. Too long a text is refused in the browser already.
  for (const [key, spec] of Object.entries(expected)) {
    if (spec.type !== 'textfield' && spec.type !== 'textarea') continue;
    const c = found.editable[key];
    const max = c?.validate?.maxLength;
    if (!max) continue;
    const answers = Object.fromEntries(Object.entries(expected).map(([k, s]) => [k, answer(s)]));
    Object.assign(answers, spec.shownWhen || {});
    answers[key] = 'あ'.repeat(max + 1);
    const { form } = await render(schema, { ...variables, ...answers });
    const { errors } = form.submit();
    if (!errors[`Field_${key}`]) problems.push(`${key}: ${max + 1} characters are accepted`);
    form.destroy();
  }
}

const files = fs.readdirSync(formsDir).filter(f => f.endsWith('.form')).sort();
let passed = 0;
let failed = 0;
for (const id of Object.keys(CONTRACT)) {
  if (!files.includes(`${id}.form`)) {
    console.log(`FAIL ${id}.form: missing`);
    failed++;
  }
}
for (const file of files) {
  const formId = file.replace(/\.form$/, '');
  const problems = [];
  try {
    const schema = checkFile(path.join(formsDir, file), problems);
    if (schema) {
      const found = checkSchema(formId, schema, problems);
      await checkBehaviour(formId, schema, found, problems);
    }
  } catch (e) {
    problems.push(`form-js ${FORM_JS_VERSION} failed: ${e.stack || e}`);
  }
  if (problems.length) {
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems) console.log(`  - ${p}`);
  } else {
    passed++;
    console.log(`ok   ${file}`);
  }
}
console.log(`forms: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
