/**
 * Jury assignment (shared/contest) on generated contests — the size (500 applications × 15
 * jurors, 3 reviews each) and larger — plus score-file signing and checking. Prints median and worst
 * wall time over repeated runs and the figures of the result; asserts nothing about time.
 * Run: npx tsx tests/bench/jury-assignment.bench.ts [--quick]
 */
import { assignJury } from '../../shared/contest/assignment';
import type { AssignmentInput } from '../../shared/contest/assignment';
import { generateDeviceKey, randomSecret } from '../../shared/crypto';
import { verifyScoreFile, writeScoreFile } from '../../shared/contest/score-file';
import { detectConflicts } from '../../shared/contest/conflicts';
import type { JurorProfile } from '../../shared/contest/conflicts';
import { createRng } from '../../shared/generator/rng';
import { app, juror, randomInstance, score } from '../unit/shared/contest/fixtures';

const QUICK = process.argv.includes('--quick');
const REPEATS = QUICK ? 3 : 9;

async function time<T>(f: () => T | Promise<T>): Promise<{ ms: number[]; result: T }> {
  let result = await f(); // warm-up (JIT)
  const ms: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    result = await f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms, result };
}

const fmt = (ms: number[]) => `${ms[ms.length >> 1]!.toFixed(1).padStart(8)} ${ms[ms.length - 1]!.toFixed(1).padStart(8)}`;

type Case = { name: string; input: AssignmentInput };

/**
 * A contest like the Ufa one: applications from 25 municipalities, jurors spread evenly over the
 * nominations, conflicts found the real way (same municipality, same organization).
 */
function realistic(seed: number, apps: number, jurorCount: number, nominationCount: number, cap?: number): AssignmentInput {
  const rng = createRng(seed);
  const noms = Array.from({ length: nominationCount }, (_, i) => `n${i}`);
  const applications = Array.from({ length: apps }, (_, i) =>
    app(`a${String(i).padStart(4, '0')}`, { nominationId: noms[i % nominationCount]!, municipalityId: `m${rng.int(0, 24)}`, organizationId: `o${rng.int(0, apps)}` }),
  );
  const jurors: JurorProfile[] = Array.from({ length: jurorCount }, (_, i) => ({
    ...juror(`j${String(i).padStart(2, '0')}`, { nominationIds: [noms[i % nominationCount]!], ...(cap === undefined ? {} : { cap }) }),
    municipalityId: `m${rng.int(0, 24)}`,
    organizationId: `o${rng.int(0, apps)}`,
  }));
  return { minReviews: 3, applications, jurors, conflicts: detectConflicts({ jurors, applications }), anchorsPerNomination: 2 };
}

const cases: Case[] = [
  { name: '500 × 15, 1 nomination, min 3', input: realistic(1, 500, 15, 1) },
  { name: '500 × 15, 3 nominations, min 3', input: realistic(2, 500, 15, 3) },
  { name: '500 × 15, 3 nominations, min 3, cap 110', input: realistic(3, 500, 15, 3, 110) },
  { name: '500 × 15, 3 nominations, min 3, cap 95 (too low)', input: realistic(4, 500, 15, 3, 95) },
  { name: '5000 × 60, 6 nominations, min 3', input: realistic(5, 5000, 60, 6) },
  { name: 'random: 2000 × 40, 5 nominations, caps, manual', input: randomInstance({ seed: 3, apps: 2000, jurors: 40, nominations: 5, minReviews: 3, conflictRate: 0.1, capRate: 0.5, manualRate: 0.001, anchors: 2 }) },
];

console.log(`jury assignment, ${REPEATS} runs after one warm-up; node ${process.version}`);
console.log('case'.padEnd(56), 'median ms'.padStart(8), '  max ms', '  apps  reviews  load min–max  Σload²   short  conflicts');
for (const c of cases) {
  const { ms, result } = await time(() => assignJury(c.input));
  const loads = Object.values(result.load);
  const admitted = Object.keys(result.reviews).length;
  console.log(
    c.name.padEnd(56),
    fmt(ms),
    String(admitted).padStart(6),
    String(result.assignments.length).padStart(8),
    `${Math.min(...loads)}–${Math.max(...loads)}`.padStart(13),
    String(result.cost).padStart(8),
    String(result.shortfalls.reduce((s, x) => s + x.missing, 0)).padStart(7),
    String(c.input.conflicts?.length ?? 0).padStart(10),
  );
}

const secret = randomSecret();
const keyPair = await generateDeviceKey();
const sheets = Array.from({ length: 100 }, (_, i) => score('j1', `a${i}`, 3, { status: 'final', comment: 'Обоснование '.repeat(20) }));
const write = await time(() => writeScoreFile({ contestId: 'c1', jurorId: 'j1', invitationSecret: secret, keyPair, scores: sheets, createdAt: '2019-12-25T12:00:00Z' }));
const file = write.result;
const verify = await time(() => verifyScoreFile(file, { contestId: 'c1', jurors: new Map([['j1', { invitationSecret: secret }]]), stored: new Map() }));
console.log(`score file of ${sheets.length} sheets (${(file.length / 1024).toFixed(0)} KB): write ${fmt(write.ms)} ms, verify ${fmt(verify.ms)} ms (median, max)`);
