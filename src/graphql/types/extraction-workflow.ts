// The extraction workflow and upstream sync (seed 003), one module per part.
import './member.ts';
import './validated-office.ts';
import './extraction.ts';
import './upstream.ts';
export {};
