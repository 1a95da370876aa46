import { scoreRosters } from './read-rosters';
import { formatScores } from './score';

const r = await scoreRosters(process.env.ROSTER_READER ?? 'table');
for (const [h, x] of Object.entries(r))
  console.log(
    formatScores(h, x.scores),
    x.invented,
    (x.ms.reduce((a, b) => a + b, 0) / x.ms.length / 1000).toFixed(2),
  );
