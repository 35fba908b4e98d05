import { createMemoryStore } from '../src/index.js';
import { storeContract } from './contract.js';

storeContract('in-memory', {
  create: async () => createMemoryStore(),
  dispose: async () => {},
});
