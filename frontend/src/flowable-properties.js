// The "Flowable" tab of the properties panel: the flowable: attributes and extension elements
// designers set. Everything is written in the flowable: namespace (never camunda:).
import { h } from '@bpmn-io/properties-panel/preact';
import {
  CheckboxEntry, ListGroup, TextFieldEntry,
  isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { timerPreview } from './timer-preview.js';

const LOW_PRIORITY = 400;

/** Server-side catalogue: documented delegates, form keys and IDM groups (read from the page). */
function catalogue() {
  return window.OPSFLOW_DESIGN || { delegates: [], forms: [], groups: [] };
}

function attrEntry(id, label, attr, options = {}) {
  return {
    id,
    isEdited: isTextFieldEntryEdited,
    component: (props) => h(AttributeText, { ...props, id, label, attr, ...options })
  };
}

function AttributeText(props) {
  const { element, id, label, attr, target, description, disabled, validate } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  const owner = () => (target ? target(element) : getBusinessObject(element));
  return h(TextFieldEntry, {
    element, id, label, debounce, disabled, validate,
    description: typeof description === 'function' ? description(owner()) : description,
    getValue: () => owner().get(attr) || '',
    setValue: (value) => {
      const props = { [attr]: value ? value : undefined };
      if (target) {
        modeling.updateModdleProperties(element, owner(), props);
      } else {
        modeling.updateProperties(element, props);
      }
    }
  });
}

function flagEntry(id, label, attr) {
  return {
    id,
    isEdited: isCheckboxEntryEdited,
    component: (props) => h(AttributeFlag, { ...props, id, label, attr })
  };
}

function AttributeFlag({ element, id, label, attr }) {
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  return h(CheckboxEntry, {
    element, id, label,
    getValue: () => bo.get(attr),
    setValue: (value) => modeling.updateProperties(element, { [attr]: value })
  });
}

function selectEntry(id, label, attr, options, toValue = (v) => v, fromValue = (v) => v) {
  return {
    id,
    isEdited: isSelectEntryEdited,
    component: (props) => h(AttributeSelect, { ...props, id, label, attr, options, toValue, fromValue })
  };
}

// Our own <select> rather than the panel's SelectEntry: that one only listens to `input`, and a
// browser or driver that reports a pick by `change` alone left the form key unset in the BPMN. Both
// events write through the modeling command stack (undo, dirty flag, saved XML).
function AttributeSelect({ element, id, label, attr, options, toValue, fromValue }) {
  const modeling = useService('modeling');
  const current = () => fromValue(getBusinessObject(element).get(attr) || '');
  const list = [{ value: '', label: '(none)' }, ...options()];
  const value = current();
  if (value && !list.some((o) => o.value === value)) {
    list.push({ value, label: value + ' (not known to Opsflow)' });
  }
  const write = (event) => {
    const picked = event.target.value;
    if (picked !== current()) {
      modeling.updateProperties(element, { [attr]: picked ? toValue(picked) : undefined });
    }
  };
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h('div', { class: 'bio-properties-panel-select' },
      h('label', { for: 'bio-properties-panel-' + id, class: 'bio-properties-panel-label' }, label),
      h('select', { id: 'bio-properties-panel-' + id, name: id, class: 'bio-properties-panel-input', value, onInput: write, onChange: write },
        list.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)))));
}

function extensions(bo, type) {
  const ext = bo.get('extensionElements');
  return ext ? ext.get('values').filter((v) => is(v, type)) : [];
}

function addExtension(injector, element, type, properties) {
  const bpmnFactory = injector.get('bpmnFactory');
  const modeling = injector.get('modeling');
  const bo = getBusinessObject(element);
  let ext = bo.get('extensionElements');
  if (!ext) {
    ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateProperties(element, { extensionElements: ext });
  }
  const created = bpmnFactory.create(type, properties);
  created.$parent = ext;
  modeling.updateModdleProperties(element, ext, { values: [...ext.get('values'), created] });
}

function removeExtension(injector, element, item) {
  const modeling = injector.get('modeling');
  const ext = getBusinessObject(element).get('extensionElements');
  modeling.updateModdleProperties(element, ext, { values: ext.get('values').filter((v) => v !== item) });
}

function fieldsGroup(element, injector) {
  const bo = getBusinessObject(element);
  const items = extensions(bo, 'flowable:Field').map((field, index) => ({
    id: 'field-' + index,
    label: field.get('name') || '(no name)',
    remove: () => removeExtension(injector, element, field),
    entries: [
      attrEntry('field-' + index + '-name', 'Name', 'name', { target: () => field }),
      attrEntry('field-' + index + '-string', 'String value', 'stringValue', { target: () => field }),
      attrEntry('field-' + index + '-expression', 'Expression', 'expression', { target: () => field })
    ],
    autoFocusEntry: 'field-' + index + '-name'
  }));
  return {
    id: 'flowable-fields', label: 'Flowable fields', component: ListGroup, items,
    add: (event) => { event.stopPropagation(); addExtension(injector, element, 'flowable:Field', { name: 'field' + (items.length + 1) }); }
  };
}

function listenersGroup(element, injector, type, label) {
  const bo = getBusinessObject(element);
  const prefix = type === 'flowable:TaskListener' ? 'task-listener-' : 'execution-listener-';
  const items = extensions(bo, type).map((listener, index) => ({
    id: prefix + index,
    label: (listener.get('event') || '?') + ': ' + (listener.get('delegateExpression') || listener.get('expression') || listener.get('class') || ''),
    remove: () => removeExtension(injector, element, listener),
    entries: [
      attrEntry(prefix + index + '-event', 'Event', 'event', { target: () => listener,
        description: type === 'flowable:TaskListener' ? 'create, assignment, complete, delete' : 'start, end, take' }),
      attrEntry(prefix + index + '-delegate', 'Delegate expression', 'delegateExpression', { target: () => listener }),
      attrEntry(prefix + index + '-expression', 'Expression', 'expression', { target: () => listener }),
      attrEntry(prefix + index + '-class', 'Java class (read-only)', 'class', { target: () => listener, disabled: true })
    ]
  }));
  return {
    id: prefix + 'group', label, component: ListGroup, items,
    add: (event) => {
      event.stopPropagation();
      addExtension(injector, element, type, { event: type === 'flowable:TaskListener' ? 'create' : 'start', delegateExpression: '${sendMessage}' });
    }
  };
}

function RetryCycle({ element, id }) {
  const injector = useService('injector');
  const debounce = useService('debounceInput');
  const bo = getBusinessObject(element);
  const current = () => extensions(bo, 'flowable:FailedJobRetryTimeCycle')[0];
  return h(TextFieldEntry, {
    element, id, debounce, label: 'Retry time cycle', description: 'e.g. R5/PT10M: 5 tries, 10 minutes apart',
    getValue: () => (current() ? current().get('body') || '' : ''),
    setValue: (value) => {
      const existing = current();
      if (existing && !value) {
        removeExtension(injector, element, existing);
      } else if (existing) {
        injector.get('modeling').updateModdleProperties(element, existing, { body: value });
      } else if (value) {
        addExtension(injector, element, 'flowable:FailedJobRetryTimeCycle', { body: value });
      }
    }
  });
}

function TimerPreview({ element, id }) {
  const def = (getBusinessObject(element).get('eventDefinitions') || []).find((d) => is(d, 'bpmn:TimerEventDefinition'));
  const expr = def && (def.get('timeDate') || def.get('timeDuration') || def.get('timeCycle'));
  const kind = def && (def.get('timeDate') ? 'date' : def.get('timeDuration') ? 'duration' : 'cycle');
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h('div', { class: 'bio-properties-panel-label' }, 'Timer in words'),
    h('div', { class: 'opsflow-timer-preview' }, expr ? timerPreview(kind, expr.get('body') || '') : 'no timer set'));
}

function flowableEntries(element) {
  const bo = getBusinessObject(element);
  const data = catalogue();
  const entries = [];
  if (is(element, 'bpmn:Process') || (is(element, 'bpmn:Participant') && bo.get('processRef'))) {
    const target = is(element, 'bpmn:Participant') ? (el) => getBusinessObject(el).get('processRef') : undefined;
    entries.push(attrEntry('flowable-starterGroups', 'Candidate starter groups', 'flowable:candidateStarterGroups', { target }));
    entries.push(attrEntry('flowable-starterUsers', 'Candidate starter users', 'flowable:candidateStarterUsers', { target }));
  }
  if (is(element, 'bpmn:UserTask')) {
    entries.push(attrEntry('flowable-assignee', 'Assignee', 'flowable:assignee', { description: 'a user id or ${variable}' }));
    entries.push(attrEntry('flowable-candidateUsers', 'Candidate users', 'flowable:candidateUsers'));
    entries.push(attrEntry('flowable-candidateGroups', 'Candidate groups', 'flowable:candidateGroups',
      { description: 'comma-separated; groups: ' + data.groups.join(' · ') }));
    entries.push(attrEntry('flowable-dueDate', 'Due date', 'flowable:dueDate', { description: 'ISO date, duration (PT4H) or ${variable}' }));
    entries.push(attrEntry('flowable-priority', 'Priority', 'flowable:priority'));
  }
  if (is(element, 'bpmn:UserTask') || is(element, 'bpmn:StartEvent')) {
    entries.push(selectEntry('flowable-formKey', 'Form key (forms/)', 'flowable:formKey',
      () => data.forms.map((f) => ({ value: f, label: f }))));
  }
  if (is(element, 'bpmn:StartEvent')) {
    entries.push(attrEntry('flowable-initiator', 'Initiator variable', 'flowable:initiator'));
  }
  if (is(element, 'bpmn:ServiceTask') || is(element, 'bpmn:SendTask') || is(element, 'bpmn:BusinessRuleTask')) {
    entries.push(selectEntry('flowable-delegate', 'Opsflow delegate', 'flowable:delegateExpression',
      () => data.delegates.map((d) => ({ value: d.name, label: d.name + ' — ' + d.summary })),
      (name) => '${' + name + '}', (expr) => (expr.match(/^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*}$/) || [null, expr])[1]));
    entries.push(attrEntry('flowable-delegateExpression', 'Delegate expression', 'flowable:delegateExpression'));
    entries.push(attrEntry('flowable-expression', 'Expression (admins deploy)', 'flowable:expression'));
    entries.push(attrEntry('flowable-resultVariableName', 'Result variable', 'flowable:resultVariableName'));
    entries.push(attrEntry('flowable-class', 'Java class (read-only)', 'flowable:class', { disabled: true }));
  }
  if (is(element, 'bpmn:CallActivity')) {
    entries.push(attrEntry('flowable-calledElement', 'Called process key', 'calledElement'));
    entries.push(flagEntry('flowable-inheritVariables', 'Inherit variables', 'flowable:inheritVariables'));
  }
  const mi = bo.get && bo.get('loopCharacteristics');
  if (mi && is(mi, 'bpmn:MultiInstanceLoopCharacteristics')) {
    entries.push(attrEntry('flowable-collection', 'Multi-instance collection', 'flowable:collection', { target: () => mi }));
    entries.push(attrEntry('flowable-elementVariable', 'Element variable', 'flowable:elementVariable', { target: () => mi }));
  }
  if (is(element, 'bpmn:Event') && (bo.get('eventDefinitions') || []).some((d) => is(d, 'bpmn:TimerEventDefinition'))) {
    entries.push({ id: 'flowable-timerPreview', component: TimerPreview, isEdited: () => false });
  }
  if (is(element, 'bpmn:Activity') || is(element, 'bpmn:Gateway') || is(element, 'bpmn:Event')) {
    entries.push(flagEntry('flowable-async', 'Asynchronous', 'flowable:async'));
    entries.push(flagEntry('flowable-exclusive', 'Exclusive', 'flowable:exclusive'));
  }
  if (is(element, 'bpmn:Activity')) {
    entries.push({ id: 'flowable-retryCycle', component: RetryCycle, isEdited: isTextFieldEntryEdited });
  }
  return entries;
}

export default function FlowablePropertiesProvider(propertiesPanel, injector) {
  this.getGroups = function(element) {
    return function(groups) {
      const entries = flowableEntries(element);
      if (entries.length) {
        groups.push({ id: 'flowable', label: 'Flowable', entries });
      }
      if (is(element, 'bpmn:ServiceTask') || is(element, 'bpmn:SendTask')) {
        groups.push(fieldsGroup(element, injector));
      }
      if (is(element, 'bpmn:UserTask')) {
        groups.push(listenersGroup(element, injector, 'flowable:TaskListener', 'Task listeners'));
      }
      if (is(element, 'bpmn:FlowNode') || is(element, 'bpmn:Process')) {
        groups.push(listenersGroup(element, injector, 'flowable:ExecutionListener', 'Execution listeners'));
      }
      return groups;
    };
  };
  propertiesPanel.registerProvider(LOW_PRIORITY, this);
}

FlowablePropertiesProvider.$inject = ['propertiesPanel', 'injector'];
