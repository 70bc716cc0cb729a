// Reads BPMN XML on stdin and writes what the /design modeller would save: the same moddle
// (bpmn-moddle + src/flowable.json) that bpmn-js uses for importXML/saveXML. Used by the round-trip
// tests to prove that opening and saving a file in the studio keeps what Flowable reads.
import { BpmnModdle } from 'bpmn-moddle';
import { readFileSync } from 'node:fs';

const flowable = JSON.parse(readFileSync(new URL('./src/flowable.json', import.meta.url)));
const moddle = new BpmnModdle({ flowable });
const xml = readFileSync(0, 'utf8');
const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
for (const warning of warnings) {
  console.error('warning: ' + warning.message.split('\n')[0]);
}
const { xml: saved } = await moddle.toXML(rootElement, { format: true });
process.stdout.write(saved);
