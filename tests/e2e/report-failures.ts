import { beforeEach } from 'vitest';
import { diagnose } from './diagnose';
import { openPanels } from './extension-browser';

/**
 * When a browser test fails, say what each open panel and the background were
 * doing at that moment (what was still waiting, which tab was in front, whether
 * the server answered), so a failure that happens once in many runs can be
 * understood from its log instead of being run again and again.
 */
beforeEach(({ onTestFailed }) => {
  onTestFailed(async () => {
    for (const panel of openPanels())
      console.error(`Diagnosis of ${panel.url()} after the failure:\n${await diagnose(panel)}`);
  });
});
