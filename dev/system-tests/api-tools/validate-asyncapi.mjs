// Parses and validates an AsyncAPI document with the official parser (external $refs resolved relative to
// the document), prints every diagnostic, and exits 1 if any is an error.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const severities = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity]} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === 0).length;
console.log(`AsyncAPI parser: ${errors} errors, ${diagnostics.length - errors} other diagnostics` +
  (document ? `, ${document.channels().length} channels, ${document.messages().length} messages` : ', no document'));
process.exit(errors === 0 && document ? 0 : 1);
