import { useState } from 'preact/hooks';
import type { Me } from '../../utils/messages';
import { RecordsBoard } from './records-board';
import { RecordsDetail } from './records-detail';
import { RecordsFiguresLine } from './records-figures';
import { RecordsForm } from './records-form';
import { RecordsSettingsView } from './records-settings';

type View = { kind: 'board' } | { kind: 'add' } | { kind: 'settings' } | { kind: 'detail'; id: string };

/** Records requests (spec 001, 8.4): the compliance board, a request's page, and logging a new one. */
export function RecordsArea({ me }: { me: Me }) {
  const [view, setView] = useState<View>({ kind: 'board' });
  if (view.kind === 'add')
    return (
      <RecordsForm
        onCancel={() => setView({ kind: 'board' })}
        onSaved={(r) => setView({ kind: 'detail', id: r.id })}
      />
    );
  if (view.kind === 'settings')
    return <RecordsSettingsView permissions={me.permissions} onBack={() => setView({ kind: 'board' })} />;
  if (view.kind === 'detail')
    return (
      <RecordsDetail
        key={view.id}
        id={view.id}
        permissions={me.permissions}
        onBack={() => setView({ kind: 'board' })}
      />
    );
  return (
    <div>
      <div class="row">
        {me.permissions.includes('records:edit') ? (
          <button type="button" class="primary" onClick={() => setView({ kind: 'add' })}>
            New request
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={() => setView({ kind: 'settings' })}>
          Records settings
        </button>
      </div>
      <RecordsFiguresLine />
      <RecordsBoard onOpen={(id) => setView({ kind: 'detail', id })} />
    </div>
  );
}
