/** `npm run bench`: every benchmark, with generated data from a seeded generator. Figures go to the README. */
import { cpus } from 'node:os';
import { printResults } from './measure';
import { runVaultBench } from './vault.bench';

console.log(`Passerelle benchmarks — Node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`);
printResults('Vault: unlock and encrypted vs plain SQLite (medians of 3)', await runVaultBench());
