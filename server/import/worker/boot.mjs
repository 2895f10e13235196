// Entry of the validation worker (read-off-thread.ts). Worker threads start without the tsx loader
// the server runs under, so it is registered here before the TypeScript module is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./validate-worker.ts');
