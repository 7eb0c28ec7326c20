// The other parts of the graph, each in its own module. Listed here so that adding a domain
// touches one line of this file and nothing else in schema.ts.
import './subscription.ts';
import './backup.ts';
import './job.ts';
import './model.ts';
import './file.ts';
import './extraction-workflow.ts';
import './notification.ts';
import './webhook.ts';
export {};
